package dev.tradeflow.domain.credit;

import dev.tradeflow.domain.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a facility command was refused; an over-limit refusal carries the figures (limit, already
 * utilised, available, requested) so the applicant and the credit officer see the same numbers.
 */
public record FacilityRefusal(Code code, String detail, Optional<Figures> figures) {

  public enum Code {
    FACILITY_NOT_FOUND,
    FACILITY_ALREADY_OPEN,
    CURRENCY_MISMATCH,
    INVALID_AMOUNT,
    OVER_LIMIT,
    LIMIT_BELOW_UTILISATION,
    RESERVATION_NOT_FOUND,
    RESERVATION_CONFLICT,
    RESERVATION_RELEASED
  }

  public record Figures(Money limit, Money utilised, Money available, Money requested) {}

  public FacilityRefusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(figures, "figures");
  }
}
