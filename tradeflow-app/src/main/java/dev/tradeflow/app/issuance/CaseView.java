package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.review.CaseId;
import dev.tradeflow.domain.review.CaseState;
import java.util.List;

/** A review case as the case store holds it and the API shows it: its state and its history. */
public record CaseView(CaseId caseId, CaseState state, List<CaseRecord> history) {

  public CaseView {
    history = List.copyOf(history);
  }
}
