package dev.tradeflow.domain.credit;

import dev.tradeflow.domain.credit.FacilityCommand.ChangeLimit;
import dev.tradeflow.domain.credit.FacilityCommand.ConsumeReservation;
import dev.tradeflow.domain.credit.FacilityCommand.OpenFacility;
import dev.tradeflow.domain.credit.FacilityCommand.ReleaseReservation;
import dev.tradeflow.domain.credit.FacilityCommand.ReserveCredit;
import dev.tradeflow.domain.credit.FacilityEvent.CreditReserved;
import dev.tradeflow.domain.credit.FacilityEvent.FacilityOpened;
import dev.tradeflow.domain.credit.FacilityEvent.LimitChanged;
import dev.tradeflow.domain.credit.FacilityEvent.ReservationConsumed;
import dev.tradeflow.domain.credit.FacilityEvent.ReservationReleased;
import dev.tradeflow.domain.credit.FacilityRefusal.Code;
import dev.tradeflow.domain.credit.FacilityState.Reservation;
import dev.tradeflow.domain.credit.FacilityState.ReservationStatus;
import dev.tradeflow.domain.money.Money;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's credit facility as an event-sourced aggregate: a limit, and reservations that are
 * made for credits being applied for, consumed when the credit is issued and released when it is
 * not (or when it ends). Available = limit - reserved - consumed; a reservation over what is
 * available is refused with the figures. No exchange rates: amounts are in the facility's currency.
 */
public final class CreditFacility {

  private CreditFacility() {}

  public static FacilityDecision decide(Optional<FacilityState> state, FacilityCommand command) {
    if (command instanceof OpenFacility) {
      Money limit = ((OpenFacility) command).limit();
      if (state.isPresent()) {
        return refuse(Code.FACILITY_ALREADY_OPEN, "the facility is already open");
      }
      if (limit.amount().signum() < 0) {
        return refuse(Code.INVALID_AMOUNT, "a limit is zero or more: " + limit);
      }
      return FacilityDecision.accept(new FacilityOpened(limit));
    }
    if (state.isEmpty()) {
      return refuse(Code.FACILITY_NOT_FOUND, "no credit facility is open for this applicant");
    }
    FacilityState facility = state.get();
    if (command instanceof ChangeLimit) {
      return changeLimit(facility, ((ChangeLimit) command).limit());
    }
    if (command instanceof ReserveCredit) {
      return reserve(facility, (ReserveCredit) command);
    }
    if (command instanceof ConsumeReservation) {
      ReservationId id = ((ConsumeReservation) command).reservation();
      Reservation reservation = facility.reservations().get(id);
      if (reservation == null) {
        return refuse(Code.RESERVATION_NOT_FOUND, "no reservation " + id);
      }
      switch (reservation.status()) {
        case CONSUMED:
          return FacilityDecision.accept();
        case RELEASED:
          return refuse(Code.RESERVATION_RELEASED, "reservation " + id + " was released");
        default:
          return FacilityDecision.accept(new ReservationConsumed(id, reservation.amount()));
      }
    }
    ReleaseReservation release = (ReleaseReservation) command;
    Reservation reservation = facility.reservations().get(release.reservation());
    if (reservation == null) {
      return refuse(Code.RESERVATION_NOT_FOUND, "no reservation " + release.reservation());
    }
    if (reservation.status() == ReservationStatus.RELEASED) {
      return FacilityDecision.accept();
    }
    return FacilityDecision.accept(
        new ReservationReleased(release.reservation(), reservation.amount(), release.reason()));
  }

  private static FacilityDecision changeLimit(FacilityState facility, Money limit) {
    if (!limit.sameCurrencyAs(facility.limit())) {
      return refuse(
          Code.CURRENCY_MISMATCH,
          "the facility is in " + facility.limit().currency() + ": " + limit);
    }
    if (facility.utilised().exceeds(limit)) {
      return refuse(
          Code.LIMIT_BELOW_UTILISATION,
          "a limit of " + limit + " is below what is reserved and used: " + facility.utilised());
    }
    return FacilityDecision.accept(new LimitChanged(limit));
  }

  private static FacilityDecision reserve(FacilityState facility, ReserveCredit reserve) {
    Reservation existing = facility.reservations().get(reserve.reservation());
    if (existing != null) {
      if (!existing.amount().equals(reserve.amount()) || !existing.lcId().equals(reserve.lcId())) {
        return refuse(
            Code.RESERVATION_CONFLICT,
            "reservation "
                + reserve.reservation()
                + " already holds "
                + existing.amount()
                + " for "
                + existing.lcId());
      }
      return existing.status() == ReservationStatus.RELEASED
          ? refuse(
              Code.RESERVATION_RELEASED, "reservation " + reserve.reservation() + " was released")
          : FacilityDecision.accept();
    }
    Money amount = reserve.amount();
    if (!amount.sameCurrencyAs(facility.limit())) {
      return refuse(
          Code.CURRENCY_MISMATCH,
          "the facility is in "
              + facility.limit().currency()
              + ", the credit in "
              + amount.currency()
              + " (no exchange-rate conversion)");
    }
    if (!amount.isPositive()) {
      return refuse(Code.INVALID_AMOUNT, "a reservation is positive: " + amount);
    }
    Money available = facility.available();
    if (amount.exceeds(available)) {
      return FacilityDecision.refuse(
          new FacilityRefusal(
              Code.OVER_LIMIT,
              "requested "
                  + amount
                  + " but only "
                  + available
                  + " of the "
                  + facility.limit()
                  + " limit is available ("
                  + facility.utilised()
                  + " reserved or used)",
              Optional.of(
                  new FacilityRefusal.Figures(
                      facility.limit(), facility.utilised(), available, amount))));
    }
    return FacilityDecision.accept(
        new CreditReserved(reserve.reservation(), reserve.lcId(), amount));
  }

  public static FacilityState evolve(Optional<FacilityState> state, FacilityEvent event) {
    if (event instanceof FacilityOpened) {
      return new FacilityState(((FacilityOpened) event).limit(), Map.of());
    }
    FacilityState facility =
        state.orElseThrow(() -> new IllegalStateException(event + " before FacilityOpened"));
    if (event instanceof LimitChanged) {
      return new FacilityState(((LimitChanged) event).limit(), facility.reservations());
    }
    Map<ReservationId, Reservation> reservations = new HashMap<>(facility.reservations());
    if (event instanceof CreditReserved) {
      CreditReserved reserved = (CreditReserved) event;
      reservations.put(
          reserved.reservation(),
          new Reservation(reserved.lcId(), reserved.amount(), ReservationStatus.RESERVED));
    } else if (event instanceof ReservationConsumed) {
      ReservationId id = ((ReservationConsumed) event).reservation();
      reservations.computeIfPresent(
          id, (k, r) -> new Reservation(r.lcId(), r.amount(), ReservationStatus.CONSUMED));
    } else {
      ReservationId id = ((ReservationReleased) event).reservation();
      reservations.computeIfPresent(
          id, (k, r) -> new Reservation(r.lcId(), r.amount(), ReservationStatus.RELEASED));
    }
    return new FacilityState(facility.limit(), reservations);
  }

  private static FacilityDecision refuse(Code code, String detail) {
    return FacilityDecision.refuse(new FacilityRefusal(code, detail, Optional.empty()));
  }
}
