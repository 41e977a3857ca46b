package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An issuance in progress: the application, the step it is at, how many times that step was tried
 * and until when it may take, the open review cases, whether credit is reserved, and a history of
 * what happened (for {@code GET /api/v1/sagas/{id}} and for an examiner).
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
    history = List.copyOf(history);
  }

  public FacilityId facility() {
    return FacilityId.of(terms.applicant());
  }

  /** The reservation on the facility: named after the credit, of which there is one issuance. */
  public ReservationId reservation() {
    return new ReservationId(lcId.value());
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
      history = state.history;
    }
  }
}
