package dev.tradeflow.app.compliance;

import dev.tradeflow.app.issuance.ScreeningRequest;
import dev.tradeflow.app.issuance.ScreeningResult;
import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.screening.DocumentReference;
import dev.tradeflow.compliance.screening.Finding;
import dev.tradeflow.compliance.screening.Goods;
import dev.tradeflow.compliance.screening.PartyRole;
import dev.tradeflow.compliance.screening.ScreenedParty;
import dev.tradeflow.compliance.screening.ScreeningReport;
import dev.tradeflow.compliance.screening.Shipment;
import dev.tradeflow.compliance.screening.TradeScreeningRequest;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.review.CaseFinding;
import dev.tradeflow.domain.review.HitLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Between the saga's vocabulary and the compliance module's: a credit's terms, or a presentation's
 * particulars, as a trade to screen, and a screening report as the result the saga and the review
 * cases read.
 *
 * <p>What an application (or an amendment's amended terms) holds is screened: applicant and
 * beneficiary (name and country), the issuing and advising banks (name and BIC, whose country is
 * the bank's), the goods (description, HS code, quantity and amount, hence the unit price), the
 * ports of loading, discharge and transshipment, and a named vessel (name and IMO number).
 *
 * <p>A presentation is screened for what its documents show beyond the credit's terms: the invoice
 * and bill-of-lading numbers (a document already presented under another credit), the carrier that
 * issued the bill of lading, the carrying vessel, and the ports as shipped. Its goods were judged
 * when the credit was.
 */
public final class TradeScreening {

  private TradeScreening() {}

  public static TradeScreeningRequest of(ScreeningRequest request) {
    if (request.presentation().isPresent()) {
      return ofPresentation(request.lcId().value(), request.particulars());
    }
    LcTerms terms = request.terms();
    Optional<ShipmentTerms> shipment = Optional.ofNullable(terms.shipment());
    List<ScreenedParty> parties =
        new ArrayList<>(
            List.of(
                ScreenedParty.of(
                    PartyRole.APPLICANT, terms.applicant().name(), terms.applicant().country()),
                ScreenedParty.of(
                    PartyRole.BENEFICIARY,
                    terms.beneficiary().name(),
                    terms.beneficiary().country()),
                ScreenedParty.bank(
                    PartyRole.ISSUING_BANK, terms.issuingBank().name(), terms.issuingBank().bic()),
                ScreenedParty.bank(
                    PartyRole.ADVISING_BANK,
                    terms.advisingBank().name(),
                    terms.advisingBank().bic())));
    shipment.map(ShipmentTerms::vessel).map(TradeScreening::vessel).ifPresent(parties::add);
    Goods goods =
        new Goods(
            terms.goodsDescription(),
            shipment.map(ShipmentTerms::hsCode),
            Optional.ofNullable(terms.quantity()).map(q -> q.quantity()),
            Optional.ofNullable(terms.quantity()).map(q -> q.unit()),
            terms.amount());
    return new TradeScreeningRequest(
        request.lcId().value(),
        parties,
        Optional.of(goods),
        route(shipment),
        List.of(),
        request.amountOrBeneficiaryAmendments());
  }

  private static TradeScreeningRequest ofPresentation(
      String lcId, DocumentParticulars particulars) {
    Optional<ShipmentTerms> shipment = Optional.ofNullable(particulars.shipment());
    List<ScreenedParty> parties = new ArrayList<>();
    particulars.carrier().map(ScreenedParty::carrier).ifPresent(parties::add);
    shipment.map(ShipmentTerms::vessel).map(TradeScreening::vessel).ifPresent(parties::add);
    List<DocumentReference> documents =
        particulars.documents().stream()
            .map(
                d ->
                    new DocumentReference(
                        d.kind() == TradeDocument.Kind.BILL_OF_LADING
                            ? DocumentReference.Kind.BILL_OF_LADING
                            : DocumentReference.Kind.INVOICE,
                        d.issuer(),
                        d.number()))
            .toList();
    return new TradeScreeningRequest(
        lcId, parties, Optional.empty(), route(shipment), documents, 0);
  }

  private static ScreenedParty vessel(Vessel vessel) {
    return ScreenedParty.vessel(vessel.name(), Optional.ofNullable(vessel.imoNumber()));
  }

  private static Shipment route(Optional<ShipmentTerms> shipment) {
    return shipment
        .map(
            s ->
                new Shipment(
                    Optional.ofNullable(s.portOfLoading()),
                    Optional.ofNullable(s.portOfDischarge()),
                    s.transshipmentPorts()))
        .orElseGet(Shipment::unknown);
  }

  public static ScreeningResult resultOf(
      ScreeningRequest request, ScreeningReport report, Instant screenedAt) {
    Severity outcome = report.outcome();
    return new ScreeningResult(
        request.sagaId(),
        request.lcId(),
        request.amendment(),
        request.attempt(),
        outcome == Severity.CLEAR
            ? Outcome.CLEAR
            : outcome == Severity.BLOCK ? Outcome.BLOCK : Outcome.REVIEW,
        report.findings().stream().map(TradeScreening::caseFinding).toList(),
        report.list().sha256(),
        screenedAt,
        request.presentation());
  }

  private static CaseFinding caseFinding(Finding finding) {
    return new CaseFinding(
        finding.rule().name(),
        finding.severity() == Severity.BLOCK ? HitLevel.BLOCK : HitLevel.REVIEW,
        finding.score(),
        finding.subject(),
        finding.evidence());
  }
}
