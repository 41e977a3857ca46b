package dev.tradeflow.domain.issuance;

import static dev.tradeflow.domain.issuance.SagaFixture.LC;
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
import dev.tradeflow.domain.issuance.PresentationClearance.Status;
import dev.tradeflow.domain.issuance.SagaAction.ForwardCommand;
import dev.tradeflow.domain.issuance.SagaAction.RefuseCommand;
import dev.tradeflow.domain.issuance.SagaAction.ReleaseCredit;
import dev.tradeflow.domain.issuance.SagaAction.RequestScreening;
import dev.tradeflow.domain.issuance.SagaAction.ScreenPresentation;
import dev.tradeflow.domain.issuance.SagaAction.WithdrawCases;
import dev.tradeflow.domain.issuance.SagaInput.AmendmentApplied;
import dev.tradeflow.domain.issuance.SagaInput.ApplicationSubmitted;
import dev.tradeflow.domain.issuance.SagaInput.CaseDecided;
import dev.tradeflow.domain.issuance.SagaInput.CreditAnswered;
import dev.tradeflow.domain.issuance.SagaInput.LcApproved;
import dev.tradeflow.domain.issuance.SagaInput.LcEnded;
import dev.tradeflow.domain.issuance.SagaInput.LcIssued;
import dev.tradeflow.domain.issuance.SagaInput.PresentationAnswered;
import dev.tradeflow.domain.issuance.SagaInput.PresentationApplied;
import dev.tradeflow.domain.issuance.SagaInput.PresentationScreened;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.issuance.SagaInput.Tick;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.LcCommand.RequestAmendment;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.review.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Presentations under an issued credit whose documents state their particulars: screened, their
 * hits reviewed, then sent to the credit or refused under their command id.
 */
class PresentationScreeningTest {

  private static final LcTerms TERMS = terms("100000", Tolerance.NONE);
  private static final ApplicationSubmitted APPLICATION = submitted(TERMS);
  private static final String PRESENTER = "presenter.pat";
  private static final PresentationId P1 = new PresentationId("P1");
  private static final CaseId P1_CASE = IssuanceSaga.caseId(LC, P1, 1, 1);
  private static final CaseId P1_CASE_2 = IssuanceSaga.caseId(LC, P1, 1, 2);
  private static final Duration SCREENING = POLICY.timeout(SagaStep.SCREENING);
  private static final Duration REVIEW = POLICY.timeout(SagaStep.AWAITING_REVIEW);

  private static final DocumentParticulars PARTICULARS =
      new DocumentParticulars(
          List.of(
              new TradeDocument(
                  TradeDocument.Kind.COMMERCIAL_INVOICE, "INV-7", "Cafe Andino Exportadora SAS"),
              new TradeDocument(TradeDocument.Kind.BILL_OF_LADING, "MAEU1", "Maersk A/S")),
          new ShipmentTerms(
              null, "COCTG", "GBFXT", List.of(), new Vessel("MAERSK SELETAR", "9356646")));

  private static final PresentDocuments PRESENT = presentation("P1", PARTICULARS);

  /** Screened, reserved, approved within the threshold and issued. */
  private static final List<SagaInput> ISSUED =
      List.of(
          new ScreeningCompleted(Optional.empty(), Outcome.CLEAR, List.of(), "no findings", at(1)),
          new CreditAnswered(new ReservationId(LC.value()), true, "reserved", at(2)),
          new LcApproved(at(3)),
          new LcIssued(at(4)));

  private static PresentDocuments presentation(String id, DocumentParticulars particulars) {
    return new PresentDocuments(
        new CommandId("present-" + id),
        new PresentationId(id),
        Money.of("40000", "USD"),
        LocalDate.parse("2026-03-20"),
        LocalDate.parse("2026-03-25"),
        null,
        particulars);
  }

  private static PresentationApplied applied(PresentDocuments command) {
    return new PresentationApplied(command, PRESENTER, at(100));
  }

  private static SagaFixture issuedThen(SagaInput... more) {
    return given(
        APPLICATION, Stream.concat(ISSUED.stream(), Stream.of(more)).toArray(SagaInput[]::new));
  }

  private static PresentationScreened clear(int second) {
    return new PresentationScreened(P1, Outcome.CLEAR, List.of(), "no findings", at(second));
  }

  private static PresentationScreened review(CaseId... cases) {
    return new PresentationScreened(P1, Outcome.REVIEW, List.of(cases), "2 findings", at(101));
  }

  private static ForwardCommand forwarded(LcCommand command) {
    return new ForwardCommand(LC, command, PRESENTER);
  }

  private static RefuseCommand notCleared(PresentDocuments command, String why) {
    return new RefuseCommand(
        LC, command, PRESENTER, new Rejection(RejectionCode.PRESENTATION_NOT_CLEARED, why));
  }

  private static ScreenPresentation screening(int attempt) {
    return new ScreenPresentation(LC, P1, PARTICULARS, attempt);
  }

  @Test
  void a_clean_presentation_is_screened_then_sent_to_the_credit_and_recorded() {
    issuedThen().when(applied(PRESENT)).then(screening(1)).at(SagaStep.ISSUED);
    issuedThen(applied(PRESENT)).when(clear(101)).then(forwarded(PRESENT));
    SagaState recorded =
        issuedThen(applied(PRESENT), clear(101))
            .when(new PresentationAnswered(P1, true, "documents presented", at(102)))
            .then()
            .transition()
            .state();
    PresentationClearance presentation = recorded.presentation(P1).orElseThrow();
    assertThat(presentation.status()).isEqualTo(Status.PRESENTED);
    assertThat(presentation.deadline()).isEmpty();
    assertThat(recorded.nextDeadline()).isEmpty();
  }

  @Test
  void a_confirmed_hit_refuses_the_presentation_and_withdraws_its_other_cases() {
    SagaFixture.Then refused =
        issuedThen(applied(PRESENT), review(P1_CASE, P1_CASE_2))
            .when(new CaseDecided(P1_CASE, false, "the B/L was used under LC-9", at(102)))
            .then(
                new WithdrawCases(
                    Set.of(P1_CASE_2),
                    "screening hit confirmed in case " + P1_CASE + ": the B/L was used under LC-9"),
                notCleared(
                    PRESENT,
                    "screening hit confirmed in case " + P1_CASE + ": the B/L was used under LC-9"))
            .at(SagaStep.ISSUED);
    assertThat(refused.transition().state().presentation(P1).orElseThrow().status())
        .isEqualTo(Status.REFUSED);
  }

  @Test
  void cleared_cases_send_the_presentation_on_once_the_last_one_is_cleared() {
    SagaFixture inReview = issuedThen(applied(PRESENT), review(P1_CASE, P1_CASE_2));
    inReview.when(new CaseDecided(P1_CASE, true, "another carrier's B/L", at(102))).then();
    issuedThen(
            applied(PRESENT),
            review(P1_CASE, P1_CASE_2),
            new CaseDecided(P1_CASE, true, "ok", at(102)))
        .when(new CaseDecided(P1_CASE_2, true, "ok", at(103)))
        .then(forwarded(PRESENT));
  }

  @Test
  void a_screening_out_of_time_is_asked_again_then_refused() {
    Instant first = at(100).plus(SCREENING);
    issuedThen(applied(PRESENT)).when(new Tick(first)).then(screening(2));
    issuedThen(applied(PRESENT), new Tick(first))
        .when(new Tick(first.plus(SCREENING)))
        .then(screening(3));
    issuedThen(applied(PRESENT), new Tick(first), new Tick(first.plus(SCREENING)))
        .when(new Tick(first.plus(SCREENING).plus(SCREENING)))
        .then(notCleared(PRESENT, "screening timed out after 3 attempts"));
    // Not before its deadline.
    issuedThen(applied(PRESENT)).when(new Tick(first.minusSeconds(1))).then();
  }

  @Test
  void a_review_not_decided_in_time_refuses_the_presentation_and_withdraws_its_cases() {
    String why = "review not decided within " + REVIEW;
    issuedThen(applied(PRESENT), review(P1_CASE))
        .when(new Tick(at(101).plus(REVIEW)))
        .then(new WithdrawCases(Set.of(P1_CASE), why), notCleared(PRESENT, why));
  }

  @Test
  void a_presentation_without_particulars_or_before_issue_goes_to_the_credit_unscreened() {
    PresentDocuments bare = presentation("P1", null);
    issuedThen().when(applied(bare)).then(forwarded(bare));
    given(APPLICATION).when(applied(PRESENT)).then(forwarded(PRESENT)).at(SagaStep.SCREENING);
    issuedThen(new LcEnded("expired", at(50)))
        .when(applied(PRESENT))
        .then(forwarded(PRESENT))
        .at(SagaStep.ENDED);
  }

  @Test
  void a_resent_presentation_is_answered_as_the_first_time() {
    issuedThen(applied(PRESENT)).when(applied(PRESENT)).then();
    issuedThen(applied(PRESENT), clear(101)).when(applied(PRESENT)).then(forwarded(PRESENT));
    SagaInput[] refused = {
      applied(PRESENT), review(P1_CASE), new CaseDecided(P1_CASE, false, "listed", at(102))
    };
    String why = "screening hit confirmed in case " + P1_CASE + ": listed";
    issuedThen(refused).when(applied(PRESENT)).then(notCleared(PRESENT, why));
    // The same id for another presentation: refused once the first is decided, ignored before.
    PresentDocuments other =
        new PresentDocuments(
            PRESENT.commandId(),
            new PresentationId("P2"),
            Money.of("1000", "USD"),
            PRESENT.shipmentDate(),
            PRESENT.presentedOn(),
            null,
            PARTICULARS);
    issuedThen(applied(PRESENT)).when(applied(other)).then();
    issuedThen(refused)
        .when(applied(other))
        .then(
            new RefuseCommand(
                LC,
                other,
                PRESENTER,
                new Rejection(
                    RejectionCode.COMMAND_ID_REUSED,
                    "command id present-P1 was already used for presentation P1; a retry must"
                        + " resend the same command")));
    // Another command under the same presentation id.
    PresentDocuments again =
        new PresentDocuments(
            new CommandId("present-P1-again"),
            P1,
            PRESENT.amount(),
            PRESENT.shipmentDate(),
            PRESENT.presentedOn(),
            null,
            PARTICULARS);
    issuedThen(refused)
        .when(applied(again))
        .then(
            new RefuseCommand(
                LC,
                again,
                PRESENTER,
                new Rejection(
                    RejectionCode.PRESENTATION_ALREADY_EXISTS,
                    "presentation P1 was already presented, by command present-P1")));
  }

  @Test
  void the_credits_refusal_settles_the_presentation_without_a_second_answer() {
    SagaState state =
        issuedThen(applied(PRESENT), clear(101))
            .when(new PresentationAnswered(P1, false, "UCP600_ART30_OVERDRAWN: over", at(102)))
            .then()
            .transition()
            .state();
    assertThat(state.presentation(P1).orElseThrow().status()).isEqualTo(Status.REFUSED);
    assertThat(state.presentation(P1).orElseThrow().refusal()).isEmpty();
  }

  @Test
  void presentations_are_cleared_beside_an_amendment_without_moving_it() {
    RequestAmendment raise =
        new RequestAmendment(
            new CommandId("amend-A1"),
            new AmendmentId("A1"),
            new AmendmentChanges(Money.of("150000", "USD"), null, null, null, "n"),
            LocalDate.parse("2026-03-09"));
    SagaFixture clearingAmendment = issuedThen(new AmendmentApplied(raise, "amender.alan", at(90)));
    clearingAmendment.when(applied(PRESENT)).then(screening(1)).at(SagaStep.SCREENING);
    SagaFixture both =
        issuedThen(new AmendmentApplied(raise, "amender.alan", at(90)), applied(PRESENT));
    both.when(clear(101)).then(forwarded(PRESENT)).at(SagaStep.SCREENING);
    // The amendment's own screening answer still moves the amendment only.
    both.when(
            new ScreeningCompleted(
                Optional.of(new AmendmentId("A1")), Outcome.CLEAR, List.of(), "none", at(101)))
        .at(SagaStep.RESERVING_CREDIT);
    // A tick past the presentation's deadline retries its screening, not the amendment's step.
    Instant due = at(100).plus(SCREENING);
    SagaTransition ticked = both.when(new Tick(due)).transition();
    assertThat(ticked.actions())
        .containsExactly(
            screening(2),
            new RequestScreening(LC, Optional.of(new AmendmentId("A1")), amended(raise), 2, 1));
  }

  private static LcTerms amended(RequestAmendment raise) {
    return TERMS.amendedBy(raise.changes());
  }

  @Test
  void the_end_of_the_credit_refuses_presentations_still_being_cleared() {
    issuedThen(applied(PRESENT), review(P1_CASE))
        .when(new LcEnded("expired", at(200)))
        .then(
            new WithdrawCases(Set.of(P1_CASE), "the credit expired"),
            notCleared(PRESENT, "the credit expired"),
            new ReleaseCredit(
                FacilityId.of(TERMS.applicant()), new ReservationId(LC.value()), "credit expired"))
        .at(SagaStep.ENDED);
  }

  @Test
  void a_presentations_deadline_is_due_while_the_saga_is_at_rest() {
    SagaState screening = issuedThen().when(applied(PRESENT)).transition().state();
    assertThat(screening.step().isFinal()).isTrue();
    assertThat(screening.nextDeadline()).contains(at(100).plus(SCREENING));
  }

  /**
   * Whatever arrives in whatever order, a presentation is answered at most once by the saga (sent
   * on or refused) outside of resends, and one that is settled has no open case and no deadline.
   */
  @Test
  void each_presentation_is_decided_once_and_leaves_nothing_open() {
    qt().forAll(lists().of(integers().between(0, 9)).ofSizeBetween(1, 30))
        .checkAssert(
            picks -> {
              List<SagaInput> inputs = new ArrayList<>();
              inputs.add(applied(PRESENT));
              int second = 100;
              for (int pick : picks) {
                second += 17;
                Instant t = at(second);
                inputs.add(
                    switch (pick) {
                      case 0 -> clear(second);
                      case 1 -> review(P1_CASE, P1_CASE_2);
                      case 2 -> new CaseDecided(P1_CASE, true, "ok", t);
                      case 3 -> new CaseDecided(P1_CASE_2, true, "ok", t);
                      case 4 -> new CaseDecided(P1_CASE, false, "hit", t);
                      case 5 -> new PresentationAnswered(P1, true, "recorded", t);
                      case 6 -> new PresentationAnswered(P1, false, "refused", t);
                      case 7 -> new LcEnded("expired", t);
                      case 8 -> new Tick(t.plus(SCREENING));
                      default -> new Tick(t.plus(REVIEW));
                    });
              }
              SagaState state = issuedThen().state();
              Map<String, Integer> answers = new HashMap<>();
              for (SagaInput input : inputs) {
                SagaTransition next = IssuanceSaga.on(state, input, POLICY);
                for (SagaAction action : next.actions()) {
                  if (action instanceof ForwardCommand || action instanceof RefuseCommand) {
                    answers.merge(action.getClass().getSimpleName(), 1, Integer::sum);
                  }
                }
                state = next.state();
              }
              assertThat(answers.values().stream().mapToInt(Integer::intValue).sum())
                  .as("answers to %s", inputs)
                  .isLessThanOrEqualTo(1);
              PresentationClearance presentation = state.presentation(P1).orElseThrow();
              if (!presentation.status().isClearing()) {
                assertThat(presentation.openCases()).isEmpty();
                assertThat(presentation.deadline()).isEmpty();
              } else {
                assertThat(presentation.deadline()).isPresent();
                assertThat(answers).isEmpty();
              }
            });
  }
}
