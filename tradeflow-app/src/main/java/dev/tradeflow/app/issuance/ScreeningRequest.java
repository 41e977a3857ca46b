package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import java.util.Objects;
import java.util.Optional;

/**
 * What the saga asks the compliance service, on {@code tf.aml.screening-requests}: the credit's
 * terms, or an amendment's amended terms, which try this is, and how many amendments raising the
 * amount or naming a new beneficiary were applied for (0 for an application).
 */
public record ScreeningRequest(
    SagaId sagaId,
    LcId lcId,
    Optional<AmendmentId> amendment,
    int attempt,
    LcTerms terms,
    int amountOrBeneficiaryAmendments) {

  public ScreeningRequest {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(amendment, "amendment");
    Objects.requireNonNull(terms, "terms");
    if (amountOrBeneficiaryAmendments < 0) {
      throw new IllegalArgumentException("an amendment count is 0 or more");
    }
  }
}
