package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.review.CaseEvent;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.util.Objects;

/** A case event on {@code tf.aml.case-events} (keyed by the case's LC id), with its time. */
public record CaseRecord(CaseId caseId, CaseEvent event, Instant at) {

  public CaseRecord {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(at, "at");
  }
}
