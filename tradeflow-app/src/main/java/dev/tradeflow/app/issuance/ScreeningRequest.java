package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import java.util.Objects;

/** What the saga asks the compliance service, on {@code tf.aml.screening-requests}. */
public record ScreeningRequest(SagaId sagaId, LcId lcId, int attempt, LcTerms terms) {

  public ScreeningRequest {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(terms, "terms");
  }
}
