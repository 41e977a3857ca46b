package dev.tradeflow.domain.credit;

import java.util.Objects;

/** One reservation on a facility; the issuance saga uses its own id, so a retry is a repeat. */
public record ReservationId(String value) {

  public ReservationId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a reservation id is required");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
