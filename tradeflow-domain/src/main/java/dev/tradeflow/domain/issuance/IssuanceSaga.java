package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.issuance.AmendmentClearance.Status;
import dev.tradeflow.domain.issuance.SagaAction.ConsumeCredit;
import dev.tradeflow.domain.issuance.SagaAction.ForwardCommand;
import dev.tradeflow.domain.issuance.SagaAction.RefuseCommand;
import dev.tradeflow.domain.issuance.SagaAction.ReleaseCredit;
import dev.tradeflow.domain.issuance.SagaAction.RequestScreening;
import dev.tradeflow.domain.issuance.SagaAction.ReserveCredit;
import dev.tradeflow.domain.issuance.SagaAction.SendToCredit;
import dev.tradeflow.domain.issuance.SagaAction.WithdrawCases;
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
import dev.tradeflow.domain.issuance.SagaInput.LcWithdrawn;
import dev.tradeflow.domain.issuance.SagaInput.PresentationAnswered;
import dev.tradeflow.domain.issuance.SagaInput.PresentationApplied;
import dev.tradeflow.domain.issuance.SagaInput.PresentationScreened;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted;
import dev.tradeflow.domain.issuance.SagaInput.Tick;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The issuance saga as a pure state machine: application → screening → (review cases) → credit
 * reservation → (a checker's approval over the threshold) → approve → issue. A confirmed hit, a
 * refused reservation, a declined approval or a step that runs out of time and attempts compensates
 * in reverse order: the reservation is released, then the application rejected (or, once approved,
 * the credit cancelled). Once issued, an amendment that raises the amount or names a new
 * beneficiary goes through the same steps before it is sent to the credit; one not cleared is
 * refused and its reservation released, the credit left as it was. The topology feeds it records
 * and the clock, and turns its actions into records; the tests feed it inputs and check the
 * actions.
 */
public final class IssuanceSaga {

  /** Who approves an application within the threshold, in the credit's history. */
  public static final String AUTO_APPROVER = "tradeflow:auto-approval";

  /** Reasons are recorded in commands, events and the saga's history: a bounded size. */
  static final int MAX_REASON = 500;

  private IssuanceSaga() {}

  /** Starts a saga for an application. */
  public static SagaTransition start(SagaId id, ApplicationSubmitted submitted, SagaPolicy policy) {
    SagaState state =
        new SagaState(
                id,
                submitted.lcId(),
                submitted.terms(),
                submitted.appliedOn(),
                submitted.maker(),
                SagaStep.SCREENING,
                1,
                Optional.of(submitted.at().plus(policy.timeout(SagaStep.SCREENING))),
                Set.of(),
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of())
            .noted(submitted.at(), "application by " + submitted.maker() + "; screening requested");
    return SagaTransition.to(state, screening(state));
  }

  public static SagaTransition on(SagaState state, SagaInput input, SagaPolicy policy) {
    if (input instanceof LcEnded ended) {
      return ended(state, ended);
    }
    if (input instanceof PresentationApplied applied) {
      return PresentationScreening.applied(state, applied, policy);
    }
    if (input instanceof PresentationScreened screened) {
      return PresentationScreening.screened(state, screened, policy);
    }
    if (input instanceof PresentationAnswered answered) {
      return PresentationScreening.answered(state, answered);
    }
    if (input instanceof CaseDecided decided) {
      Optional<SagaTransition> presentation = PresentationScreening.caseDecided(state, decided);
      if (presentation.isPresent()) {
        return presentation.get();
      }
    }
    if (input instanceof Tick tick) {
      // Presentations fall due whatever the saga's step, final or not.
      SagaTransition presentations = PresentationScreening.tick(state, tick.at(), policy);
      if (presentations.state().step().isFinal()) {
        return presentations;
      }
      SagaTransition step = tick(presentations.state(), tick.at(), policy);
      List<SagaAction> actions = new ArrayList<>(presentations.actions());
      actions.addAll(step.actions());
      return new SagaTransition(step.state(), actions, step.refusal());
    }
    if (input instanceof AmendmentApplied applied) {
      return amendmentApplied(state, applied, policy);
    }
    if (input instanceof AmendmentIssued issued) {
      return amendmentIssued(state, issued);
    }
    if (input instanceof AmendmentAnswered answered) {
      return amendmentAnswered(state, answered);
    }
    if (state.step().isFinal()) {
      return SagaTransition.to(state);
    }
    if (input instanceof ScreeningCompleted screening) {
      return screened(state, screening, policy);
    }
    if (input instanceof CaseDecided decided) {
      return caseDecided(state, decided, policy);
    }
    if (input instanceof CreditAnswered answer) {
      return creditAnswered(state, answer, policy);
    }
    if (input instanceof ApprovalDecided approval) {
      return approvalDecided(state, approval, policy);
    }
    if (input instanceof LcApproved approved) {
      SagaState noted = state.approved().noted(approved.at(), "application approved");
      if (state.step() == SagaStep.COMPENSATING) {
        // An approval that overtook the rejection: the credit is withdrawn by cancelling it.
        SagaState cancelling =
            enter(noted, SagaStep.COMPENSATING, approved.at(), policy)
                .noted(approved.at(), "approved while compensating: cancelling instead");
        return send(cancelling, withdrawal(cancelling, approved.at()));
      }
      if (state.step() != SagaStep.APPROVING) {
        return SagaTransition.to(noted);
      }
      SagaState issuing = enter(noted, SagaStep.ISSUING, approved.at(), policy);
      return send(issuing, issue(issuing, approved.at()));
    }
    if (input instanceof LcIssued issued) {
      if (state.step() == SagaStep.COMPENSATING) {
        // Issued before the withdrawal was processed: irrevocable now (art. 10(a)), and the
        // reservation is already released. Said plainly, for an operator to settle.
        return SagaTransition.to(
            enter(state, SagaStep.ISSUED, issued.at(), policy)
                .withOutcome(
                    "issued after compensation began ("
                        + state.outcome().orElse("")
                        + "); its facility reservation was released: an operator must reserve it"
                        + " again")
                .noted(issued.at(), "credit issued while compensating"));
      }
      SagaState done =
          enter(state, SagaStep.ISSUED, issued.at(), policy)
              .noted(issued.at(), "credit issued; reservation consumed")
              .withOutcome("issued");
      return state.creditReserved()
          ? SagaTransition.to(done, new ConsumeCredit(state.facility(), state.reservation()))
          : SagaTransition.to(done);
    }
    if (input instanceof LcRefused refused) {
      String reason = refused.commandType() + " refused by the credit: " + refused.reason();
      if (state.step() == SagaStep.AMENDING && state.clearing().isPresent()) {
        // The credit answered the amendment's maker itself: only the reservation is undone.
        return refuseAmendment(state, Optional.empty(), reason, refused.at());
      }
      if (state.step() == SagaStep.APPROVING || state.step() == SagaStep.ISSUING) {
        return compensate(state, reason, refused.at(), policy);
      }
      if (state.step() == SagaStep.COMPENSATING
          && refused.commandType().equals("RejectApplication")
          && state.lcApproved()) {
        // Rejected too late, the credit being approved: cancel it instead.
        return send(state.noted(refused.at(), reason), withdrawal(state, refused.at()));
      }
      if (state.step() == SagaStep.COMPENSATING) {
        // The withdrawal itself was refused: nothing more the saga can undo on its own.
        return SagaTransition.to(
            state
                .at(state.step(), state.attempts(), Optional.empty())
                .noted(refused.at(), reason + "; left for an operator"));
      }
      return SagaTransition.to(state.noted(refused.at(), reason));
    }
    if (input instanceof LcWithdrawn withdrawn) {
      List<SagaAction> actions = new ArrayList<>();
      if (state.creditReserved()) {
        actions.add(new ReleaseCredit(state.facility(), state.reservation(), withdrawn.reason()));
      }
      SagaState done =
          enter(state.withCredit(false), SagaStep.REJECTED, withdrawn.at(), policy)
              .noted(withdrawn.at(), "application withdrawn: " + withdrawn.reason())
              .withOutcome(state.outcome().orElse(withdrawn.reason()));
      return new SagaTransition(done, actions, Optional.empty());
    }
    throw new IllegalArgumentException("unknown saga input " + input);
  }

  private static SagaTransition screened(
      SagaState state, ScreeningCompleted screening, SagaPolicy policy) {
    if (state.step() != SagaStep.SCREENING
        || !screening.amendment().equals(state.amendmentInClearance())) {
      // Late, or about other terms (the application's while an amendment is screened).
      return SagaTransition.to(state.noted(screening.at(), "late screening result ignored"));
    }
    if (screening.outcome() == ScreeningCompleted.Outcome.CLEAR) {
      return reserve(state.noted(screening.at(), "screening clear"), screening.at(), policy);
    }
    SagaState review =
        enter(state, SagaStep.AWAITING_REVIEW, screening.at(), policy)
            .withCases(new HashSet<>(screening.cases()))
            .noted(
                screening.at(),
                screening.outcome().name().toLowerCase(Locale.ROOT)
                    + "-level hits in cases "
                    + screening.cases()
                    + ": "
                    + screening.summary());
    return SagaTransition.to(review);
  }

  private static SagaTransition caseDecided(
      SagaState state, CaseDecided decided, SagaPolicy policy) {
    if (state.step() != SagaStep.AWAITING_REVIEW || !state.openCases().contains(decided.caseId())) {
      return SagaTransition.refused(
          state, "case " + decided.caseId() + " is not open in this saga (" + state.step() + ")");
    }
    Set<CaseId> open = new HashSet<>(state.openCases());
    open.remove(decided.caseId());
    if (!decided.cleared()) {
      // The other cases are withdrawn: one confirmed hit decides the outcome.
      return compensate(
          state.withCases(open),
          "screening hit confirmed in case " + decided.caseId() + ": " + decided.reason(),
          decided.at(),
          policy);
    }
    SagaState cleared =
        state.withCases(open).noted(decided.at(), "case " + decided.caseId() + " cleared");
    return open.isEmpty() ? reserve(cleared, decided.at(), policy) : SagaTransition.to(cleared);
  }

  private static SagaTransition creditAnswered(
      SagaState state, CreditAnswered answer, SagaPolicy policy) {
    if (state.step() != SagaStep.RESERVING_CREDIT
        || !answer.reservation().equals(state.reservationInClearance())) {
      // Late, or about another reservation (an earlier amendment's).
      return SagaTransition.to(state.noted(answer.at(), "late credit answer ignored"));
    }
    if (!answer.reserved()) {
      return compensate(
          state.holdingCredit(false), "credit refused: " + answer.detail(), answer.at(), policy);
    }
    return toApproval(
        state.noted(answer.at(), "credit reserved: " + answer.detail()), answer.at(), policy);
  }

  /** A checker approves over the threshold; within it the saga approves on its own. */
  private static SagaTransition toApproval(SagaState state, Instant at, SagaPolicy policy) {
    // The bank's exposure, hence what the threshold is measured against: amount plus tolerance.
    if (policy.needsApproval(state.termsInClearance().maximumDrawable())) {
      return SagaTransition.to(
          enter(state, SagaStep.AWAITING_APPROVAL, at, policy)
              .noted(
                  at,
                  "over the approval threshold of "
                      + policy.approvalThreshold()
                      + ": a checker other than "
                      + state.currentMaker()
                      + " approves"));
    }
    return approve(state, AUTO_APPROVER, at, policy);
  }

  private static SagaTransition approvalDecided(
      SagaState state, ApprovalDecided approval, SagaPolicy policy) {
    if (state.step() != SagaStep.AWAITING_APPROVAL) {
      return SagaTransition.refused(
          state, "nothing here awaits a checker's approval (step " + state.step() + ")");
    }
    if (approval.amendment().isPresent()
        && !approval.amendment().equals(state.amendmentInClearance())) {
      return SagaTransition.refused(
          state,
          "the decision is on amendment "
              + approval.amendment().get()
              + ", but "
              + state.amendmentInClearance().map(a -> "amendment " + a).orElse("the application")
              + " awaits approval");
    }
    if (approval.approver().strip().equalsIgnoreCase(state.currentMaker().strip())) {
      return SagaTransition.refused(
          state,
          "maker-checker: "
              + approval.approver()
              + " entered this "
              + (state.clearing().isPresent() ? "amendment" : "application")
              + " and cannot approve it");
    }
    if (!approval.approved()) {
      return compensate(
          state,
          "approval declined by " + approval.approver() + ": " + approval.reason(),
          approval.at(),
          policy);
    }
    return approve(state, approval.approver(), approval.at(), policy);
  }

  private static SagaTransition tick(SagaState state, Instant now, SagaPolicy policy) {
    if (state.deadline().isEmpty() || now.isBefore(state.deadline().get())) {
      return SagaTransition.to(state);
    }
    SagaStep step = state.step();
    if (step.isTransient() && state.attempts() < policy.attempts()) {
      SagaState retry =
          state
              .at(step, state.attempts() + 1, Optional.of(now.plus(policy.timeout(step))))
              .noted(
                  now, "timed out; attempt " + (state.attempts() + 1) + " of " + policy.attempts());
      return new SagaTransition(retry, resend(retry), Optional.empty());
    }
    if (step == SagaStep.COMPENSATING) {
      // Gave up withdrawing the application: leave it for an operator rather than loop forever.
      return SagaTransition.to(
          state
              .at(step, state.attempts(), Optional.empty())
              .noted(now, "compensation unanswered after " + state.attempts() + " attempts"));
    }
    if (step == SagaStep.AMENDING) {
      // The amendment is on the credit's topic and will be decided: refusing it now could leave
      // the credit amended with its increase released. Wait for the credit's answer.
      return SagaTransition.to(
          state
              .at(step, state.attempts(), Optional.empty())
              .noted(
                  now,
                  "the credit has not answered the amendment after "
                      + state.attempts()
                      + " attempts; waiting for it"));
    }
    String reason =
        step.isTransient()
            ? step + " timed out after " + state.attempts() + " attempts"
            : step + " not decided within " + policy.timeout(step);
    return compensate(state, reason, now, policy);
  }

  /** Undo in reverse order: release the reservation, then withdraw the application. */
  private static SagaTransition compensate(
      SagaState state, String why, Instant at, SagaPolicy policy) {
    String reason = bounded(why);
    if (state.clearing().isPresent()) {
      return refuseAmendment(
          state,
          Optional.of(new Rejection(RejectionCode.AMENDMENT_NOT_CLEARED, reason)),
          reason,
          at);
    }
    List<SagaAction> actions = new ArrayList<>(withdrawOpenCases(state, reason));
    if (state.creditReserved()) {
      actions.add(new ReleaseCredit(state.facility(), state.reservation(), reason));
    }
    SagaState compensating =
        enter(state.withCredit(false).withCases(Set.of()), SagaStep.COMPENSATING, at, policy)
            .withOutcome(reason)
            .noted(at, "compensating: " + reason);
    LcCommand withdrawal = withdrawal(compensating, at);
    actions.add(new SendToCredit(state.lcId(), withdrawal));
    return new SagaTransition(compensating.sending(withdrawal), actions, Optional.empty());
  }

  private static SagaTransition reserve(SagaState state, Instant at, SagaPolicy policy) {
    Optional<AmendmentClearance> amendment = state.clearing();
    if (amendment.isPresent() && !amendment.get().increase().isPositive()) {
      return toApproval(
          state.noted(at, "the amendment draws no more: nothing to reserve"), at, policy);
    }
    String what =
        amendment.isPresent()
            ? amendment.get().increase() + " more (the amendment's increase)"
            : state.terms().maximumDrawable() + " (amount plus tolerance)";
    // From here a reservation may exist until it is refused or released.
    SagaState reserving =
        enter(state.holdingCredit(true), SagaStep.RESERVING_CREDIT, at, policy)
            .noted(at, "reserving " + what + " on " + state.facility());
    return SagaTransition.to(reserving, reservation(reserving));
  }

  private static SagaTransition approve(
      SagaState state, String approver, Instant at, SagaPolicy policy) {
    Optional<AmendmentClearance> amendment = state.clearing();
    if (amendment.isPresent()) {
      return forward(
          enter(state, SagaStep.AMENDING, at, policy)
              .noted(at, "amendment approved by " + approver + "; sent to the credit"),
          amendment.get());
    }
    SagaState approving =
        enter(state, SagaStep.APPROVING, at, policy).noted(at, "approved by " + approver);
    return send(
        approving,
        new LcCommand.ApproveApplication(commandId(state, "approve"), approver, day(state, at)));
  }

  // --- amendments of the issued credit ---------------------------------------------------------

  private static SagaTransition amendmentApplied(
      SagaState state, AmendmentApplied applied, SagaPolicy policy) {
    LcCommand.RequestAmendment command = applied.command();
    String maker = applied.maker();
    Instant at = applied.at();
    Optional<AmendmentClearance> sameCommand = state.amendmentSentAs(command.commandId());
    if (sameCommand.isPresent()) {
      return answerAgain(state, sameCommand.get(), command, maker, at);
    }
    Optional<AmendmentClearance> known = state.amendment(command.amendmentId());
    if (known.isPresent()) {
      // An amendment id names one application, cleared or refused, with its reservation and its
      // cases: another needs an id of its own.
      return SagaTransition.to(
          state,
          new RefuseCommand(
              state.lcId(),
              command,
              maker,
              new Rejection(
                  RejectionCode.ILLEGAL_STATE,
                  "amendment "
                      + command.amendmentId()
                      + " was already applied for, by command "
                      + known.get().command().commandId()
                      + "; apply under a new amendment id")));
    }
    if (!state.isIssued()) {
      // Not (or not yet) an issued credit: the credit refuses it with its own reason.
      return unscreened(state, command, maker, "the credit is not issued", at);
    }
    AmendmentClearance amendment;
    try {
      amendment = AmendmentClearance.applied(command, maker, state.currentTerms());
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Terms the saga cannot judge are terms the credit refuses, with the reason.
      return unscreened(state, command, maker, e.getMessage(), at);
    }
    Optional<AmendmentClearance> open = state.openAmendment();
    if (open.isPresent()) {
      Rejection pending =
          new Rejection(
              RejectionCode.AMENDMENT_ALREADY_PENDING,
              "amendment "
                  + open.get().amendmentId()
                  + (open.get().status() == Status.CLEARING
                      ? " is being cleared"
                      : " awaits the beneficiary's answer"));
      // Recorded, so that a resend is answered the same rather than cleared later.
      return SagaTransition.to(
          state.withAmendment(amendment.refusedBySaga(pending)),
          new RefuseCommand(state.lcId(), command, maker, pending));
    }
    SagaState clearing = state.withAmendment(amendment);
    String application = "amendment " + amendment.amendmentId() + " by " + maker;
    if (!amendment.needsClearance()) {
      return forward(
          enter(clearing, SagaStep.AMENDING, at, policy)
              .noted(
                  at,
                  application
                      + " neither raises the amount nor changes a party: sent to the credit"),
          amendment);
    }
    SagaState screening =
        enter(clearing, SagaStep.SCREENING, at, policy)
            .noted(
                at,
                application
                    + (amendment.increase().isPositive()
                        ? " raises the most drawable by " + amendment.increase()
                        : "")
                    + (amendment.newBeneficiary()
                        ? " names a new beneficiary, "
                            + amendment.amendedTerms().beneficiary().name()
                        : "")
                    + "; screening requested");
    return SagaTransition.to(screening, screening(screening));
  }

  /** Sent to the credit as it is, untracked: the credit decides it. */
  private static SagaTransition unscreened(
      SagaState state, LcCommand.RequestAmendment command, String maker, String why, Instant at) {
    return SagaTransition.to(
        state.noted(at, "amendment " + command.amendmentId() + " sent unscreened: " + why),
        new ForwardCommand(state.lcId(), command, maker));
  }

  /** A resent command: answered as the first time, which the credit repeats if it answered. */
  static SagaTransition answerAgain(
      SagaState state, HeldCommand known, LcCommand command, String maker, Instant at) {
    if (!known.command().equals(command)) {
      if (known.beingCleared()) {
        // The first is still being cleared: answering this one under its id would decide the
        // first one's outcome. Once it is decided, the reuse is refused.
        return SagaTransition.to(
            state.noted(
                at,
                "command "
                    + command.commandId()
                    + " reused for other changes while "
                    + known.label()
                    + " is cleared: ignored"));
      }
      // Refused here rather than left to the credit, which forgets a command id after its dedup
      // retention and would then record what nobody cleared.
      return SagaTransition.to(
          state,
          new RefuseCommand(
              state.lcId(),
              command,
              maker,
              new Rejection(
                  RejectionCode.COMMAND_ID_REUSED,
                  "command id "
                      + command.commandId()
                      + " was already used for "
                      + known.label()
                      + "; a retry must resend the same command")));
    }
    if (known.refusal().isPresent()) {
      return SagaTransition.to(
          state, new RefuseCommand(state.lcId(), command, known.maker(), known.refusal().get()));
    }
    if (known.beingCleared()) {
      // Still being cleared: its maker is answered once it is.
      return SagaTransition.to(state);
    }
    return SagaTransition.to(
        state, new ForwardCommand(state.lcId(), known.command(), known.maker()));
  }

  private static SagaTransition amendmentIssued(SagaState state, AmendmentIssued issued) {
    Optional<AmendmentClearance> amendment = state.amendment(issued.amendmentId());
    if (amendment.isEmpty()) {
      return SagaTransition.to(
          state.noted(
              issued.at(),
              "amendment " + issued.amendmentId() + " recorded by the credit without clearance"));
    }
    if (amendment.get().status() == Status.REFUSED) {
      // Recorded although refused here: sent to the credit some other way (straight onto its
      // topic). Said plainly, for an operator.
      return SagaTransition.to(
          state.noted(
              issued.at(),
              "amendment "
                  + issued.amendmentId()
                  + " recorded by the credit after it was refused here: its increase is not"
                  + " reserved; an operator must reserve it"));
    }
    if (amendment.get().status() != Status.CLEARING) {
      return SagaTransition.to(state);
    }
    return SagaTransition.to(
        state
            .withAmendment(amendment.get().with(Status.REQUESTED))
            .settled()
            .noted(
                issued.at(),
                "amendment " + issued.amendmentId() + " sent to the beneficiary (MT707)"));
  }

  private static SagaTransition amendmentAnswered(SagaState state, AmendmentAnswered answered) {
    Optional<AmendmentClearance> found = state.amendment(answered.amendmentId());
    if (found.isEmpty() || found.get().status() != Status.REQUESTED) {
      return SagaTransition.to(state);
    }
    AmendmentClearance amendment = found.get();
    boolean accepted = answered.accepted();
    String what =
        "amendment "
            + amendment.amendmentId()
            + (accepted ? " accepted" : " rejected")
            + " by the beneficiary";
    // Accepted, the increase becomes utilisation (released when the credit ends); rejected, it is
    // given back now.
    AmendmentClearance answeredAmendment =
        accepted ? amendment.with(Status.AMENDED) : amendment.with(Status.DECLINED).holding(false);
    SagaState next =
        state
            .withAmendment(answeredAmendment)
            .noted(
                answered.at(),
                what
                    + (amendment.creditHeld()
                        ? accepted ? "; its reservation consumed" : "; its reservation released"
                        : ""));
    if (!amendment.creditHeld()) {
      return SagaTransition.to(next);
    }
    return SagaTransition.to(
        next,
        accepted
            ? new ConsumeCredit(state.facility(), state.reservation(amendment))
            : new ReleaseCredit(state.facility(), state.reservation(amendment), what));
  }

  /**
   * The amendment being cleared is refused: its reservation released, its maker answered (unless
   * the credit answered already), the credit left as it is.
   */
  private static SagaTransition refuseAmendment(
      SagaState state, Optional<Rejection> answer, String reason, Instant at) {
    AmendmentClearance amendment = state.clearing().orElseThrow();
    List<SagaAction> actions = new ArrayList<>(withdrawOpenCases(state, reason));
    if (amendment.creditHeld()) {
      actions.add(
          new ReleaseCredit(
              state.facility(),
              state.reservation(amendment),
              bounded("amendment " + amendment.amendmentId() + " refused: " + reason)));
    }
    answer.ifPresent(
        rejection ->
            actions.add(
                new RefuseCommand(
                    state.lcId(), amendment.command(), amendment.maker(), rejection)));
    AmendmentClearance refused =
        answer.map(amendment::refusedBySaga).orElse(amendment.with(Status.REFUSED)).holding(false);
    SagaState settled =
        state
            .withAmendment(refused)
            .settled()
            .noted(at, "amendment " + amendment.amendmentId() + " refused: " + reason);
    return new SagaTransition(settled, actions, Optional.empty());
  }

  /** The review cases still open, withdrawn: nobody need decide what no longer matters. */
  private static List<SagaAction> withdrawOpenCases(SagaState state, String reason) {
    return state.openCases().isEmpty()
        ? List.of()
        : List.of(new WithdrawCases(state.openCases(), bounded(reason)));
  }

  /** An issued credit's end gives back its utilisation and what its amendments hold. */
  private static SagaTransition ended(SagaState state, LcEnded ended) {
    if (!state.isIssued()) {
      return SagaTransition.to(state);
    }
    String why = "credit " + ended.how();
    SagaTransition presentations = PresentationScreening.ended(state, "the " + why, ended.at());
    List<SagaAction> actions = new ArrayList<>(presentations.actions());
    SagaState next = presentations.state();
    if (state.clearing().isPresent()) {
      SagaTransition refused =
          refuseAmendment(
              next,
              Optional.of(new Rejection(RejectionCode.AMENDMENT_NOT_CLEARED, "the " + why)),
              "the " + why,
              ended.at());
      actions.addAll(refused.actions());
      next = refused.state();
    }
    if (next.creditReserved()) {
      actions.add(new ReleaseCredit(state.facility(), state.reservation(), why));
      next = next.withCredit(false);
    }
    for (AmendmentClearance amendment : next.amendments()) {
      if (amendment.creditHeld()) {
        actions.add(new ReleaseCredit(state.facility(), state.reservation(amendment), why));
        next = next.withAmendment(amendment.holding(false));
      }
    }
    // Ended: later amendments go to the credit unscreened, and it refuses them.
    SagaState done = next.at(SagaStep.ENDED, 1, Optional.empty());
    return new SagaTransition(
        done.noted(ended.at(), why + (actions.isEmpty() ? "" : "; utilisation released")),
        actions,
        Optional.empty());
  }

  /** Sends the amendment to the credit as applied for, remembered so a timeout resends it. */
  private static SagaTransition forward(SagaState state, AmendmentClearance amendment) {
    return SagaTransition.to(state.sending(amendment.command()), forwardAction(state, amendment));
  }

  private static SagaAction forwardAction(SagaState state, AmendmentClearance amendment) {
    return new ForwardCommand(state.lcId(), amendment.command(), amendment.maker());
  }

  static String bounded(String why) {
    return why.length() > MAX_REASON ? why.substring(0, MAX_REASON - 1) + "…" : why;
  }

  private static List<SagaAction> resend(SagaState state) {
    switch (state.step()) {
      case SCREENING:
        return List.of(screening(state));
      case RESERVING_CREDIT:
        return List.of(reservation(state));
      case AMENDING:
        return state.clearing().map(a -> List.of(forwardAction(state, a))).orElse(List.of());
      case APPROVING:
      case ISSUING:
      case COMPENSATING:
        // As sent: the same id with the same content is a repeat the processor answers as before.
        return state
            .pending()
            .<List<SagaAction>>map(c -> List.of(new SendToCredit(state.lcId(), c)))
            .orElse(List.of());
      default:
        return List.of();
    }
  }

  /** Sends an LC command, remembered so that a timeout resends it unchanged. */
  private static SagaTransition send(SagaState state, LcCommand command) {
    return SagaTransition.to(state.sending(command), new SendToCredit(state.lcId(), command));
  }

  private static SagaAction screening(SagaState state) {
    int amendments =
        (int) state.amendments().stream().filter(AmendmentClearance::needsClearance).count();
    return new RequestScreening(
        state.lcId(),
        state.amendmentInClearance(),
        state.termsInClearance(),
        state.attempts(),
        amendments);
  }

  private static SagaAction reservation(SagaState state) {
    Optional<AmendmentClearance> amendment = state.clearing();
    if (amendment.isPresent()) {
      return new ReserveCredit(
          state.facility(),
          state.reservation(amendment.get()),
          state.lcId(),
          amendment.get().increase());
    }
    // The bank is exposed to the most the beneficiary may draw: the amount plus its tolerance.
    return new ReserveCredit(
        state.facility(), state.reservation(), state.lcId(), state.terms().maximumDrawable());
  }

  private static LcCommand issue(SagaState state, Instant at) {
    return new LcCommand.IssueCredit(commandId(state, "issue"), day(state, at));
  }

  /** Rejects the application, or cancels the credit if it was approved but not issued. */
  private static LcCommand withdrawal(SagaState state, Instant at) {
    String reason = state.outcome().orElse("compensation");
    LcCommand command =
        state.lcApproved()
            ? new LcCommand.CancelCredit(commandId(state, "cancel"), reason, false, day(state, at))
            : new LcCommand.RejectApplication(commandId(state, "reject"), reason, day(state, at));
    return command;
  }

  private static SagaState enter(SagaState state, SagaStep step, Instant at, SagaPolicy policy) {
    return state.at(
        step, 1, step.isFinal() ? Optional.empty() : Optional.of(at.plus(policy.timeout(step))));
  }

  private static CommandId commandId(SagaState state, String what) {
    return new CommandId(state.id().value() + ":" + what);
  }

  /**
   * The business date of an action at {@code at}: that day (UTC), never before the application's.
   */
  private static LocalDate day(SagaState state, Instant at) {
    LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return today.isBefore(state.appliedOn()) ? state.appliedOn() : today;
  }

  /**
   * The case ids a screening's hits are reviewed under: one per finding, numbered, under the
   * credit's id (correlation ids are only unique per credit), the amendment's if it screens one,
   * and the attempt: {@code LC-1:s1:1}, {@code LC-1:A1:s1:1}.
   */
  public static CaseId caseId(
      LcId lcId, Optional<AmendmentId> amendment, int attempt, int finding) {
    return new CaseId(
        lcId.value()
            + amendment.map(a -> ":" + a.value()).orElse("")
            + ":s"
            + attempt
            + ":"
            + finding);
  }

  /**
   * The case ids a presentation's screening hits are reviewed under: {@code LC-1:P1:d1:1} (d for
   * the documents' screening, then the attempt and the finding).
   */
  public static CaseId caseId(LcId lcId, PresentationId presentation, int attempt, int finding) {
    return new CaseId(lcId.value() + ":" + presentation.value() + ":d" + attempt + ":" + finding);
  }
}
