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
    List<Entry> more = new ArrayList<>(history);
    more.add(new Entry(at, step, note));
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        step,
        attempts,
        deadline,
        openCases,
        creditReserved,
        lcApproved,
        pending,
        outcome,
        more);
  }

  SagaState at(SagaStep newStep, int newAttempts, Optional<Instant> newDeadline) {
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        newStep,
        newAttempts,
        newDeadline,
        openCases,
        creditReserved,
        lcApproved,
        pending,
        outcome,
        history);
  }

  SagaState withCases(Set<CaseId> cases) {
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        step,
        attempts,
        deadline,
        cases,
        creditReserved,
        lcApproved,
        pending,
        outcome,
        history);
  }

  SagaState withCredit(boolean reserved) {
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        step,
        attempts,
        deadline,
        openCases,
        reserved,
        lcApproved,
        pending,
        outcome,
        history);
  }

  SagaState approved() {
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        step,
        attempts,
        deadline,
        openCases,
        creditReserved,
        true,
        pending,
        outcome,
        history);
  }

  /** The LC command last sent: a timeout resends it as it was (same id, same content). */
  SagaState sending(LcCommand command) {
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        step,
        attempts,
        deadline,
        openCases,
        creditReserved,
        lcApproved,
        Optional.of(command),
        outcome,
        history);
  }

  SagaState withOutcome(String reason) {
    return new SagaState(
        id,
        lcId,
        terms,
        appliedOn,
        maker,
        step,
        attempts,
        deadline,
        openCases,
        creditReserved,
        lcApproved,
        pending,
        Optional.of(reason),
        history);
  }
}
