package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.issuance.SagaAction.ConsumeCredit;
import dev.tradeflow.domain.issuance.SagaAction.ReleaseCredit;
import dev.tradeflow.domain.issuance.SagaAction.RequestScreening;
import dev.tradeflow.domain.issuance.SagaAction.ReserveCredit;
import dev.tradeflow.domain.issuance.SagaAction.SendToCredit;
import dev.tradeflow.domain.issuance.SagaInput.ApplicationSubmitted;
import dev.tradeflow.domain.issuance.SagaInput.ApprovalDecided;
import dev.tradeflow.domain.issuance.SagaInput.CaseDecided;
import dev.tradeflow.domain.issuance.SagaInput.CreditAnswered;
import dev.tradeflow.domain.issuance.SagaInput.LcApproved;
import dev.tradeflow.domain.issuance.SagaInput.LcEnded;
import dev.tradeflow.domain.issuance.SagaInput.LcIssued;
import dev.tradeflow.domain.issuance.SagaInput.LcRefused;
import dev.tradeflow.domain.issuance.SagaInput.LcWithdrawn;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted;
import dev.tradeflow.domain.issuance.SagaInput.Tick;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
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
 * the credit cancelled). The topology feeds it records and the clock, and turns its actions into
 * records; the tests feed it inputs and check the actions.
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
                List.of())
            .noted(submitted.at(), "application by " + submitted.maker() + "; screening requested");
    return SagaTransition.to(state, screening(state));
  }

  public static SagaTransition on(SagaState state, SagaInput input, SagaPolicy policy) {
    if (input instanceof LcEnded ended) {
      // After the saga: an issued credit's end gives its utilisation back to the facility.
      if (state.step() == SagaStep.ISSUED && state.creditReserved()) {
        return SagaTransition.to(
            state
                .withCredit(false)
                .noted(ended.at(), "credit " + ended.how() + "; utilisation released"),
            new ReleaseCredit(state.facility(), state.reservation(), "credit " + ended.how()));
      }
      return SagaTransition.to(state);
    }
    if (state.step().isFinal()) {
      return SagaTransition.to(state);
    }
    if (input instanceof Tick tick) {
      return tick(state, tick.at(), policy);
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
    if (state.step() != SagaStep.SCREENING) {
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
    if (!decided.cleared()) {
      return compensate(
          state,
          "screening hit confirmed in case " + decided.caseId() + ": " + decided.reason(),
          decided.at(),
          policy);
    }
    Set<CaseId> open = new HashSet<>(state.openCases());
    open.remove(decided.caseId());
    SagaState cleared =
        state.withCases(open).noted(decided.at(), "case " + decided.caseId() + " cleared");
    return open.isEmpty() ? reserve(cleared, decided.at(), policy) : SagaTransition.to(cleared);
  }

  private static SagaTransition creditAnswered(
      SagaState state, CreditAnswered answer, SagaPolicy policy) {
    if (state.step() != SagaStep.RESERVING_CREDIT) {
      return SagaTransition.to(state.noted(answer.at(), "late credit answer ignored"));
    }
    if (!answer.reserved()) {
      return compensate(
          state.withCredit(false), "credit refused: " + answer.detail(), answer.at(), policy);
    }
    SagaState reserved = state.noted(answer.at(), "credit reserved: " + answer.detail());
    // The bank's exposure, hence what the threshold is measured against: amount plus tolerance.
    if (policy.needsApproval(state.terms().maximumDrawable())) {
      return SagaTransition.to(
          enter(reserved, SagaStep.AWAITING_APPROVAL, answer.at(), policy)
              .noted(
                  answer.at(),
                  "over the approval threshold of "
                      + policy.approvalThreshold()
                      + ": a checker other than "
                      + state.maker()
                      + " approves"));
    }
    return approve(reserved, AUTO_APPROVER, answer.at(), policy);
  }

  private static SagaTransition approvalDecided(
      SagaState state, ApprovalDecided approval, SagaPolicy policy) {
    if (state.step() != SagaStep.AWAITING_APPROVAL) {
      return SagaTransition.refused(
          state, "the application is not awaiting approval (step " + state.step() + ")");
    }
    if (approval.approver().strip().equalsIgnoreCase(state.maker().strip())) {
      return SagaTransition.refused(
          state,
          "maker-checker: "
              + approval.approver()
              + " entered this application and cannot approve it");
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
    String reason =
        step.isTransient()
            ? step + " timed out after " + state.attempts() + " attempts"
            : step + " not decided within " + policy.timeout(step);
    return compensate(state, reason, now, policy);
  }

  /** Undo in reverse order: release the reservation, then withdraw the application. */
  private static SagaTransition compensate(
      SagaState state, String why, Instant at, SagaPolicy policy) {
    String reason = why.length() > MAX_REASON ? why.substring(0, MAX_REASON - 1) + "…" : why;
    List<SagaAction> actions = new ArrayList<>();
    if (state.creditReserved()) {
      actions.add(new ReleaseCredit(state.facility(), state.reservation(), reason));
    }
    SagaState compensating =
        enter(state.withCredit(false), SagaStep.COMPENSATING, at, policy)
            .withOutcome(reason)
            .noted(at, "compensating: " + reason);
    LcCommand withdrawal = withdrawal(compensating, at);
    actions.add(new SendToCredit(state.lcId(), withdrawal));
    return new SagaTransition(compensating.sending(withdrawal), actions, Optional.empty());
  }

  private static SagaTransition reserve(SagaState state, Instant at, SagaPolicy policy) {
    // From here a reservation may exist until it is refused or released.
    SagaState reserving =
        enter(state.withCredit(true), SagaStep.RESERVING_CREDIT, at, policy)
            .noted(
                at,
                "reserving "
                    + state.terms().maximumDrawable()
                    + " (amount plus tolerance) on "
                    + state.facility());
    return SagaTransition.to(reserving, reservation(reserving));
  }

  private static SagaTransition approve(
      SagaState state, String approver, Instant at, SagaPolicy policy) {
    SagaState approving =
        enter(state, SagaStep.APPROVING, at, policy).noted(at, "approved by " + approver);
    return send(
        approving,
        new LcCommand.ApproveApplication(commandId(state, "approve"), approver, day(state, at)));
  }

  private static List<SagaAction> resend(SagaState state) {
    switch (state.step()) {
      case SCREENING:
        return List.of(screening(state));
      case RESERVING_CREDIT:
        return List.of(reservation(state));
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
    return new RequestScreening(state.lcId(), state.terms(), state.attempts());
  }

  private static SagaAction reservation(SagaState state) {
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
   * credit's id (one issuance per credit; correlation ids are only unique per credit).
   */
  public static CaseId caseId(LcId lcId, int attempt, int finding) {
    return new CaseId(lcId.value() + ":s" + attempt + ":" + finding);
  }
}
