package dev.tradeflow.runtime.dlq;

import java.util.Objects;
import java.util.Optional;

/** A dead letter and, once an operator acted on it, what was done. */
public record DeadLetterEntry(DeadLetter letter, Optional<DeadLetterAction> resolution) {

  public DeadLetterEntry {
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(resolution, "resolution");
  }

  /** Neither replayed nor purged yet. */
  public boolean isOpen() {
    return resolution.isEmpty();
  }
}
