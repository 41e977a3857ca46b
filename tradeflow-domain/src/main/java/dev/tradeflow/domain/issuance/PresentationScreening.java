package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.issuance.PresentationClearance.Status;
import dev.tradeflow.domain.issuance.SagaAction.ForwardCommand;
import dev.tradeflow.domain.issuance.SagaAction.RefuseCommand;
import dev.tradeflow.domain.issuance.SagaAction.ScreenPresentation;
import dev.tradeflow.domain.issuance.SagaAction.WithdrawCases;
import dev.tradeflow.domain.issuance.SagaInput.CaseDecided;
import dev.tradeflow.domain.issuance.SagaInput.PresentationAnswered;
import dev.tradeflow.domain.issuance.SagaInput.PresentationApplied;
import dev.tradeflow.domain.issuance.SagaInput.PresentationScreened;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The saga's clearing of presentations under an issued credit: one that states its documents'
 * particulars is screened (the same invoice or bill of lading under another credit, a listed
 * carrier or vessel, a risky port), its hits reviewed, and only then sent to the credit; one not
 * cleared is refused under its command id ({@code PRESENTATION_NOT_CLEARED}) and never reaches the
 * credit. One that states none is sent on at once: there is nothing to screen. Presentations are
 * cleared side by side, each with its own attempts and deadline, beside whatever the saga's step is
 * doing.
 */
final class PresentationScreening {

  private PresentationScreening() {}

  static SagaTransition applied(SagaState state, PresentationApplied applied, SagaPolicy policy) {
    PresentDocuments command = applied.command();
    Instant at = applied.at();
    Optional<PresentationClearance> sameCommand = state.presentationSentAs(command.commandId());
    if (sameCommand.isPresent()) {
      return IssuanceSaga.answerAgain(state, sameCommand.get(), command, applied.presenter(), at);
    }
    Optional<PresentationClearance> known = state.presentation(command.presentationId());
    if (known.isPresent()) {
      // A presentation id names one presentation, with its screening and its cases.
      return SagaTransition.to(
          state,
          new RefuseCommand(
              state.lcId(),
              command,
              applied.presenter(),
              new Rejection(
                  RejectionCode.PRESENTATION_ALREADY_EXISTS,
                  "presentation "
                      + command.presentationId()
                      + " was already presented, by command "
                      + known.get().command().commandId())));
    }
    String what = "presentation " + command.presentationId() + " by " + applied.presenter();
    if (!state.isIssued() || command.particulars() == null) {
      // Not an issued credit (the credit refuses it with its reason), or no particulars to judge.
      String why =
          !state.isIssued()
              ? "the credit is not issued"
              : "it states no document numbers, carrier or route";
      return SagaTransition.to(
          state.noted(at, what + " sent unscreened: " + why),
          new ForwardCommand(state.lcId(), command, applied.presenter()));
    }
    PresentationClearance screening =
        new PresentationClearance(
            command,
            applied.presenter(),
            Status.SCREENING,
            1,
            Optional.of(at.plus(policy.timeout(SagaStep.SCREENING))),
            Set.of(),
            Optional.empty());
    return SagaTransition.to(
        state
            .withPresentation(screening)
            .noted(at, what + " (" + describe(command.particulars()) + "); screening requested"),
        screen(state, screening));
  }

  static SagaTransition screened(
      SagaState state, PresentationScreened screened, SagaPolicy policy) {
    Optional<PresentationClearance> found = state.presentation(screened.presentation());
    String what = "presentation " + screened.presentation();
    if (found.isEmpty() || found.get().status() != Status.SCREENING) {
      return SagaTransition.to(
          state.noted(screened.at(), what + ": late screening result ignored"));
    }
    PresentationClearance presentation = found.get();
    if (screened.outcome() == Outcome.CLEAR) {
      return present(state, presentation, screened.at(), what + " screening clear");
    }
    PresentationClearance review =
        presentation
            .at(
                Status.AWAITING_REVIEW,
                presentation.attempts(),
                Optional.of(screened.at().plus(policy.timeout(SagaStep.AWAITING_REVIEW))))
            .withCases(new HashSet<>(screened.cases()));
    return SagaTransition.to(
        state
            .withPresentation(review)
            .noted(
                screened.at(),
                what
                    + ": "
                    + screened.outcome().name().toLowerCase(Locale.ROOT)
                    + "-level hits in cases "
                    + screened.cases()
                    + ": "
                    + screened.summary()));
  }

  /** A decision on a case a presentation waits for; empty when no presentation holds the case. */
  static Optional<SagaTransition> caseDecided(SagaState state, CaseDecided decided) {
    Optional<PresentationClearance> holding =
        state.presentations().stream()
            .filter(p -> p.status() == Status.AWAITING_REVIEW)
            .filter(p -> p.openCases().contains(decided.caseId()))
            .findFirst();
    if (holding.isEmpty()) {
      return Optional.empty();
    }
    PresentationClearance presentation = holding.get();
    Set<CaseId> open = new HashSet<>(presentation.openCases());
    open.remove(decided.caseId());
    PresentationClearance rest = presentation.withCases(open);
    if (!decided.cleared()) {
      // The other cases are withdrawn: one confirmed hit decides the outcome.
      return Optional.of(
          refuse(
              state,
              rest,
              "screening hit confirmed in case " + decided.caseId() + ": " + decided.reason(),
              decided.at()));
    }
    String note = "presentation " + presentation.presentationId() + ": case " + decided.caseId();
    if (!open.isEmpty()) {
      return Optional.of(
          SagaTransition.to(state.withPresentation(rest).noted(decided.at(), note + " cleared")));
    }
    return Optional.of(present(state, rest, decided.at(), note + " cleared, the last one"));
  }

  /** The credit's answer to a presentation the saga sent it (or one it sent unscreened). */
  static SagaTransition answered(SagaState state, PresentationAnswered answered) {
    String what = "presentation " + answered.presentation();
    Optional<PresentationClearance> found = state.presentation(answered.presentation());
    if (found.isEmpty()) {
      return SagaTransition.to(
          state.noted(
              answered.at(),
              what
                  + (answered.recorded() ? " recorded" : " refused")
                  + " by the credit without screening"
                  + (answered.recorded() ? "" : ": " + answered.detail())));
    }
    if (found.get().status() != Status.PRESENTING) {
      if (answered.recorded() && found.get().status() == Status.REFUSED) {
        // Sent to the credit some other way (straight onto its topic): said plainly, for an
        // operator.
        return SagaTransition.to(
            state.noted(answered.at(), what + " recorded by the credit after it was refused here"));
      }
      return SagaTransition.to(state);
    }
    PresentationClearance done =
        found
            .get()
            .settled(answered.recorded() ? Status.PRESENTED : Status.REFUSED, Optional.empty());
    return SagaTransition.to(
        state
            .withPresentation(done)
            .noted(
                answered.at(),
                what
                    + (answered.recorded()
                        ? " recorded by the credit (documents presented)"
                        : " refused by the credit: " + answered.detail())));
  }

  /** Presentations past their deadline: a screening is asked again, then refused; a review too. */
  static SagaTransition tick(SagaState state, Instant now, SagaPolicy policy) {
    SagaState next = state;
    List<SagaAction> actions = new ArrayList<>();
    for (PresentationClearance presentation : state.presentations()) {
      if (presentation.deadline().isEmpty() || now.isBefore(presentation.deadline().get())) {
        continue;
      }
      String what = "presentation " + presentation.presentationId();
      SagaTransition moved;
      if (presentation.status() == Status.SCREENING
          && presentation.attempts() < policy.attempts()) {
        PresentationClearance retry =
            presentation.at(
                Status.SCREENING,
                presentation.attempts() + 1,
                Optional.of(now.plus(policy.timeout(SagaStep.SCREENING))));
        moved =
            SagaTransition.to(
                next.withPresentation(retry)
                    .noted(
                        now,
                        what
                            + ": screening timed out; attempt "
                            + retry.attempts()
                            + " of "
                            + policy.attempts()),
                screen(next, retry));
      } else {
        String reason =
            presentation.status() == Status.SCREENING
                ? "screening timed out after " + presentation.attempts() + " attempts"
                : "review not decided within " + policy.timeout(SagaStep.AWAITING_REVIEW);
        moved = refuse(next, presentation, reason, now);
      }
      next = moved.state();
      actions.addAll(moved.actions());
    }
    return new SagaTransition(next, actions, Optional.empty());
  }

  /** The credit ended: presentations still being cleared are refused, their cases withdrawn. */
  static SagaTransition ended(SagaState state, String why, Instant at) {
    SagaState next = state;
    List<SagaAction> actions = new ArrayList<>();
    for (PresentationClearance presentation : state.presentations()) {
      if (presentation.status().isClearing()) {
        SagaTransition refused = refuse(next, presentation, why, at);
        next = refused.state();
        actions.addAll(refused.actions());
      }
    }
    return new SagaTransition(next, actions, Optional.empty());
  }

  /**
   * Cleared: sent to the credit as presented. Written in the same transaction as the saga's state,
   * so it cannot be lost, and the credit answers it (recorded, or refused under UCP 600).
   */
  private static SagaTransition present(
      SagaState state, PresentationClearance presentation, Instant at, String note) {
    return SagaTransition.to(
        state
            .withPresentation(presentation.settled(Status.PRESENTING, Optional.empty()))
            .noted(at, note + "; sent to the credit"),
        new ForwardCommand(state.lcId(), presentation.command(), presentation.maker()));
  }

  /** Not cleared: its presenter answered with the refusal, its open cases withdrawn. */
  private static SagaTransition refuse(
      SagaState state, PresentationClearance presentation, String why, Instant at) {
    String reason = IssuanceSaga.bounded(why);
    Rejection rejection = new Rejection(RejectionCode.PRESENTATION_NOT_CLEARED, reason);
    List<SagaAction> actions = new ArrayList<>();
    if (!presentation.openCases().isEmpty()) {
      actions.add(new WithdrawCases(presentation.openCases(), reason));
    }
    actions.add(
        new RefuseCommand(state.lcId(), presentation.command(), presentation.maker(), rejection));
    SagaState refused =
        state
            .withPresentation(presentation.settled(Status.REFUSED, Optional.of(rejection)))
            .noted(at, "presentation " + presentation.presentationId() + " refused: " + reason);
    return new SagaTransition(refused, actions, Optional.empty());
  }

  private static SagaAction screen(SagaState state, PresentationClearance presentation) {
    return new ScreenPresentation(
        state.lcId(),
        presentation.presentationId(),
        presentation.command().particulars(),
        presentation.attempts());
  }

  /** {@code bill of lading MAEU1 of Maersk, vessel MAERSK SELETAR}, for the history. */
  private static String describe(DocumentParticulars particulars) {
    List<String> parts = new ArrayList<>();
    for (TradeDocument document : particulars.documents()) {
      parts.add(
          document.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " "
              + document.number()
              + " of "
              + document.issuer());
    }
    if (particulars.shipment() != null && particulars.shipment().vessel() != null) {
      parts.add("vessel " + particulars.shipment().vessel().name());
    }
    return parts.isEmpty() ? "route only" : parts.stream().collect(Collectors.joining(", "));
  }
}
