package dev.tradeflow.runtime.dlq;

import java.util.Objects;

/** An operator's request on dead letters that cannot be carried out, and why. */
public final class DeadLetterRefused extends IllegalArgumentException {

  public enum Why {
    /** No dead letter has that id, or none matches the key. */
    NOT_FOUND,
    /** Replayed or purged already. */
    RESOLVED,
    /** An older open dead letter of the same key must go first. */
    OUT_OF_ORDER,
    /** A purge without a reason. */
    NO_REASON
  }

  private final Why why;

  DeadLetterRefused(Why why, String message) {
    super(message);
    this.why = Objects.requireNonNull(why, "why");
  }

  public Why why() {
    return why;
  }
}
