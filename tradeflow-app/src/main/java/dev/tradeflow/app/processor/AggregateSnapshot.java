package dev.tradeflow.app.processor;

import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the command processor keeps per letter of credit: the state its events fold to, the head of
 * its hash chain, and the outcomes of its most recent commands (oldest first, at most the dedup
 * window) so a repeated command id is answered without deciding again.
 */
public record AggregateSnapshot(LcState state, ChainHead head, List<CommandResult> recentResults) {

  public AggregateSnapshot {
    recentResults = List.copyOf(recentResults);
  }

  public Optional<CommandResult> resultOf(CommandId commandId) {
    return recentResults.stream().filter(r -> r.commandId().equals(commandId)).findFirst();
  }

  /** The next snapshot: the new state and head, with this result remembered. */
  AggregateSnapshot next(LcState newState, ChainHead newHead, CommandResult result, int window) {
    List<CommandResult> results = new ArrayList<>(recentResults);
    results.add(result);
    int excess = results.size() - window;
    return new AggregateSnapshot(
        newState, newHead, excess > 0 ? results.subList(excess, results.size()) : results);
  }

  static AggregateSnapshot first(LcState state, ChainHead head, CommandResult result) {
    return new AggregateSnapshot(state, head, List.of(result));
  }
}
