package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.PresentationId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the saga asks the compliance service, on {@code tf.aml.screening-requests}: the credit's
 * terms, or an amendment's amended terms, or a presentation's particulars (its document numbers,
 * carrier, vessel and route; the credit's terms then come along for reference), which try this is,
 * and how many amendments raising the amount or naming a new beneficiary were applied for (0 for an
 * application or a presentation).
 *
 * @param particulars what a presentation's documents show; null unless {@code presentation} is set
 */
public record ScreeningRequest(
    SagaId sagaId,
    LcId lcId,
    Optional<AmendmentId> amendment,
    int attempt,
    LcTerms terms,
    int amountOrBeneficiaryAmendments,
    Optional<PresentationId> presentation,
    DocumentParticulars particulars) {

  public ScreeningRequest {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(amendment, "amendment");
    Objects.requireNonNull(terms, "terms");
    if (amountOrBeneficiaryAmendments < 0) {
      throw new IllegalArgumentException("an amendment count is 0 or more");
    }
    // Absent from a request written before presentations were screened.
    presentation = presentation == null ? Optional.empty() : presentation;
    if (presentation.isPresent() != (particulars != null)) {
      throw new IllegalArgumentException(
          "a presentation's screening carries its particulars, and only it does");
    }
    if (presentation.isPresent() && amendment.isPresent()) {
      throw new IllegalArgumentException("a screening is of an amendment or a presentation");
    }
  }
}
