package dev.tradeflow.domain.credit;

import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A facility's limit and its reservations (released ones are kept, so a repeated release or a late
 * reserve for the same id is recognised).
 */
public record FacilityState(Money limit, Map<ReservationId, Reservation> reservations) {

  public enum ReservationStatus {
    RESERVED,
    CONSUMED,
    RELEASED
  }

  public record Reservation(LcId lcId, Money amount, ReservationStatus status) {}

  public FacilityState {
    Objects.requireNonNull(limit, "limit");
    reservations = Map.copyOf(reservations);
  }

  /** Reserved plus used: what the limit is carrying. */
  public Money utilised() {
    Money total = Money.zero(limit.currency());
    for (Reservation reservation : reservations.values()) {
      if (reservation.status() != ReservationStatus.RELEASED) {
        total = total.plus(reservation.amount());
      }
    }
    return total;
  }

  public Money available() {
    return limit.minus(utilised());
  }
}
