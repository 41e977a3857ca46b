package dev.tradeflow.domain.issuance;

import static dev.tradeflow.domain.issuance.SagaFixture.LC;
import static dev.tradeflow.domain.issuance.SagaFixture.POLICY;
import static dev.tradeflow.domain.issuance.SagaFixture.SAGA;
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
import dev.tradeflow.domain.issuance.SagaAction.ConsumeCredit;
import dev.tradeflow.domain.issuance.SagaAction.ReleaseCredit;
import dev.tradeflow.domain.issuance.SagaAction.RequestScreening;
import dev.tradeflow.domain.issuance.SagaAction.ReserveCredit;
import dev.tradeflow.domain.issuance.SagaAction.SendToCredit;
import dev.tradeflow.domain.issuance.SagaAction.WithdrawCases;
import dev.tradeflow.domain.issuance.SagaInput.ApplicationSubmitted;
import dev.tradeflow.domain.issuance.SagaInput.ApprovalDecided;
import dev.tradeflow.domain.issuance.SagaInput.CaseDecided;
import dev.tradeflow.domain.issuance.SagaInput.CreditAnswered;
import dev.tradeflow.domain.issuance.SagaInput.LcApproved;
import dev.tradeflow.domain.issuance.SagaInput.LcIssued;
import dev.tradeflow.domain.issuance.SagaInput.LcWithdrawn;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.issuance.SagaInput.Tick;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.review.CaseId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssuanceSagaTest {

  private static final LcTerms SMALL = terms("100000", Tolerance.NONE);
  private static final LcTerms LARGE = terms("400000", Tolerance.ABOUT);
  private static final ApplicationSubmitted SMALL_APP = submitted(SMALL);
  private static final ApplicationSubmitted LARGE_APP = submitted(LARGE);
  private static final FacilityId FACILITY = FacilityId.of(SMALL.applicant());
  private static final ReservationId RESERVATION = new ReservationId(LC.value());
  private static final CaseId CASE_1 = IssuanceSaga.caseId(LC, Optional.empty(), 1, 1);
  private static final CaseId CASE_2 = IssuanceSaga.caseId(LC, Optional.empty(), 1, 2);
  private static final LocalDate DAY = LocalDate.parse("2026-03-02");

  private static ScreeningCompleted clear() {
    return new ScreeningCompleted(Optional.empty(), Outcome.CLEAR, List.of(), "no findings", at(1));
  }

  private static CreditAnswered reserved() {
    return new CreditAnswered(RESERVATION, true, "USD 100000.00 reserved", at(2));
  }

  private static SendToCredit lc(LcCommand command) {
    return new SendToCredit(LC, command);
  }

  private static CommandId id(String what) {
    return new CommandId("corr-1:" + what);
  }

  @Test
  void an_application_starts_with_screening() {
    SagaTransition started = IssuanceSaga.start(SAGA, SMALL_APP, POLICY);
    assertThat(started.actions())
        .containsExactly(new RequestScreening(LC, Optional.empty(), SMALL, 1, 0));
    assertThat(started.state().step()).isEqualTo(SagaStep.SCREENING);
    assertThat(started.state().deadline()).contains(at(30));
  }

  @Test
  void a_clean_application_within_the_threshold_is_reserved_approved_and_issued() {
    given(SMALL_APP)
        .when(clear())
        .then(new ReserveCredit(FACILITY, RESERVATION, LC, Money.of("100000", "USD")))
        .at(SagaStep.RESERVING_CREDIT);
    given(SMALL_APP, clear())
        .when(reserved())
        .then(lc(new LcCommand.ApproveApplication(id("approve"), IssuanceSaga.AUTO_APPROVER, DAY)))
        .at(SagaStep.APPROVING);
    given(SMALL_APP, clear(), reserved())
        .when(new LcApproved(at(3)))
        .then(lc(new LcCommand.IssueCredit(id("issue"), DAY)))
        .at(SagaStep.ISSUING);
    given(SMALL_APP, clear(), reserved(), new LcApproved(at(3)))
        .when(new LcIssued(at(4)))
        .then(new ConsumeCredit(FACILITY, RESERVATION))
        .at(SagaStep.ISSUED);
  }

  @Test
  void the_reservation_covers_the_amount_plus_its_tolerance() {
    given(LARGE_APP)
        .when(clear())
        .then(new ReserveCredit(FACILITY, RESERVATION, LC, Money.of("440000", "USD")));
  }

  @Test
  void a_confirmed_hit_rejects_the_application_with_nothing_to_release() {
    ScreeningCompleted block =
        new ScreeningCompleted(
            Optional.empty(), Outcome.BLOCK, List.of(CASE_1), "SDN-306 beneficiary", at(1));
    given(SMALL_APP).when(block).then().at(SagaStep.AWAITING_REVIEW);
    given(SMALL_APP, block)
        .when(new CaseDecided(CASE_1, false, "same entity", at(5)))
        .then(
            lc(
                new LcCommand.RejectApplication(
                    id("reject"),
                    "screening hit confirmed in case " + CASE_1 + ": same entity",
                    DAY)))
        .at(SagaStep.COMPENSATING);
    SagaFixture.Then done =
        given(SMALL_APP, block, new CaseDecided(CASE_1, false, "same entity", at(5)))
            .when(new LcWithdrawn("screening hit confirmed", at(6)))
            .then()
            .at(SagaStep.REJECTED);
    assertThat(done.transition().state().outcome())
        .hasValueSatisfying(o -> assertThat(o).startsWith("screening hit confirmed in case"));
  }

  @Test
  void cleared_cases_let_the_saga_go_on_once_all_are_cleared() {
    ScreeningCompleted review =
        new ScreeningCompleted(
            Optional.empty(), Outcome.REVIEW, List.of(CASE_1, CASE_2), "near matches", at(1));
    given(SMALL_APP, review)
        .when(new CaseDecided(CASE_1, true, "different DOB", at(5)))
        .then()
        .at(SagaStep.AWAITING_REVIEW);
    given(SMALL_APP, review, new CaseDecided(CASE_1, true, "different DOB", at(5)))
        .when(new CaseDecided(CASE_2, true, "different country", at(6)))
        .then(new ReserveCredit(FACILITY, RESERVATION, LC, Money.of("100000", "USD")))
        .at(SagaStep.RESERVING_CREDIT);
    given(SMALL_APP, review)
        .when(new CaseDecided(new CaseId("other"), true, "x", at(5)))
        .refused("is not open in this saga");
  }

  @Test
  void an_over_limit_application_is_rejected_with_the_figures_and_nothing_reserved() {
    given(SMALL_APP, clear())
        .when(
            new CreditAnswered(
                RESERVATION, false, "requested USD 100000.00 but only USD 5.00 available", at(2)))
        .then(
            lc(
                new LcCommand.RejectApplication(
                    id("reject"),
                    "credit refused: requested USD 100000.00 but only USD 5.00 available",
                    DAY)))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void over_the_threshold_a_checker_other_than_the_maker_approves() {
    CreditAnswered reservedLarge = new CreditAnswered(RESERVATION, true, "reserved", at(2));
    given(LARGE_APP, clear()).when(reservedLarge).then().at(SagaStep.AWAITING_APPROVAL);
    given(LARGE_APP, clear(), reservedLarge)
        .when(new ApprovalDecided(" Maker.Mary ", true, "fine", Optional.empty(), at(3)))
        .refused("maker-checker: ");
    given(LARGE_APP, clear(), reservedLarge)
        .when(new ApprovalDecided("checker.chris", true, "fine", Optional.empty(), at(3)))
        .then(lc(new LcCommand.ApproveApplication(id("approve"), "checker.chris", DAY)))
        .at(SagaStep.APPROVING);
    given(LARGE_APP, clear(), reservedLarge)
        .when(new ApprovalDecided("checker.chris", false, "no collateral", Optional.empty(), at(3)))
        .then(
            new ReleaseCredit(
                FACILITY, RESERVATION, "approval declined by checker.chris: no collateral"),
            lc(
                new LcCommand.RejectApplication(
                    id("reject"), "approval declined by checker.chris: no collateral", DAY)))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void a_timed_out_step_is_retried_then_compensated() {
    given(SMALL_APP, clear()).when(new Tick(at(20))).then().at(SagaStep.RESERVING_CREDIT);
    given(SMALL_APP, clear())
        .when(new Tick(at(31)))
        .then(new ReserveCredit(FACILITY, RESERVATION, LC, Money.of("100000", "USD")))
        .at(SagaStep.RESERVING_CREDIT);
    // The reservation may have been made without an answer: it is released all the same.
    given(SMALL_APP, clear(), new Tick(at(31)), new Tick(at(62)))
        .when(new Tick(at(93)))
        .then(
            new ReleaseCredit(FACILITY, RESERVATION, "RESERVING_CREDIT timed out after 3 attempts"),
            lc(
                new LcCommand.RejectApplication(
                    id("reject"), "RESERVING_CREDIT timed out after 3 attempts", DAY)))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void a_failure_after_approval_releases_the_reservation_then_cancels_the_credit() {
    given(SMALL_APP, clear(), reserved(), new LcApproved(at(3)), new Tick(at(40)), new Tick(at(80)))
        .when(new Tick(at(120)))
        .then(
            new ReleaseCredit(FACILITY, RESERVATION, "ISSUING timed out after 3 attempts"),
            lc(
                new LcCommand.CancelCredit(
                    id("cancel"), "ISSUING timed out after 3 attempts", false, DAY)))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void an_undecided_review_or_approval_is_compensated_at_its_deadline() {
    ScreeningCompleted review =
        new ScreeningCompleted(
            Optional.empty(), Outcome.REVIEW, List.of(CASE_1), "near match", at(1));
    // The case nobody decided is withdrawn, so that no officer works on it afterwards.
    given(SMALL_APP, review)
        .when(new Tick(at(1 + 48 * 3600)))
        .then(
            new WithdrawCases(Set.of(CASE_1), "AWAITING_REVIEW not decided within PT48H"),
            lc(
                new LcCommand.RejectApplication(
                    id("reject"),
                    "AWAITING_REVIEW not decided within PT48H",
                    LocalDate.parse("2026-03-04"))))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void one_confirmed_hit_withdraws_the_other_open_cases() {
    ScreeningCompleted two =
        new ScreeningCompleted(
            Optional.empty(), Outcome.BLOCK, List.of(CASE_1, CASE_2), "two hits", at(1));
    String why = "screening hit confirmed in case " + CASE_1 + ": listed";
    given(SMALL_APP, two)
        .when(new CaseDecided(CASE_1, false, "listed", at(5)))
        .then(
            new WithdrawCases(Set.of(CASE_2), why),
            lc(new LcCommand.RejectApplication(id("reject"), why, DAY)))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void a_finished_saga_ignores_whatever_comes_late() {
    given(SMALL_APP, clear(), reserved(), new LcApproved(at(3)), new LcIssued(at(4)))
        .when(new Tick(at(100_000)))
        .then()
        .at(SagaStep.ISSUED);
  }

  /**
   * Whatever arrives in whatever order: a saga that ends rejected holds no reservation, and one
   * that ends issued has consumed the one it made. Every input is one a real topic could deliver.
   */
  @Test
  void no_reservation_is_left_behind() {
    ScreeningCompleted review =
        new ScreeningCompleted(
            Optional.empty(), Outcome.REVIEW, List.of(CASE_1), "near match", at(1));
    qt().forAll(lists().of(integers().between(0, 12)).ofSizeBetween(1, 25))
        .checkAssert(
            picks -> {
              List<SagaInput> inputs = new ArrayList<>();
              int second = 1;
              for (int pick : picks) {
                second += 17;
                inputs.add(
                    switch (pick) {
                      case 0 -> clear();
                      case 1 -> review;
                      case 2 -> new CaseDecided(CASE_1, true, "ok", at(second));
                      case 3 -> new CaseDecided(CASE_1, false, "hit", at(second));
                      case 4 -> new CreditAnswered(RESERVATION, true, "ok", at(second));
                      case 5 -> new CreditAnswered(RESERVATION, false, "over limit", at(second));
                      case 6 ->
                          new ApprovalDecided("checker", true, "x", Optional.empty(), at(second));
                      case 11 ->
                          new ApprovalDecided("checker", false, "no", Optional.empty(), at(second));
                      case 7 -> new LcApproved(at(second));
                      case 8 -> new LcIssued(at(second));
                      case 9 -> new LcWithdrawn("rejected", at(second));
                      default -> new Tick(at(second * 40));
                    });
              }
              // The facility as the saga's actions and its answers leave it.
              SagaTransition started = IssuanceSaga.start(SAGA, LARGE_APP, POLICY);
              SagaState end = started.state();
              boolean held = false;
              boolean consumed = false;
              for (SagaInput input : inputs) {
                boolean refusedWhileReserving =
                    end.step() == SagaStep.RESERVING_CREDIT
                        && input instanceof CreditAnswered answer
                        && !answer.reserved();
                SagaTransition next = IssuanceSaga.on(end, input, POLICY);
                if (refusedWhileReserving) {
                  held = false;
                }
                for (SagaAction action : next.actions()) {
                  if (action instanceof ReserveCredit) {
                    held = true;
                  } else if (action instanceof ReleaseCredit) {
                    held = false;
                  } else if (action instanceof ConsumeCredit) {
                    consumed = true;
                  }
                }
                end = next.state();
              }
              if (end.step() == SagaStep.REJECTED || end.step() == SagaStep.COMPENSATING) {
                assertThat(end.creditReserved()).isFalse();
                assertThat(held).as("a reservation asked for and never released").isFalse();
                assertThat(consumed).isFalse();
              }
              if (end.step() == SagaStep.ISSUED && end.creditReserved()) {
                assertThat(held).isTrue();
                assertThat(consumed).isTrue();
              }
            });
  }

  @Test
  void the_saga_refuses_an_approval_it_is_not_waiting_for() {
    given(SMALL_APP)
        .when(new ApprovalDecided("checker", true, "x", Optional.empty(), at(1)))
        .refused("awaits a checker's approval (step SCREENING)");
  }

  @Test
  void a_forward_dated_application_is_approved_and_issued_on_its_date_not_before() {
    LocalDate later = LocalDate.parse("2026-03-09");
    ApplicationSubmitted forward = new ApplicationSubmitted(LC, SMALL, later, "maker.mary", at(0));
    given(forward, clear())
        .when(reserved())
        .then(
            lc(new LcCommand.ApproveApplication(id("approve"), IssuanceSaga.AUTO_APPROVER, later)));
  }

  @Test
  void a_refused_issue_is_not_retried_but_compensated_at_once() {
    given(SMALL_APP, clear(), reserved(), new LcApproved(at(3)))
        .when(new SagaInput.LcRefused("IssueCredit", "INVALID_DATE: after expiry", at(4)))
        .then(
            new ReleaseCredit(
                FACILITY,
                RESERVATION,
                "IssueCredit refused by the credit: INVALID_DATE: after expiry"),
            lc(
                new LcCommand.CancelCredit(
                    id("cancel"),
                    "IssueCredit refused by the credit: INVALID_DATE: after expiry",
                    false,
                    DAY)))
        .at(SagaStep.COMPENSATING);
  }

  @Test
  void the_end_of_an_issued_credit_releases_its_utilisation_once() {
    SagaInput ended = new SagaInput.LcEnded("closed", at(500));
    given(SMALL_APP, clear(), reserved(), new LcApproved(at(3)), new LcIssued(at(4)))
        .when(ended)
        .then(new ReleaseCredit(FACILITY, RESERVATION, "credit closed"))
        .at(SagaStep.ENDED);
    given(SMALL_APP, clear(), reserved(), new LcApproved(at(3)), new LcIssued(at(4)), ended)
        .when(ended)
        .then();
  }

  @Test
  void a_timed_out_command_is_resent_exactly_as_first_sent_even_on_another_day() {
    CreditAnswered reservedLarge = new CreditAnswered(RESERVATION, true, "reserved", at(2));
    ApprovalDecided checker =
        new ApprovalDecided("checker.chris", true, "ok", Optional.empty(), at(3));
    LcCommand approve = new LcCommand.ApproveApplication(id("approve"), "checker.chris", DAY);
    given(LARGE_APP, clear(), reservedLarge, checker)
        .when(new Tick(at(3 + 86_400)))
        .then(lc(approve))
        .at(SagaStep.APPROVING);
  }

  @Test
  void an_approval_that_overtakes_the_rejection_turns_it_into_a_cancellation() {
    CreditAnswered reservedLarge = new CreditAnswered(RESERVATION, true, "reserved", at(2));
    ApprovalDecided checker =
        new ApprovalDecided("checker.chris", true, "ok", Optional.empty(), at(3));
    SagaInput refusedIssue = new SagaInput.LcRefused("IssueCredit", "late", at(5));
    // Compensating from APPROVING (a refusal), the approval is then recorded after all.
    given(LARGE_APP, clear(), reservedLarge, checker, refusedIssue)
        .when(new LcApproved(at(6)))
        .then(
            lc(
                new LcCommand.CancelCredit(
                    id("cancel"), "IssueCredit refused by the credit: late", false, DAY)))
        .at(SagaStep.COMPENSATING);
    given(LARGE_APP, clear(), reservedLarge, checker, refusedIssue, new LcApproved(at(6)))
        .when(new SagaInput.LcRefused("RejectApplication", "ILLEGAL_STATE", at(7)))
        .then(
            lc(
                new LcCommand.CancelCredit(
                    id("cancel"), "IssueCredit refused by the credit: late", false, DAY)));
  }

  @Test
  void an_issue_that_lands_during_compensation_is_reported_for_an_operator() {
    SagaFixture.Then then =
        given(
                SMALL_APP,
                clear(),
                reserved(),
                new LcApproved(at(3)),
                new SagaInput.LcRefused("IssueCredit", "x", at(4)))
            .when(new LcIssued(at(5)))
            .then()
            .at(SagaStep.ISSUED);
    assertThat(then.transition().state().outcome())
        .hasValueSatisfying(o -> assertThat(o).contains("an operator must reserve it again"));
  }

  @Test
  void the_approval_threshold_measures_the_amount_plus_its_tolerance() {
    ApplicationSubmitted justUnder =
        submitted(terms("240000", Tolerance.ABOUT)); // 264,000 drawable, over 250,000
    given(justUnder, clear())
        .when(new CreditAnswered(RESERVATION, true, "reserved", at(2)))
        .then()
        .at(SagaStep.AWAITING_APPROVAL);
  }
}
