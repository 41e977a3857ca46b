package dev.tradeflow.domain.lc;

import java.time.LocalDate;
import java.util.Objects;

/** An amendment requested under the credit and the beneficiary's answer. */
public record Amendment(
    AmendmentId amendmentId,
    AmendmentChanges changes,
    LocalDate requestedOn,
    AmendmentStatus status) {

  public Amendment {
    Objects.requireNonNull(amendmentId, "amendmentId");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(status, "status");
  }

  Amendment answered(AmendmentStatus answer) {
    return new Amendment(amendmentId, changes, requestedOn, answer);
  }
}
