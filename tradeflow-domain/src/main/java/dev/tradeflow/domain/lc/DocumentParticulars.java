package dev.tradeflow.domain.lc;

import java.util.List;
import java.util.Optional;

/**
 * What a presentation's documents show that screening judges: the numbers of the commercial invoice
 * and the transport document, and the shipment as the transport document shows it (ports,
 * transshipment, the carrying vessel), which may differ from what the credit allowed.
 *
 * @param shipment null when the documents show no shipment details
 */
public record DocumentParticulars(List<TradeDocument> documents, ShipmentTerms shipment) {

  public DocumentParticulars {
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** The transport document's issuer, the carrier, if a bill of lading is among the documents. */
  public Optional<String> carrier() {
    return documents.stream()
        .filter(d -> d.kind() == TradeDocument.Kind.BILL_OF_LADING)
        .map(TradeDocument::issuer)
        .findFirst();
  }
}
