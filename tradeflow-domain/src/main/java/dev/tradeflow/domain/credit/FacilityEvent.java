package dev.tradeflow.domain.credit;

import dev.tradeflow.domain.event.DomainEvent;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.money.Money;

/** What happened to a credit facility. */
public sealed interface FacilityEvent extends DomainEvent {

  record FacilityOpened(Money limit) implements FacilityEvent {}

  record LimitChanged(Money limit) implements FacilityEvent {}

  record CreditReserved(ReservationId reservation, LcId lcId, Money amount)
      implements FacilityEvent {}

  record ReservationConsumed(ReservationId reservation, Money amount) implements FacilityEvent {}

  record ReservationReleased(ReservationId reservation, Money amount, String reason)
      implements FacilityEvent {}
}
