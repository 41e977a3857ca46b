package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.review.CaseCommand;
import dev.tradeflow.domain.review.CaseId;
import java.util.Objects;

/** A decision on a case, on {@code tf.aml.case-commands} (keyed by the case's LC id). */
public record CaseCommandRecord(CaseId caseId, CaseCommand command) {

  public CaseCommandRecord {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(command, "command");
  }
}
