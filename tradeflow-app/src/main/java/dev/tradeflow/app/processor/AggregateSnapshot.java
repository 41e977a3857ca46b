package dev.tradeflow.app.processor;

import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.lc.LcState;
import java.util.Objects;

/**
 * What the command processor keeps per letter of credit: the state its events fold to and the head
 * of its hash chain (the outcomes of its commands are kept apart, see {@link RememberedOutcome}).
 */
public record AggregateSnapshot(LcState state, ChainHead head) {

  public AggregateSnapshot {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(head, "head");
  }
}
