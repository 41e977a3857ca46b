package dev.tradeflow.runtime.dlq;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator did with a dead letter, as recorded in {@code tf.dlq.actions}: the audit trail
 * of every replay and purge, and what marks a dead letter resolved.
 *
 * @param replayedTo where the replay was written ({@code <topic>:<partition>:<offset>}); empty for
 *     a purge
 * @param reason why, as the operator said (required for a purge)
 */
public record DeadLetterAction(
    DeadLetterId deadLetter,
    Kind kind,
    Instant at,
    String actor,
    Optional<String> reason,
    Optional<String> replayedTo) {

  public enum Kind {
    REPLAYED,
    PURGED
  }

  public DeadLetterAction {
    Objects.requireNonNull(deadLetter, "deadLetter");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(replayedTo, "replayedTo");
  }
}
