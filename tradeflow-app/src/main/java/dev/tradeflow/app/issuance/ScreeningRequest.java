package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import java.util.Objects;

/**
 * What the saga asks the compliance service, on {@code tf.aml.screening-requests}: the credit's
 * terms (amended ones for an amendment), the screening's number in the saga, and how many
 * amendments raising the amount or naming a new beneficiary were applied for (0 for an application;
 * absent, hence 0, in requests written before amendments were screened).
 */
public record ScreeningRequest(
    SagaId sagaId, LcId lcId, int attempt, LcTerms terms, int amountOrBeneficiaryAmendments) {

  public ScreeningRequest {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(terms, "terms");
    if (amountOrBeneficiaryAmendments < 0) {
      throw new IllegalArgumentException("an amendment count is 0 or more");
    }
  }
}
