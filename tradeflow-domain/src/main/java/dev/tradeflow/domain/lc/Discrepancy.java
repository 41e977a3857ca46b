package dev.tradeflow.domain.lc;

import java.util.Objects;

/** A way in which a presentation does not comply: a stable code and a description. */
public record Discrepancy(String code, String description) {

  public Discrepancy {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(description, "description");
    if (code.isBlank() || description.isBlank()) {
      throw new IllegalArgumentException("a discrepancy has a code and a description");
    }
  }
}
