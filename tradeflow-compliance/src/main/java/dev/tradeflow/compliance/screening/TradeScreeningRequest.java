package dev.tradeflow.compliance.screening;

import java.util.List;
import java.util.Objects;

/**
 * Everything screened about one trade (a credit's application or amendment): the parties, the
 * goods, the route, the documents, and how often the amount or beneficiary has been amended.
 *
 * @param reference the trade it belongs to (the LC id): a document seen under another reference is
 *     a finding
 */
public record TradeScreeningRequest(
    String reference,
    List<ScreenedParty> parties,
    Goods goods,
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
