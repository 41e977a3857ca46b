package dev.tradeflow.domain.credit;

import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.money.Money;
import java.util.Objects;

/** What may be asked of a credit facility. */
public sealed interface FacilityCommand {

  /** Opens the facility with its limit (its currency is the facility's). */
  record OpenFacility(Money limit) implements FacilityCommand {
    public OpenFacility {
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** Sets a new limit; never below what is reserved and used. */
  record ChangeLimit(Money limit) implements FacilityCommand {
    public ChangeLimit {
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** Sets aside an amount for a credit being applied for. Repeating it changes nothing. */
  record ReserveCredit(ReservationId reservation, LcId lcId, Money amount)
      implements FacilityCommand {
    public ReserveCredit {
      Objects.requireNonNull(reservation, "reservation");
      Objects.requireNonNull(lcId, "lcId");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /** The credit was issued: the reservation becomes utilisation. Repeating it changes nothing. */
  record ConsumeReservation(ReservationId reservation) implements FacilityCommand {
    public ConsumeReservation {
      Objects.requireNonNull(reservation, "reservation");
    }
  }

  /** Gives the amount back (a compensation, or the credit's end). Repeating it changes nothing. */
  record ReleaseReservation(ReservationId reservation, String reason) implements FacilityCommand {
    public ReleaseReservation {
      Objects.requireNonNull(reservation, "reservation");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
