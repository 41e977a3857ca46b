package dev.tradeflow.schemas;

import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.EventContext;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.DocumentDisposal;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.QuantityTerms;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** One event of every type, as a deferred-payment credit's history would carry them. */
final class SampleEvents {

  static final String LC_ID = "LC-2026-0042";

  private static final Money AMOUNT = Money.of("1250000.00", "USD");
  private static final Money DRAWING = Money.of("612345.67", "USD");
  private static final PresentationId PRESENTATION = new PresentationId("PRES-1");
  private static final AmendmentId AMENDMENT = new AmendmentId("AMD-1");
  private static final List<Discrepancy> DISCREPANCIES =
      List.of(
          new Discrepancy("LATE_SHIPMENT", "shipped 2026-05-03, latest shipment date 2026-04-30"),
          new Discrepancy("INVOICE_AMOUNT", "invoice exceeds the drawing by USD 12.00"));

  private SampleEvents() {}

  private static DocumentParticulars particulars() {
    return new DocumentParticulars(
        List.of(
            new TradeDocument(
                TradeDocument.Kind.COMMERCIAL_INVOICE, "INV-2026-0412", "Cafe Andino Exportadora"),
            new TradeDocument(TradeDocument.Kind.BILL_OF_LADING, "MAEU240518877", "Maersk A/S")),
        new ShipmentTerms(
            null, "COBUN", "GBFXT", List.of("PAPTY"), new Vessel("MAERSK SELETAR", "9356646")));
  }

  /** Every event type once; {@code optionalFields} says whether optional fields are set. */
  static List<LcEvent> all(boolean optionalFields) {
    return List.of(
        new LcEvent.CreditApplied(terms(optionalFields), date("2026-03-02")),
        new LcEvent.ApplicationApproved("checker@issuing-bank", date("2026-03-03")),
        new LcEvent.ApplicationRejected("sanctions screening: possible match", date("2026-03-03")),
        new LcEvent.CreditIssued(date("2026-03-04"), date("2026-06-01")),
        new LcEvent.CreditAdvised(advisingBank(), date("2026-03-05")),
        new LcEvent.CreditConfirmed(advisingBank(), date("2026-03-06")),
        new LcEvent.AmendmentRequested(AMENDMENT, changes(optionalFields), date("2026-03-10")),
        new LcEvent.AmendmentAccepted(AMENDMENT, date("2026-03-11"), date("2026-06-30")),
        new LcEvent.AmendmentRejected(
            AMENDMENT, "the beneficiary keeps the original terms", date("2026-03-11")),
        new LcEvent.DocumentsPresented(
            PRESENTATION,
            DRAWING,
            date("2026-05-03"),
            date("2026-05-12"),
            optionalFields ? new BigDecimal("4875.125") : null,
            date("2026-05-19"),
            optionalFields ? particulars() : null),
        new LcEvent.ExaminationRecorded(
            PRESENTATION, date("2026-05-14"), optionalFields ? DISCREPANCIES : List.of()),
        new LcEvent.WaiverSought(PRESENTATION, date("2026-05-15")),
        new LcEvent.DiscrepanciesWaived(PRESENTATION, date("2026-05-18")),
        new LcEvent.DocumentsRefused(
            PRESENTATION,
            date("2026-05-19"),
            DISCREPANCIES,
            DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS),
        new LcEvent.PresentationHonoured(
            PRESENTATION,
            date("2026-05-20"),
            optionalFields ? AvailableBy.DEFERRED_PAYMENT : AvailableBy.SIGHT_PAYMENT,
            DRAWING,
            optionalFields ? date("2026-08-18") : null),
        new LcEvent.HonourReimbursed(PRESENTATION, date("2026-08-19"), DRAWING),
        new LcEvent.CreditClosed(date("2026-08-20")),
        new LcEvent.CreditCancelled("the applicant withdrew the application", date("2026-03-03")),
        new LcEvent.CreditExpired(date("2026-07-01")),
        new LcEvent.LegalHoldPlaced(
            "SEC-2026-0113", "subpoena in SEC v. Harbour Foods", date("2026-09-01")),
        new LcEvent.LegalHoldReleased("SEC-2026-0113", "matter closed", date("2027-02-01")));
  }

  static LcTerms terms(boolean optionalFields) {
    return new LcTerms(
        new Party("Harbour Foods Ltd", "GB"),
        new Party("Saigon Rice Export Co.", "VN"),
        new Bank("BARCGB22", "Barclays Bank PLC"),
        advisingBank(),
        AMOUNT,
        Tolerance.ABOUT,
        date("2026-05-31"),
        "VN-SGN",
        optionalFields ? date("2026-04-30") : null,
        21,
        true,
        AvailableBy.DEFERRED_PAYMENT,
        ConfirmationInstruction.MAY_ADD,
        "5,000 MT Vietnamese long grain white rice, 5% broken, CIF Felixstowe",
        optionalFields ? new QuantityTerms(new BigDecimal("5000"), "MT", true, false) : null,
        optionalFields
            ? new ShipmentTerms(
                "100630",
                "VNSGN",
                "GBFXT",
                List.of("SGSIN"),
                new Vessel("MAERSK SELETAR", "9356646"))
            : null);
  }

  /** Stamps events as one aggregate's history, with ids from a seeded generator. */
  static List<RecordedEvent<LcEvent>> recorded(List<LcEvent> events) {
    Random random = new Random(42);
    Supplier<UUID> eventIds = () -> new UUID(random.nextLong(), random.nextLong());
    EventContext context =
        new EventContext(
            "cmd-7f3a",
            "issuance-saga-19",
            "maker@issuing-bank",
            // Nanoseconds the log cannot keep: the context truncates them before hashing.
            Instant.parse("2026-03-02T09:15:30.123456789Z"));
    return HashChain.append(ChainHead.EMPTY, LC_ID, events, context, eventIds);
  }

  static RecordedEvent<LcEvent> recorded(LcEvent event) {
    return recorded(List.of(event)).get(0);
  }

  private static AmendmentChanges changes(boolean optionalFields) {
    return optionalFields
        ? new AmendmentChanges(
            Money.of("1400000.00", "USD"),
            date("2026-06-30"),
            date("2026-05-31"),
            new Party("Mekong Rice Trading JSC", "VN"),
            "increase amount, extend expiry and latest shipment, transfer to Mekong")
        : new AmendmentChanges(null, null, null, null, null);
  }

  private static Bank advisingBank() {
    return new Bank("BFTVVNVX", "Joint Stock Commercial Bank for Foreign Trade of Vietnam");
  }

  private static LocalDate date(String isoDate) {
    return LocalDate.parse(isoDate);
  }
}
