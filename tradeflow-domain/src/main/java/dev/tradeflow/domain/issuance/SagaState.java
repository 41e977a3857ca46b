package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.issuance.AmendmentClearance.Status;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An issuance in progress: the application, the step it is at, how many times that step was tried
 * and until when it may take, the open review cases, whether credit is reserved, the amendments and
 * presentations cleared after issue, and a history of what happened (for {@code GET
 * /api/v1/sagas/{id}} and for an examiner).
 */
public record SagaState(
    SagaId id,
    LcId lcId,
    LcTerms terms,
    LocalDate appliedOn,
    String maker,
    SagaStep step,
    int attempts,
    Optional<Instant> deadline,
    Set<CaseId> openCases,
    boolean creditReserved,
    boolean lcApproved,
    Optional<LcCommand> pending,
    Optional<String> outcome,
    List<AmendmentClearance> amendments,
    List<PresentationClearance> presentations,
    List<Entry> history) {

  /** One line of the saga's history. */
  public record Entry(Instant at, SagaStep step, String note) {}

  public SagaState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(appliedOn, "appliedOn");
    Objects.requireNonNull(maker, "maker");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(deadline, "deadline");
    openCases = Set.copyOf(openCases);
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(outcome, "outcome");
    // Absent from a saga stored before amendments were cleared.
    amendments = amendments == null ? List.of() : List.copyOf(amendments);
    // Absent from a saga stored before presentations were cleared.
    presentations = presentations == null ? List.of() : List.copyOf(presentations);
    history = List.copyOf(history);
  }

  public FacilityId facility() {
    return FacilityId.of(terms.applicant());
  }

  /** The reservation on the facility: named after the credit, of which there is one issuance. */
  public ReservationId reservation() {
    return new ReservationId(lcId.value());
  }

  /** The reservation for an amendment's increase: named after the credit and the amendment. */
  public ReservationId reservation(AmendmentClearance amendment) {
    return new ReservationId(lcId.value() + ":" + amendment.amendmentId().value());
  }

  /** The reservation of the flow being cleared: the issuance's, or the amendment's. */
  ReservationId reservationInClearance() {
    return clearing().map(this::reservation).orElse(reservation());
  }

  /** The amendment being cleared, if any: screening answers name it. */
  Optional<AmendmentId> amendmentInClearance() {
    return clearing().map(AmendmentClearance::amendmentId);
  }

  /** The amendment being cleared, if the saga is clearing one rather than the issuance. */
  public Optional<AmendmentClearance> clearing() {
    return amendments.stream().filter(a -> a.status() == Status.CLEARING).findFirst();
  }

  public Optional<AmendmentClearance> amendment(AmendmentId id) {
    return amendments.stream().filter(a -> a.amendmentId().equals(id)).findFirst();
  }

  /** Being cleared or awaiting the beneficiary's answer: another waits until it is settled. */
  Optional<AmendmentClearance> openAmendment() {
    return amendments.stream().filter(a -> a.status().isOpen()).findFirst();
  }

  /** The credit was issued (its saga may be clearing an amendment since). */
  public boolean isIssued() {
    return step == SagaStep.ISSUED || clearing().isPresent();
  }

  /** Who entered what is being cleared: the application's maker, or the amendment's. */
  public String currentMaker() {
    return clearing().map(AmendmentClearance::maker).orElse(maker);
  }

  /** The credit's terms as its accepted amendments left them. */
  public LcTerms currentTerms() {
    LcTerms current = terms;
    for (AmendmentClearance amendment : amendments) {
      if (amendment.status() == Status.AMENDED) {
        current = amendment.amendedTerms();
      }
    }
    return current;
  }

  /** The terms being screened and approved: the amended ones while an amendment is cleared. */
  LcTerms termsInClearance() {
    return clearing().map(AmendmentClearance::amendedTerms).orElse(terms);
  }

  SagaState holdingCredit(boolean held) {
    Optional<AmendmentClearance> amendment = clearing();
    return amendment.isPresent() ? withAmendment(amendment.get().holding(held)) : withCredit(held);
  }

  /** The amendment whose command had this id. */
  Optional<AmendmentClearance> amendmentSentAs(CommandId commandId) {
    return amendments.stream().filter(a -> a.command().commandId().equals(commandId)).findFirst();
  }

  /** This state with {@code amendment} added, or replacing the one with its id where it stands. */
  SagaState withAmendment(AmendmentClearance amendment) {
    return copy(
        c -> {
          List<AmendmentClearance> all = new ArrayList<>(amendments);
          int at = all.indexOf(amendment(amendment.amendmentId()).orElse(null));
          if (at >= 0) {
            all.set(at, amendment);
          } else {
            all.add(amendment);
          }
          c.amendments = all;
        });
  }

  public Optional<PresentationClearance> presentation(PresentationId id) {
    return presentations.stream().filter(p -> p.presentationId().equals(id)).findFirst();
  }

  /** The presentation whose command had this id. */
  Optional<PresentationClearance> presentationSentAs(CommandId commandId) {
    return presentations.stream()
        .filter(p -> p.command().commandId().equals(commandId))
        .findFirst();
  }

  /**
   * This state with {@code presentation} added, or replacing the one with its id where it stands.
   */
  SagaState withPresentation(PresentationClearance presentation) {
    return copy(
        c -> {
          List<PresentationClearance> all = new ArrayList<>(presentations);
          int at = all.indexOf(presentation(presentation.presentationId()).orElse(null));
          if (at >= 0) {
            all.set(at, presentation);
          } else {
            all.add(presentation);
          }
          c.presentations = all;
        });
  }

  /**
   * The earliest moment something of this saga falls due: its step's deadline (unless the step is
   * final), or a presentation's.
   */
  public Optional<Instant> nextDeadline() {
    Stream<Instant> stepDeadline = step.isFinal() ? Stream.empty() : deadline.stream();
    return Stream.concat(stepDeadline, presentations.stream().flatMap(p -> p.deadline().stream()))
        .min(Comparator.naturalOrder());
  }

  /** Back at rest after an amendment: issued, nothing pending, no deadline, no open case. */
  SagaState settled() {
    return copy(
        c -> {
          c.step = SagaStep.ISSUED;
          c.attempts = 1;
          c.deadline = Optional.empty();
          c.openCases = Set.of();
          c.pending = Optional.empty();
        });
  }

  SagaState noted(Instant at, String note) {
    return copy(
        c -> {
          c.history = new ArrayList<>(history);
          c.history.add(new Entry(at, step, note));
        });
  }

  SagaState at(SagaStep newStep, int newAttempts, Optional<Instant> newDeadline) {
    return copy(
        c -> {
          c.step = newStep;
          c.attempts = newAttempts;
          c.deadline = newDeadline;
        });
  }

  SagaState withCases(Set<CaseId> cases) {
    return copy(c -> c.openCases = cases);
  }

  SagaState withCredit(boolean reserved) {
    return copy(c -> c.creditReserved = reserved);
  }

  SagaState approved() {
    return copy(c -> c.lcApproved = true);
  }

  /** The LC command last sent: a timeout resends it as it was (same id, same content). */
  SagaState sending(LcCommand command) {
    return copy(c -> c.pending = Optional.of(command));
  }

  SagaState withOutcome(String reason) {
    return copy(c -> c.outcome = Optional.of(reason));
  }

  /** This state with the progress fields {@code change} sets; the application stays as it is. */
  private SagaState copy(Consumer<Progress> change) {
    Progress progress = new Progress(this);
    change.accept(progress);
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        progress.step,
        progress.attempts,
        progress.deadline,
        progress.openCases,
        progress.creditReserved,
        progress.lcApproved,
        progress.pending,
        progress.outcome,
        progress.amendments,
        progress.presentations,
        progress.history);
  }

  /** The fields a saga's steps change, as a scratch copy for {@link #copy}. */
  private static final class Progress {
    SagaStep step;
    int attempts;
    Optional<Instant> deadline;
    Set<CaseId> openCases;
    boolean creditReserved;
    boolean lcApproved;
    Optional<LcCommand> pending;
    Optional<String> outcome;
    List<AmendmentClearance> amendments;
    List<PresentationClearance> presentations;
    List<Entry> history;

    Progress(SagaState state) {
      step = state.step;
      attempts = state.attempts;
      deadline = state.deadline;
      openCases = state.openCases;
      creditReserved = state.creditReserved;
      lcApproved = state.lcApproved;
      pending = state.pending;
      outcome = state.outcome;
      amendments = state.amendments;
      presentations = state.presentations;
      history = state.history;
    }
  }
}
