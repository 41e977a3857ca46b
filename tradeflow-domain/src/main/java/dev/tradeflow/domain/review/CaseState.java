package dev.tradeflow.domain.review;

import dev.tradeflow.domain.lc.LcId;
import java.util.List;
import java.util.Optional;

/** A case's saga, credit, level, findings, status and the officer who cleared it first. */
public record CaseState(
    String sagaId,
    LcId lcId,
    HitLevel level,
    List<CaseFinding> findings,
    CaseStatus status,
    Optional<String> firstClearance) {

  public CaseState {
    findings = List.copyOf(findings);
  }

  CaseState with(CaseStatus newStatus, Optional<String> clearance) {
    return new CaseState(sagaId, lcId, level, findings, newStatus, clearance);
  }
}
