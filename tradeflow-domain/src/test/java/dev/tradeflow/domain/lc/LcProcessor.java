package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.EventContext;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The command processor in miniature: it decides each command against the state it holds, folds the
 * accepted events into that state and stamps them onto the aggregate's hash chain, as the Kafka
 * Streams processor does. Event ids and times are derived from the position in the run, so a run is
 * a pure function of its commands.
 */
final class LcProcessor {

  static final String LC_ID = "LC-PROPERTY-1";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private LcProcessor() {}

  /** One command and what it did. */
  record Step(
      Optional<LcState> before,
      LcCommand command,
      Decision decision,
      List<RecordedEvent<LcEvent>> recorded,
      Optional<LcState> after) {}

  record Run(List<Step> steps) {

    List<RecordedEvent<LcEvent>> events() {
      return steps.stream().flatMap(step -> step.recorded().stream()).toList();
    }

    List<LcEvent> payloads() {
      return steps.stream().flatMap(step -> step.decision().events().stream()).toList();
    }

    List<LcCommand> acceptedCommands() {
      return steps.stream()
          .filter(step -> step.decision().isAccepted())
          .map(Step::command)
          .toList();
    }

    Optional<LcState> finalState() {
      return steps.isEmpty() ? Optional.empty() : steps.get(steps.size() - 1).after();
    }
  }

  static Run process(List<LcCommand> commands) {
    List<Step> steps = new ArrayList<>(commands.size());
    Optional<LcState> state = Optional.empty();
    ChainHead head = ChainHead.EMPTY;
    Supplier<UUID> eventIds = eventIds();
    for (int i = 0; i < commands.size(); i++) {
      LcCommand command = commands.get(i);
      Decision decision = LetterOfCredit.decide(state, command, LcFixture.CALENDAR);
      Optional<LcState> after = state;
      for (LcEvent event : decision.events()) {
        after = Optional.of(LetterOfCredit.evolve(after, event));
      }
      EventContext context =
          new EventContext(
              command.commandId().value(), "property-run", "property-test", START.plusSeconds(i));
      List<RecordedEvent<LcEvent>> recorded =
          HashChain.append(head, LC_ID, decision.events(), context, eventIds);
      if (!recorded.isEmpty()) {
        head = ChainHead.of(recorded.get(recorded.size() - 1));
      }
      steps.add(new Step(state, command, decision, recorded, after));
      state = after;
    }
    return new Run(List.copyOf(steps));
  }

  private static Supplier<UUID> eventIds() {
    long[] issued = {0};
    return () -> new UUID(0x7F, ++issued[0]);
  }
}
