package dev.tradeflow.schemas.internals;

import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.DocumentDisposal;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.QuantityTerms;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.schemas.avro.TradeDocumentKind;
import java.util.Currency;
import java.util.List;

/**
 * Maps the shared named types between the domain and the generated Avro classes (same simple names,
 * so the Avro side is spelt in full). Every method maps null to null: a missing required value is
 * then reported by the Avro builder with the field's name.
 */
final class SharedTypesMapper {

  private SharedTypesMapper() {}

  static dev.tradeflow.schemas.avro.Money toAvro(Money money) {
    if (money == null) {
      return null;
    }
    // The decimal conversion rescales to the schema's scale, and refuses what would not fit.
    return new dev.tradeflow.schemas.avro.Money(money.amount(), money.currency().getCurrencyCode());
  }

  static Money toDomain(dev.tradeflow.schemas.avro.Money money) {
    if (money == null) {
      return null;
    }
    // The domain constructor brings the amount back to the currency's minor units.
    return new Money(money.getAmount(), Currency.getInstance(money.getCurrency()));
  }

  static dev.tradeflow.schemas.avro.Party toAvro(Party party) {
    return party == null
        ? null
        : new dev.tradeflow.schemas.avro.Party(party.name(), party.country());
  }

  static Party toDomain(dev.tradeflow.schemas.avro.Party party) {
    return party == null ? null : new Party(party.getName(), party.getCountry());
  }

  static dev.tradeflow.schemas.avro.Bank toAvro(Bank bank) {
    return bank == null ? null : new dev.tradeflow.schemas.avro.Bank(bank.bic(), bank.name());
  }

  static Bank toDomain(dev.tradeflow.schemas.avro.Bank bank) {
    return bank == null ? null : new Bank(bank.getBic(), bank.getName());
  }

  static dev.tradeflow.schemas.avro.Tolerance toAvro(Tolerance tolerance) {
    return tolerance == null
        ? null
        : new dev.tradeflow.schemas.avro.Tolerance(
            tolerance.plusPercent(), tolerance.minusPercent());
  }

  static Tolerance toDomain(dev.tradeflow.schemas.avro.Tolerance tolerance) {
    return tolerance == null
        ? null
        : new Tolerance(tolerance.getPlusPercent(), tolerance.getMinusPercent());
  }

  static dev.tradeflow.schemas.avro.QuantityTerms toAvro(QuantityTerms quantity) {
    if (quantity == null) {
      return null;
    }
    return dev.tradeflow.schemas.avro.QuantityTerms.newBuilder()
        .setQuantity(quantity.quantity())
        .setUnit(quantity.unit())
        .setAbout(quantity.about())
        .setCountedInUnits(quantity.countedInUnits())
        .build();
  }

  static QuantityTerms toDomain(dev.tradeflow.schemas.avro.QuantityTerms quantity) {
    if (quantity == null) {
      return null;
    }
    // The decimal comes back at the schema's scale (12.500000); the domain normalises it to 12.5.
    return new QuantityTerms(
        quantity.getQuantity(),
        quantity.getUnit(),
        quantity.getAbout(),
        quantity.getCountedInUnits());
  }

  static dev.tradeflow.schemas.avro.LcTerms toAvro(LcTerms terms) {
    if (terms == null) {
      return null;
    }
    return dev.tradeflow.schemas.avro.LcTerms.newBuilder()
        .setApplicant(toAvro(terms.applicant()))
        .setBeneficiary(toAvro(terms.beneficiary()))
        .setIssuingBank(toAvro(terms.issuingBank()))
        .setAdvisingBank(toAvro(terms.advisingBank()))
        .setAmount(toAvro(terms.amount()))
        .setTolerance(toAvro(terms.tolerance()))
        .setExpiryDate(terms.expiryDate())
        .setPlaceOfExpiry(terms.placeOfExpiry())
        .setLatestShipmentDate(terms.latestShipmentDate())
        .setPresentationPeriodDays(terms.presentationPeriodDays())
        .setPartialDrawingsAllowed(terms.partialDrawingsAllowed())
        .setAvailableBy(toAvro(terms.availableBy()))
        .setConfirmation(toAvro(terms.confirmation()))
        .setGoodsDescription(terms.goodsDescription())
        .setQuantity(toAvro(terms.quantity()))
        .setShipment(toAvro(terms.shipment()))
        .build();
  }

  static dev.tradeflow.schemas.avro.ShipmentTerms toAvro(ShipmentTerms shipment) {
    if (shipment == null) {
      return null;
    }
    Vessel vessel = shipment.vessel();
    return dev.tradeflow.schemas.avro.ShipmentTerms.newBuilder()
        .setHsCode(shipment.hsCode())
        .setPortOfLoading(shipment.portOfLoading())
        .setPortOfDischarge(shipment.portOfDischarge())
        .setTransshipmentPorts(List.copyOf(shipment.transshipmentPorts()))
        .setVessel(
            vessel == null
                ? null
                : dev.tradeflow.schemas.avro.Vessel.newBuilder()
                    .setName(vessel.name())
                    .setImoNumber(vessel.imoNumber())
                    .build())
        .build();
  }

  static ShipmentTerms toDomain(dev.tradeflow.schemas.avro.ShipmentTerms shipment) {
    if (shipment == null) {
      return null;
    }
    dev.tradeflow.schemas.avro.Vessel vessel = shipment.getVessel();
    return new ShipmentTerms(
        shipment.getHsCode(),
        shipment.getPortOfLoading(),
        shipment.getPortOfDischarge(),
        shipment.getTransshipmentPorts(),
        vessel == null ? null : new Vessel(vessel.getName(), vessel.getImoNumber()));
  }

  static dev.tradeflow.schemas.avro.DocumentParticulars toAvro(DocumentParticulars particulars) {
    if (particulars == null) {
      return null;
    }
    return dev.tradeflow.schemas.avro.DocumentParticulars.newBuilder()
        .setDocuments(
            particulars.documents().stream()
                .map(
                    d ->
                        dev.tradeflow.schemas.avro.TradeDocument.newBuilder()
                            .setKind(TradeDocumentKind.valueOf(d.kind().name()))
                            .setNumber(d.number())
                            .setIssuer(d.issuer())
                            .build())
                .toList())
        .setShipment(toAvro(particulars.shipment()))
        .build();
  }

  static DocumentParticulars toDomain(dev.tradeflow.schemas.avro.DocumentParticulars particulars) {
    if (particulars == null) {
      return null;
    }
    return new DocumentParticulars(
        particulars.getDocuments().stream()
            .map(
                d ->
                    new TradeDocument(
                        TradeDocument.Kind.valueOf(d.getKind().name()),
                        d.getNumber(),
                        d.getIssuer()))
            .toList(),
        toDomain(particulars.getShipment()));
  }

  static LcTerms toDomain(dev.tradeflow.schemas.avro.LcTerms terms) {
    if (terms == null) {
      return null;
    }
    return new LcTerms(
        toDomain(terms.getApplicant()),
        toDomain(terms.getBeneficiary()),
        toDomain(terms.getIssuingBank()),
        toDomain(terms.getAdvisingBank()),
        toDomain(terms.getAmount()),
        toDomain(terms.getTolerance()),
        terms.getExpiryDate(),
        terms.getPlaceOfExpiry(),
        terms.getLatestShipmentDate(),
        terms.getPresentationPeriodDays(),
        terms.getPartialDrawingsAllowed(),
        toDomain(terms.getAvailableBy()),
        toDomain(terms.getConfirmation()),
        terms.getGoodsDescription(),
        toDomain(terms.getQuantity()),
        toDomain(terms.getShipment()));
  }

  static dev.tradeflow.schemas.avro.AmendmentChanges toAvro(AmendmentChanges changes) {
    if (changes == null) {
      return null;
    }
    return dev.tradeflow.schemas.avro.AmendmentChanges.newBuilder()
        .setNewAmount(toAvro(changes.newAmount()))
        .setNewExpiryDate(changes.newExpiryDate())
        .setNewLatestShipmentDate(changes.newLatestShipmentDate())
        .setNewBeneficiary(toAvro(changes.newBeneficiary()))
        .setNarrative(changes.narrative())
        .build();
  }

  static AmendmentChanges toDomain(dev.tradeflow.schemas.avro.AmendmentChanges changes) {
    if (changes == null) {
      return null;
    }
    return new AmendmentChanges(
        toDomain(changes.getNewAmount()),
        changes.getNewExpiryDate(),
        changes.getNewLatestShipmentDate(),
        toDomain(changes.getNewBeneficiary()),
        changes.getNarrative());
  }

  static List<dev.tradeflow.schemas.avro.Discrepancy> toAvro(List<Discrepancy> discrepancies) {
    if (discrepancies == null) {
      return null;
    }
    return discrepancies.stream()
        .map(d -> new dev.tradeflow.schemas.avro.Discrepancy(d.code(), d.description()))
        .toList();
  }

  static List<Discrepancy> toDomain(List<dev.tradeflow.schemas.avro.Discrepancy> discrepancies) {
    if (discrepancies == null) {
      return null;
    }
    return discrepancies.stream()
        .map(d -> new Discrepancy(d.getCode(), d.getDescription()))
        .toList();
  }

  // The enums have the same symbols on both sides; a test holds them in step.

  static dev.tradeflow.schemas.avro.AvailableBy toAvro(AvailableBy mode) {
    return mode == null ? null : dev.tradeflow.schemas.avro.AvailableBy.valueOf(mode.name());
  }

  static AvailableBy toDomain(dev.tradeflow.schemas.avro.AvailableBy mode) {
    return mode == null ? null : AvailableBy.valueOf(mode.name());
  }

  static dev.tradeflow.schemas.avro.ConfirmationInstruction toAvro(
      ConfirmationInstruction confirmation) {
    return confirmation == null
        ? null
        : dev.tradeflow.schemas.avro.ConfirmationInstruction.valueOf(confirmation.name());
  }

  static ConfirmationInstruction toDomain(
      dev.tradeflow.schemas.avro.ConfirmationInstruction confirmation) {
    return confirmation == null ? null : ConfirmationInstruction.valueOf(confirmation.name());
  }

  static dev.tradeflow.schemas.avro.DocumentDisposal toAvro(DocumentDisposal disposal) {
    return disposal == null
        ? null
        : dev.tradeflow.schemas.avro.DocumentDisposal.valueOf(disposal.name());
  }

  static DocumentDisposal toDomain(dev.tradeflow.schemas.avro.DocumentDisposal disposal) {
    return disposal == null ? null : DocumentDisposal.valueOf(disposal.name());
  }
}
