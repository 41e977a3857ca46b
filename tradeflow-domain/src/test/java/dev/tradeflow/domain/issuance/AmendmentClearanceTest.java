package dev.tradeflow.domain.issuance;

import static dev.tradeflow.domain.issuance.SagaFixture.LC;
import static dev.tradeflow.domain.issuance.SagaFixture.MAKER;
import static dev.tradeflow.domain.issuance.SagaFixture.POLICY;
import static dev.tradeflow.domain.issuance.SagaFixture.at;
import static dev.tradeflow.domain.issuance.SagaFixture.given;
import static dev.tradeflow.domain.issuance.SagaFixture.submitted;
import static dev.tradeflow.domain.issuance.SagaFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.issuance.AmendmentClearance.Status;
import dev.tradeflow.domain.issuance.SagaAction.ConsumeCredit;
import dev.tradeflow.domain.issuance.SagaAction.ForwardCommand;
import dev.tradeflow.domain.issuance.SagaAction.RefuseCommand;
import dev.tradeflow.domain.issuance.SagaAction.ReleaseCredit;
import dev.tradeflow.domain.issuance.SagaAction.RequestScreening;
import dev.tradeflow.domain.issuance.SagaAction.ReserveCredit;
import dev.tradeflow.domain.issuance.SagaInput.AmendmentAnswered;
import dev.tradeflow.domain.issuance.SagaInput.AmendmentApplied;
import dev.tradeflow.domain.issuance.SagaInput.AmendmentIssued;
import dev.tradeflow.domain.issuance.SagaInput.ApplicationSubmitted;
import dev.tradeflow.domain.issuance.SagaInput.ApprovalDecided;
import dev.tradeflow.domain.issuance.SagaInput.CaseDecided;
import dev.tradeflow.domain.issuance.SagaInput.CreditAnswered;
import dev.tradeflow.domain.issuance.SagaInput.LcApproved;
import dev.tradeflow.domain.issuance.SagaInput.LcEnded;
import dev.tradeflow.domain.issuance.SagaInput.LcIssued;
import dev.tradeflow.domain.issuance.SagaInput.LcRefused;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.issuance.SagaInput.Tick;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand.RequestAmendment;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Amendments of an issued credit that raise the amount or name a new beneficiary. */
class AmendmentClearanceTest {

  private static final LcTerms TERMS = terms("100000", Tolerance.NONE);
  private static final ApplicationSubmitted APPLICATION = submitted(TERMS);
  private static final FacilityId FACILITY = FacilityId.of(TERMS.applicant());
  private static final String AMENDER = "amender.alan";
  private static final AmendmentId A1 = new AmendmentId("A1");
  private static final ReservationId LC_RESERVATION = new ReservationId(LC.value());
  private static final ReservationId A1_RESERVATION = new ReservationId(LC.value() + ":A1");
  private static final CaseId AMENDMENT_CASE = IssuanceSaga.caseId(LC, Optional.of(A1), 1, 1);
  private static final LocalDate ON = LocalDate.parse("2026-03-09");

  /** Screened, reserved, approved within the threshold and issued. */
  private static final List<SagaInput> ISSUED =
      List.of(
          new ScreeningCompleted(Optional.empty(), Outcome.CLEAR, List.of(), "no findings", at(1)),
          new CreditAnswered(LC_RESERVATION, true, "reserved", at(2)),
          new LcApproved(at(3)),
          new LcIssued(at(4)));

  private static final RequestAmendment RAISE = amendment("A1", "150000", null, null);
  private static final Party SANCTIONED = new Party("Banco Nacional de Cuba", "CU");
  private static final RequestAmendment NEW_BENEFICIARY = amendment("A1", null, SANCTIONED, null);
  private static final RequestAmendment EXTEND =
      amendment("A1", null, null, LocalDate.parse("2026-10-30"));

  private static RequestAmendment amendment(
      String id, String amount, Party beneficiary, LocalDate expiry) {
    return new RequestAmendment(
        new CommandId("amend-" + id),
        new AmendmentId(id),
        new AmendmentChanges(
            amount == null ? null : Money.of(amount, "USD"), expiry, null, beneficiary, "n"),
        ON);
  }

  private static AmendmentApplied applied(RequestAmendment command) {
    return new AmendmentApplied(command, AMENDER, at(100));
  }

  private static SagaFixture issuedThen(SagaInput... more) {
    return given(
        APPLICATION, Stream.concat(ISSUED.stream(), Stream.of(more)).toArray(SagaInput[]::new));
  }

  private static ScreeningCompleted clearOf(AmendmentId amendment) {
    return new ScreeningCompleted(
        Optional.of(amendment), Outcome.CLEAR, List.of(), "no findings", at(101));
  }

  private static ForwardCommand forwarded(RequestAmendment command) {
    return new ForwardCommand(LC, command, AMENDER);
  }

  private static RefuseCommand notCleared(RequestAmendment command, String why) {
    return new RefuseCommand(
        LC, command, AMENDER, new Rejection(RejectionCode.AMENDMENT_NOT_CLEARED, why));
  }

  @Test
  void a_raise_is_screened_its_increase_reserved_sent_and_consumed_once_accepted() {
    issuedThen()
        .when(applied(RAISE))
        .then(new RequestScreening(LC, Optional.of(A1), TERMS.amendedBy(RAISE.changes()), 1, 1))
        .at(SagaStep.SCREENING);
    issuedThen(applied(RAISE))
        .when(clearOf(A1))
        .then(new ReserveCredit(FACILITY, A1_RESERVATION, LC, Money.of("50000", "USD")))
        .at(SagaStep.RESERVING_CREDIT);
    issuedThen(applied(RAISE), clearOf(A1))
        .when(new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)))
        .then(forwarded(RAISE))
        .at(SagaStep.AMENDING);
    SagaFixture sent =
        issuedThen(
            applied(RAISE),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)));
    sent.when(new AmendmentIssued(A1, at(103))).then().at(SagaStep.ISSUED);
    SagaFixture.Then accepted =
        issuedThen(
                applied(RAISE),
                clearOf(A1),
                new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)),
                new AmendmentIssued(A1, at(103)))
            .when(new AmendmentAnswered(A1, true, at(104)))
            .then(new ConsumeCredit(FACILITY, A1_RESERVATION))
            .at(SagaStep.ISSUED);
    SagaState state = accepted.transition().state();
    assertThat(state.currentTerms().amount()).isEqualTo(Money.of("150000", "USD"));
    assertThat(state.amendment(A1).orElseThrow().status()).isEqualTo(Status.AMENDED);
  }

  @Test
  void a_sanctioned_new_beneficiary_is_refused_and_the_credit_left_as_it_was() {
    ScreeningCompleted block =
        new ScreeningCompleted(
            Optional.of(A1), Outcome.BLOCK, List.of(AMENDMENT_CASE), "SDN-306", at(101));
    issuedThen(applied(NEW_BENEFICIARY)).when(block).then().at(SagaStep.AWAITING_REVIEW);
    SagaFixture.Then refused =
        issuedThen(applied(NEW_BENEFICIARY), block)
            .when(new CaseDecided(AMENDMENT_CASE, false, "same bank", at(102)))
            .then(
                notCleared(
                    NEW_BENEFICIARY,
                    "screening hit confirmed in case " + AMENDMENT_CASE + ": same bank"))
            .at(SagaStep.ISSUED);
    SagaState state = refused.transition().state();
    assertThat(state.currentTerms().beneficiary()).isEqualTo(TERMS.beneficiary());
    assertThat(state.amendment(A1).orElseThrow().status()).isEqualTo(Status.REFUSED);
    assertThat(state.creditReserved()).as("the issuance's utilisation stays").isTrue();
  }

  @Test
  void a_new_beneficiary_without_a_raise_reserves_nothing() {
    issuedThen(applied(NEW_BENEFICIARY))
        .when(clearOf(A1))
        .then(forwarded(NEW_BENEFICIARY))
        .at(SagaStep.AMENDING);
  }

  @Test
  void an_over_limit_raise_is_refused_with_the_figures_and_nothing_left_reserved() {
    issuedThen(applied(RAISE), clearOf(A1))
        .when(
            new CreditAnswered(
                A1_RESERVATION, false, "OVER_LIMIT: requested USD 50000.00", at(102)))
        .then(notCleared(RAISE, "credit refused: OVER_LIMIT: requested USD 50000.00"))
        .at(SagaStep.ISSUED);
  }

  @Test
  void over_the_threshold_a_checker_other_than_the_amendments_maker_approves() {
    RequestAmendment big = amendment("A1", "300000", null, null);
    SagaFixture reserved =
        issuedThen(
            applied(big),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)));
    reserved
        .when(new ApprovalDecided(AMENDER, true, "mine", Optional.empty(), at(103)))
        .refused("maker-checker: " + AMENDER + " entered this amendment");
    reserved
        .when(
            new ApprovalDecided(
                "checker.carl", true, "ok", Optional.of(new AmendmentId("A9")), at(103)))
        .refused("the decision is on amendment A9, but amendment A1 awaits approval");
    reserved
        .when(new ApprovalDecided("checker.carl", true, "ok", Optional.of(A1), at(103)))
        .then(forwarded(big));
    // The application's maker did not enter this amendment: they may approve it.
    reserved
        .when(new ApprovalDecided(MAKER, true, "ok", Optional.empty(), at(103)))
        .then(forwarded(big))
        .at(SagaStep.AMENDING);
    reserved
        .when(new ApprovalDecided("checker.carl", false, "exposure", Optional.empty(), at(103)))
        .then(
            new ReleaseCredit(
                FACILITY,
                A1_RESERVATION,
                "amendment A1 refused: approval declined by checker.carl: exposure"),
            notCleared(big, "approval declined by checker.carl: exposure"))
        .at(SagaStep.ISSUED);
  }

  @Test
  void an_amendment_that_raises_nothing_and_names_no_one_goes_to_the_credit_at_once() {
    issuedThen().when(applied(EXTEND)).then(forwarded(EXTEND)).at(SagaStep.AMENDING);
    // Refused by the credit, which answered its maker: nothing to undo, nothing to answer.
    issuedThen(applied(EXTEND))
        .when(new LcRefused("RequestAmendment", "INVALID_DATE: after expiry", at(101)))
        .then()
        .at(SagaStep.ISSUED);
  }

  @Test
  void one_amendment_at_a_time() {
    RequestAmendment second = amendment("A2", "120000", null, null);
    SagaFixture.Then refused =
        issuedThen(applied(RAISE)).when(new AmendmentApplied(second, AMENDER, at(101)));
    RefuseCommand pending =
        new RefuseCommand(
            LC,
            second,
            AMENDER,
            new Rejection(
                RejectionCode.AMENDMENT_ALREADY_PENDING, "amendment A1 is being cleared"));
    refused.then(pending);
    // Recorded: a resend after A1 settles is answered the same, not cleared all over again.
    issuedThen(
            applied(RAISE),
            new AmendmentApplied(second, AMENDER, at(101)),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, false, "OVER", at(102)))
        .when(new AmendmentApplied(second, AMENDER, at(103)))
        .then(pending)
        .at(SagaStep.ISSUED);
  }

  @Test
  void a_resent_amendment_is_answered_as_the_first_time() {
    SagaFixture refused =
        issuedThen(
            applied(RAISE),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, false, "OVER_LIMIT", at(102)));
    refused.when(applied(RAISE)).then(notCleared(RAISE, "credit refused: OVER_LIMIT"));
    issuedThen(applied(RAISE)).when(applied(RAISE)).then().at(SagaStep.SCREENING);
    issuedThen(
            applied(RAISE),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)),
            new AmendmentIssued(A1, at(103)))
        .when(applied(RAISE))
        .then(forwarded(RAISE));
  }

  @Test
  void the_beneficiarys_rejection_releases_the_increase() {
    issuedThen(
            applied(RAISE),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)),
            new AmendmentIssued(A1, at(103)))
        .when(new AmendmentAnswered(A1, false, at(104)))
        .then(
            new ReleaseCredit(FACILITY, A1_RESERVATION, "amendment A1 rejected by the beneficiary"))
        .at(SagaStep.ISSUED);
  }

  @Test
  void the_end_of_the_credit_releases_its_utilisation_and_its_amendments() {
    issuedThen(
            applied(RAISE),
            clearOf(A1),
            new CreditAnswered(A1_RESERVATION, true, "reserved", at(102)),
            new AmendmentIssued(A1, at(103)),
            new AmendmentAnswered(A1, true, at(104)))
        .when(new LcEnded("expired", at(200)))
        .then(
            new ReleaseCredit(FACILITY, LC_RESERVATION, "credit expired"),
            new ReleaseCredit(FACILITY, A1_RESERVATION, "credit expired"));
    // One being cleared is refused to its maker as well.
    issuedThen(applied(RAISE), clearOf(A1))
        .when(new LcEnded("closed", at(200)))
        .then(
            new ReleaseCredit(FACILITY, A1_RESERVATION, "amendment A1 refused: the credit closed"),
            notCleared(RAISE, "the credit closed"),
            new ReleaseCredit(FACILITY, LC_RESERVATION, "credit closed"))
        .at(SagaStep.ENDED);
    // Ended, the saga sends later amendments to the credit unscreened: the credit refuses them.
    issuedThen(new LcEnded("expired", at(200)))
        .when(applied(RAISE))
        .then(forwarded(RAISE))
        .at(SagaStep.ENDED);
  }

  @Test
  void before_issue_an_amendment_goes_to_the_credit_which_refuses_it() {
    given(APPLICATION).when(applied(RAISE)).then(forwarded(RAISE)).at(SagaStep.SCREENING);
  }

  @Test
  void the_issuances_screening_answer_does_not_clear_the_amendment() {
    issuedThen(applied(RAISE))
        .when(new ScreeningCompleted(Optional.empty(), Outcome.CLEAR, List.of(), "old", at(101)))
        .then()
        .at(SagaStep.SCREENING);
  }

  @Test
  void an_unrecorded_amendment_is_resent_then_waited_for_never_refused() {
    SagaInput reserved = new CreditAnswered(A1_RESERVATION, true, "reserved", at(102));
    issuedThen(applied(RAISE), clearOf(A1), reserved)
        .when(new Tick(at(133)))
        .then(forwarded(RAISE))
        .at(SagaStep.AMENDING);
    // It is on the credit's topic: refusing it and releasing its reservation could leave the
    // credit amended with nothing reserved.
    SagaFixture.Then waiting =
        issuedThen(applied(RAISE), clearOf(A1), reserved, new Tick(at(133)), new Tick(at(164)))
            .when(new Tick(at(195)))
            .then()
            .at(SagaStep.AMENDING);
    assertThat(waiting.transition().state().deadline()).isEmpty();
    issuedThen(
            applied(RAISE),
            clearOf(A1),
            reserved,
            new Tick(at(133)),
            new Tick(at(164)),
            new Tick(at(195)))
        .when(new AmendmentIssued(A1, at(400)))
        .then()
        .at(SagaStep.ISSUED);
  }

  @Test
  void a_late_answer_about_another_reservation_is_not_taken_for_this_one() {
    SagaFixture.Then late =
        issuedThen(applied(RAISE), clearOf(A1))
            .when(new CreditAnswered(LC_RESERVATION, true, "the issuance's", at(102)))
            .then()
            .at(SagaStep.RESERVING_CREDIT);
    assertThat(late.transition().state().amendment(A1).orElseThrow().creditHeld()).isTrue();
  }

  @Test
  void a_reused_command_id_is_ignored_while_the_first_is_cleared_then_refused() {
    RequestAmendment otherChanges =
        new RequestAmendment(
            RAISE.commandId(), new AmendmentId("A2"), EXTEND.changes(), RAISE.requestedOn());
    issuedThen(applied(RAISE)).when(applied(otherChanges)).then().at(SagaStep.SCREENING);
    // Once the first is decided, the reuse is refused under its id (the credit would forget it).
    issuedThen(
            applied(RAISE), clearOf(A1), new CreditAnswered(A1_RESERVATION, false, "OVER", at(102)))
        .when(applied(otherChanges))
        .then(
            new RefuseCommand(
                LC,
                otherChanges,
                AMENDER,
                new Rejection(
                    RejectionCode.COMMAND_ID_REUSED,
                    "command id amend-A1 was already used for amendment A1; a retry must resend"
                        + " the same command")))
        .at(SagaStep.ISSUED);
  }

  @Test
  void an_amendment_id_names_one_application_even_once_refused() {
    RequestAmendment otherId =
        new RequestAmendment(new CommandId("amend-again"), A1, RAISE.changes(), ON);
    RefuseCommand refused =
        new RefuseCommand(
            LC,
            otherId,
            AMENDER,
            new Rejection(
                RejectionCode.ILLEGAL_STATE,
                "amendment A1 was already applied for, by command amend-A1; apply under a new"
                    + " amendment id"));
    issuedThen(applied(RAISE)).when(applied(otherId)).then(refused);
    issuedThen(
            applied(RAISE), clearOf(A1), new CreditAnswered(A1_RESERVATION, false, "OVER", at(102)))
        .when(applied(otherId))
        .then(refused)
        .at(SagaStep.ISSUED);
  }

  /**
   * Whatever arrives in whatever order after issue, for two amendments and the credit's end: the
   * facility, as the saga's actions leave it, holds exactly what the saga thinks it holds; a
   * declined or refused amendment holds nothing; and the saga is at rest unless it is clearing one.
   */
  @Test
  void no_amendment_reservation_is_left_behind() {
    RequestAmendment second = amendment("A2", "130000", null, null);
    AmendmentId a2 = second.amendmentId();
    ReservationId a2Reservation = new ReservationId(LC.value() + ":A2");
    CaseId a2Case = IssuanceSaga.caseId(LC, Optional.of(a2), 1, 1);
    qt().forAll(lists().of(integers().between(0, 19)).ofSizeBetween(1, 30))
        .checkAssert(
            picks -> {
              List<SagaInput> inputs = new ArrayList<>();
              int second2 = 100;
              for (int pick : picks) {
                second2 += 17;
                Instant t = at(second2);
                inputs.add(
                    switch (pick) {
                      case 0 -> applied(RAISE);
                      case 1 -> clearOf(A1);
                      case 2 ->
                          new ScreeningCompleted(
                              Optional.of(A1), Outcome.REVIEW, List.of(AMENDMENT_CASE), "near", t);
                      case 3 -> new CaseDecided(AMENDMENT_CASE, true, "ok", t);
                      case 4 -> new CaseDecided(AMENDMENT_CASE, false, "hit", t);
                      case 5 -> new CreditAnswered(A1_RESERVATION, true, "ok", t);
                      case 6 -> new CreditAnswered(A1_RESERVATION, false, "over", t);
                      case 7 -> new AmendmentIssued(A1, t);
                      case 8 -> new AmendmentAnswered(A1, true, t);
                      case 9 -> new AmendmentAnswered(A1, false, t);
                      case 10 -> new LcRefused("RequestAmendment", "no", t);
                      case 11 -> new AmendmentApplied(second, AMENDER, t);
                      case 12 -> clearOf(a2);
                      case 13 ->
                          new ScreeningCompleted(
                              Optional.of(a2), Outcome.BLOCK, List.of(a2Case), "hit", t);
                      case 14 -> new CaseDecided(a2Case, false, "hit", t);
                      case 15 -> new CreditAnswered(a2Reservation, true, "ok", t);
                      case 16 -> new AmendmentIssued(a2, t);
                      case 17 -> new AmendmentAnswered(a2, true, t);
                      case 18 -> new LcEnded("expired", t);
                      default -> new Tick(at(second2 * 40));
                    });
              }
              SagaState state = issuedThen().state();
              Map<ReservationId, Boolean> held = new HashMap<>();
              for (SagaInput input : inputs) {
                // A refused reservation leaves nothing on the facility.
                if (state.step() == SagaStep.RESERVING_CREDIT
                    && input instanceof CreditAnswered answer
                    && !answer.reserved()) {
                  held.put(answer.reservation(), false);
                }
                SagaTransition next = IssuanceSaga.on(state, input, POLICY);
                for (SagaAction action : next.actions()) {
                  if (action instanceof ReserveCredit r) {
                    held.put(r.reservation(), true);
                  } else if (action instanceof ReleaseCredit r) {
                    held.put(r.reservation(), false);
                  }
                }
                state = next.state();
              }
              for (AmendmentClearance amendment : state.amendments()) {
                assertThat(held.getOrDefault(state.reservation(amendment), false))
                    .as("the facility holds the increase of " + amendment.amendmentId())
                    .isEqualTo(amendment.creditHeld());
                if (amendment.status() == Status.DECLINED || amendment.status() == Status.REFUSED) {
                  assertThat(amendment.creditHeld()).isFalse();
                }
              }
              assertThat(state.step().isFinal()).isNotEqualTo(state.clearing().isPresent());
            });
  }
}
