package dev.tradeflow.domain.lc;

import java.util.Objects;

/** A refused command: a stable code and a detail a person can act on. */
public record Rejection(RejectionCode code, String detail) {

  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
