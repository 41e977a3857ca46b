package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.IssuanceSaga;
import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.review.CaseFinding;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compliance service's answer, on {@code tf.aml.screening-results} (kept forever), about the
 * application, an amendment or a presentation, as its request was: the outcome, every finding with
 * its evidence, and the list edition screened against. Each finding becomes a review case whose id
 * both the case processor and the saga derive from it.
 */
public record ScreeningResult(
    SagaId sagaId,
    LcId lcId,
    Optional<AmendmentId> amendment,
    int attempt,
    Outcome outcome,
    List<CaseFinding> findings,
    String listSha256,
    Instant screenedAt,
    Optional<PresentationId> presentation) {

  public ScreeningResult {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(amendment, "amendment");
    Objects.requireNonNull(outcome, "outcome");
    findings = List.copyOf(findings);
    if (listSha256 == null || !listSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("listSha256 is a SHA-256 in hex: " + listSha256);
    }
    Objects.requireNonNull(screenedAt, "screenedAt");
    // Absent from a result written before presentations were screened.
    presentation = presentation == null ? Optional.empty() : presentation;
  }

  /** One case per finding, numbered from 1. */
  public List<CaseId> caseIds() {
    List<CaseId> ids = new ArrayList<>();
    for (int i = 1; i <= findings.size(); i++) {
      ids.add(
          presentation.isPresent()
              ? IssuanceSaga.caseId(lcId, presentation.get(), attempt, i)
              : IssuanceSaga.caseId(lcId, amendment, attempt, i));
    }
    return ids;
  }
}
