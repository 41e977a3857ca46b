package dev.tradeflow.domain.credit;

import static dev.tradeflow.domain.credit.FacilityFixture.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditFacilityTest {

  private static final ReservationId R1 = new ReservationId("saga-1");
  private static final ReservationId R2 = new ReservationId("saga-2");
  private static final LcId LC1 = new LcId("LC-1");
  private static final LcId LC2 = new LcId("LC-2");

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  @Test
  void a_facility_opens_once() {
    given().when(new OpenFacility(usd("1000000"))).then(new FacilityOpened(usd("1000000")));
    given(new FacilityOpened(usd("1")))
        .when(new OpenFacility(usd("2")))
        .thenRefused(Code.FACILITY_ALREADY_OPEN);
  }

  @Test
  void a_reservation_within_the_limit_is_made() {
    given(new FacilityOpened(usd("1000000")))
        .when(new ReserveCredit(R1, LC1, usd("400000")))
        .then(new CreditReserved(R1, LC1, usd("400000")));
  }

  @Test
  void an_over_limit_reservation_is_refused_with_the_figures() {
    FacilityRefusal refusal =
        given(new FacilityOpened(usd("1000000")), new CreditReserved(R1, LC1, usd("700000")))
            .when(new ReserveCredit(R2, LC2, usd("400000")))
            .thenRefused(Code.OVER_LIMIT);
    assertThat(refusal.figures())
        .contains(
            new FacilityRefusal.Figures(
                usd("1000000"), usd("700000"), usd("300000"), usd("400000")));
    assertThat(refusal.detail())
        .isEqualTo(
            "requested USD 400000.00 but only USD 300000.00 of the USD 1000000.00 limit is"
                + " available (USD 700000.00 reserved or used)");
  }

  @Test
  void a_released_reservation_frees_the_limit_and_a_consumed_one_does_not() {
    given(
            new FacilityOpened(usd("1000000")),
            new CreditReserved(R1, LC1, usd("700000")),
            new ReservationReleased(R1, usd("700000"), "application rejected"))
        .when(new ReserveCredit(R2, LC2, usd("1000000")))
        .then(new CreditReserved(R2, LC2, usd("1000000")));
    given(
            new FacilityOpened(usd("1000000")),
            new CreditReserved(R1, LC1, usd("700000")),
            new ReservationConsumed(R1, usd("700000")))
        .when(new ReserveCredit(R2, LC2, usd("400000")))
        .thenRefused(Code.OVER_LIMIT);
  }

  @Test
  void repeats_change_nothing_so_that_retries_are_safe() {
    given(new FacilityOpened(usd("1000000")), new CreditReserved(R1, LC1, usd("400000")))
        .when(new ReserveCredit(R1, LC1, usd("400000")))
        .thenNothingNew();
    given(
            new FacilityOpened(usd("1000000")),
            new CreditReserved(R1, LC1, usd("400000")),
            new ReservationReleased(R1, usd("400000"), "timeout"))
        .when(new ReleaseReservation(R1, "timeout"))
        .thenNothingNew();
    given(
            new FacilityOpened(usd("1000000")),
            new CreditReserved(R1, LC1, usd("400000")),
            new ReservationConsumed(R1, usd("400000")))
        .when(new ConsumeReservation(R1))
        .thenNothingNew();
  }

  @Test
  void a_reservation_id_reused_for_another_amount_or_after_release_is_refused() {
    given(new FacilityOpened(usd("1000000")), new CreditReserved(R1, LC1, usd("400000")))
        .when(new ReserveCredit(R1, LC1, usd("500000")))
        .thenRefused(Code.RESERVATION_CONFLICT);
    given(
            new FacilityOpened(usd("1000000")),
            new CreditReserved(R1, LC1, usd("400000")),
            new ReservationReleased(R1, usd("400000"), "timeout"))
        .when(new ReserveCredit(R1, LC1, usd("400000")))
        .thenRefused(Code.RESERVATION_RELEASED);
    given(
            new FacilityOpened(usd("1000000")),
            new CreditReserved(R1, LC1, usd("400000")),
            new ReservationReleased(R1, usd("400000"), "timeout"))
        .when(new ConsumeReservation(R1))
        .thenRefused(Code.RESERVATION_RELEASED);
  }

  @Test
  void other_currencies_unknown_facilities_and_reservations_are_refused() {
    given(new FacilityOpened(usd("1000000")))
        .when(new ReserveCredit(R1, LC1, Money.of("10", "EUR")))
        .thenRefused(Code.CURRENCY_MISMATCH);
    given().when(new ReserveCredit(R1, LC1, usd("10"))).thenRefused(Code.FACILITY_NOT_FOUND);
    given(new FacilityOpened(usd("1")))
        .when(new ConsumeReservation(R1))
        .thenRefused(Code.RESERVATION_NOT_FOUND);
  }

  @Test
  void the_limit_never_drops_below_what_is_reserved_and_used() {
    given(new FacilityOpened(usd("1000000")), new CreditReserved(R1, LC1, usd("700000")))
        .when(new ChangeLimit(usd("600000")))
        .thenRefused(Code.LIMIT_BELOW_UTILISATION);
    given(new FacilityOpened(usd("1000000")), new CreditReserved(R1, LC1, usd("700000")))
        .when(new ChangeLimit(usd("700000")))
        .then(new LimitChanged(usd("700000")));
  }

  @Test
  void the_facility_is_keyed_by_the_applicant_whatever_the_spacing_and_case() {
    assertThat(FacilityId.of(new Party("  Harbourside   Roasters ltd", "GB")))
        .isEqualTo(FacilityId.of(new Party("HARBOURSIDE ROASTERS LTD", "GB")));
  }

  /** Whatever is asked, in whatever order, nothing available ever goes below zero. */
  @Test
  void utilisation_never_exceeds_the_limit() {
    qt().forAll(lists().of(integers().between(0, 3 * 100 - 1)).ofSizeBetween(1, 60))
        .checkAssert(
            ops -> {
              List<FacilityEvent> history = new ArrayList<>();
              history.add(new FacilityOpened(usd("1000")));
              for (int op : ops) {
                ReservationId id = new ReservationId("r" + (op % 10));
                FacilityCommand command;
                switch (op / 100) {
                  case 0:
                    command = new ReserveCredit(id, LC1, usd(String.valueOf(1 + op % 7 * 90)));
                    break;
                  case 1:
                    command = new ConsumeReservation(id);
                    break;
                  default:
                    command =
                        op % 2 == 0
                            ? new ReleaseReservation(id, "test")
                            : new ChangeLimit(usd(String.valueOf(op * 5)));
                }
                FacilityDecision decision =
                    CreditFacility.decide(FacilityFixture.fold(history), command);
                history.addAll(decision.events());
                FacilityState state = FacilityFixture.fold(history).orElseThrow();
                assertThat(state.available().amount().signum()).isGreaterThanOrEqualTo(0);
              }
            });
  }

  @Test
  void nothing_refused_changes_the_state() {
    Optional<FacilityState> state =
        FacilityFixture.fold(
            List.of(new FacilityOpened(usd("100")), new CreditReserved(R1, LC1, usd("100"))));
    FacilityDecision decision = CreditFacility.decide(state, new ReserveCredit(R2, LC2, usd("1")));
    assertThat(decision.isAccepted()).isFalse();
    assertThat(decision.events()).isEmpty();
  }
}
