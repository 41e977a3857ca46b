package dev.tradeflow.compliance.screening;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything screened about one trade (a credit's application or amendment, or a presentation of
 * documents under it): the parties, the goods, the route, the documents, and how often the amount
 * or beneficiary has been amended.
 *
 * @param reference the trade it belongs to (the LC id): a document seen under another reference is
 *     a finding
 * @param goods what is traded; empty when screening a presentation, whose goods the credit's
 *     screening judged
 */
public record TradeScreeningRequest(
    String reference,
    List<ScreenedParty> parties,
    Optional<Goods> goods,
    Shipment shipment,
    List<DocumentReference> documents,
    int amountOrBeneficiaryAmendments) {

  public TradeScreeningRequest {
    Objects.requireNonNull(reference, "reference");
    parties = List.copyOf(parties);
    Objects.requireNonNull(goods, "goods");
    Objects.requireNonNull(shipment, "shipment");
    documents = List.copyOf(documents);
    if (amountOrBeneficiaryAmendments < 0) {
      throw new IllegalArgumentException("an amendment count is 0 or more");
    }
  }
}
