package dev.tradeflow.app.demo;

import static dev.tradeflow.app.demo.Scenario.Step.accepted;
import static dev.tradeflow.app.demo.Scenario.Step.rejected;

import dev.tradeflow.app.demo.Scenario.Step;
import dev.tradeflow.app.demo.Scenario.Step.Approve;
import dev.tradeflow.app.demo.Scenario.Step.AwaitOutcome;
import dev.tradeflow.app.demo.Scenario.Step.AwaitPresentationElsewhere;
import dev.tradeflow.app.demo.Scenario.Step.AwaitSaga;
import dev.tradeflow.app.demo.Scenario.Step.AwaitStatus;
import dev.tradeflow.app.demo.Scenario.Step.DecideCases;
import dev.tradeflow.app.demo.Scenario.Step.Submit;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.DocumentDisposal;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.*;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo's lifecycles: a clean sight payment, amendments accepted and rejected, discrepant
 * presentations waived and refused, a late presentation, expiry, a refused application, a
 * cancellation and partial drawings by negotiation, each with the outcomes UCP 600 dictates; and
 * the issuance saga's screening, credit and approval, of applications, amendments and a bill of
 * lading presented under a second credit.
 */
final class DemoScenarios {

  /** Each applicant's credit facility: room for all of its credits but the over-limit one. */
  static final String FACILITY_LIMIT = "2000000.00";

  private static final String BLOCKED_BENEFICIARY = "Banco Nacional de Cuba";

  /** Shanghai to Felixstowe, direct: what most of the demo's credits state of the shipment. */
  private static final ShipmentTerms ROUTE =
      new ShipmentTerms("520811", "CNSHA", "GBFXT", List.of(), null);

  private static final String NEAR_MATCH_BENEFICIARY = "Banco Nacional de Kuba";

  private static final Bank ISSUING = new Bank("CHASUS33", "JPMorgan Chase Bank, New York");
  private static final Bank ADVISING = new Bank("BARCGB22", "Barclays Bank, London");
  private static final Bank CONFIRMING = new Bank("HSBCGB2L", "HSBC Bank, London");

  // Business dates, a fixed pattern of weekdays from the first Monday on or after the run: the
  // issuance saga issues on the application date at the earliest, and the UCP 600 rules count
  // banking days, so the pattern keeps every scripted outcome where it was designed to fall.
  private final LocalDate applied;
  private final LocalDate advised;
  private final LocalDate expiry;
  private final LocalDate shipped;
  private final LocalDate presented;

  /** Makes the run's document numbers its own: a later run presents no document twice. */
  private final String runId;

  /** Numbers the run's documents: each presentation's invoice and bill of lading are new. */
  private int documents;

  private DemoScenarios(LocalDate runDate, String runId) {
    this.runId = runId;
    applied = runDate.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    advised = applied.plusDays(3);
    expiry = applied.plusDays(176);
    shipped = applied.plusDays(28);
    presented = applied.plusDays(36);
  }

  /** The applicants whose facilities the demo opens first. */
  static List<String> applicants() {
    return List.of(applicant(1), applicant(2), applicant(3));
  }

  private static String applicant(int copy) {
    return "Acme Imports " + copy + " LLC";
  }

  /**
   * Every lifecycle, three times over (54 credits), dated from {@code runDate}, their documents
   * numbered after {@code runId}.
   */
  static List<Scenario> all(LocalDate runDate, String runId) {
    return new DemoScenarios(runDate, runId).scenarios();
  }

  private List<Scenario> scenarios() {
    List<Function<Script, Scenario>> lifecycles =
        List.of(
            this::cleanSightPayment,
            this::amendmentAccepted,
            this::amendmentRejectedThenConfirmed,
            this::discrepanciesWaived,
            this::discrepanciesRefusedThenExpired,
            this::latePresentation,
            this::expiry,
            this::cancelledWithConsent,
            this::partialDrawingsByNegotiation,
            this::sanctionedBeneficiary,
            this::nearMatchClearedByTwoOfficers,
            this::overTheCreditLimit,
            this::approvalNeverGiven,
            this::makerCannotApproveOwnApplication,
            this::amendmentToASanctionedBeneficiary,
            this::amendmentOverTheCreditLimit,
            this::transshippedThroughASanctionedPort,
            this::billOfLadingPresentedTwice);
    List<Scenario> scenarios = new ArrayList<>();
    for (int copy = 1; copy <= 3; copy++) {
      // The copy's clean sight payment is its first scenario: others may refer to it.
      int first = scenarios.size();
      for (Function<Script, Scenario> lifecycle : lifecycles) {
        scenarios.add(lifecycle.apply(new Script(copy, first)));
      }
    }
    return scenarios;
  }

  private Scenario cleanSightPayment(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "100000.00", Tolerance.NONE, true));
    s.ok(present(s, "P1", "100000.00", shipped, presented, cleanBillOfLading(s)));
    LcCommand examined =
        new RecordExamination(s.next(), pid("P1"), presented.plusDays(2), List.of());
    s.ok(examined);
    s.ok(examined); // the same command id again: answered with the first outcome, nothing new
    s.ok(
        new HonourPresentation(
            s.next(), pid("P1"), presented.plusDays(3), AvailableBy.SIGHT_PAYMENT, null));
    s.ok(new ReimburseHonour(s.next(), pid("P1"), presented.plusDays(6)));
    s.ok(new CloseCredit(s.next(), presented.plusDays(7)));
    return s.scenario("clean sight payment", LcStatus.CLOSED);
  }

  /**
   * A raise over the approval threshold: screened and reserved again, approved by a checker other
   * than its maker, then sent to the beneficiary, who accepts it.
   */
  private Scenario amendmentAccepted(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "200000.00", Tolerance.ABOUT, true));
    AmendmentId a1 = new AmendmentId("A1");
    RequestAmendment raise =
        new RequestAmendment(
            s.next(),
            a1,
            new AmendmentChanges(
                Money.of("300000.00", "USD"),
                expiry.plusMonths(3),
                null,
                null,
                "increase and extend"),
            advised.plusDays(10));
    s.await(new Submit(raise));
    s.await(new AwaitSaga("AWAITING_APPROVAL"));
    s.await(new Approve(Script.MAKER, 403));
    s.await(new Approve("demo.checker", 202));
    s.await(new AwaitOutcome(raise, Optional.empty()));
    s.no(
        new RequestAmendment(
            s.next(),
            new AmendmentId("A2"),
            new AmendmentChanges(null, expiry.plusMonths(4), null, null, "second one"),
            advised.plusDays(11)),
        RejectionCode.AMENDMENT_ALREADY_PENDING);
    s.ok(new AcceptAmendment(s.next(), a1, advised.plusDays(12)));
    return s.scenario("amendment accepted", LcStatus.ADVISED);
  }

  private Scenario amendmentRejectedThenConfirmed(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.ACCEPTANCE, "80000.00", Tolerance.NONE, true));
    AmendmentId a1 = new AmendmentId("A1");
    s.ok(
        new RequestAmendment(
            s.next(),
            a1,
            new AmendmentChanges(Money.of("60000.00", "USD"), null, null, null, "reduce"),
            advised.plusDays(5)));
    s.ok(new RejectAmendment(s.next(), a1, "beneficiary does not agree", advised.plusDays(7)));
    s.ok(new ConfirmCredit(s.next(), CONFIRMING, advised.plusDays(8)));
    return s.scenario("amendment rejected, then confirmed", LcStatus.CONFIRMED);
  }

  private Scenario discrepanciesWaived(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.DEFERRED_PAYMENT, "50000.00", Tolerance.NONE, true));
    s.ok(present(s, "P1", "50000.00", shipped, presented));
    s.ok(
        new RecordExamination(
            s.next(),
            pid("P1"),
            presented.plusDays(1),
            List.of(new Discrepancy("LATE_SHIPMENT", "shipped after the latest shipment date"))));
    s.ok(new SeekWaiver(s.next(), pid("P1"), presented.plusDays(2)));
    s.ok(new WaiveDiscrepancies(s.next(), pid("P1"), presented.plusDays(3)));
    s.ok(
        new HonourPresentation(
            s.next(),
            pid("P1"),
            presented.plusDays(4),
            AvailableBy.DEFERRED_PAYMENT,
            presented.plusDays(94)));
    s.ok(new ReimburseHonour(s.next(), pid("P1"), presented.plusDays(94)));
    s.ok(new CloseCredit(s.next(), presented.plusDays(95)));
    return s.scenario("discrepant presentation waived", LcStatus.CLOSED);
  }

  private Scenario discrepanciesRefusedThenExpired(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "75000.00", Tolerance.NONE, true));
    s.ok(present(s, "P1", "75000.00", shipped, presented));
    List<Discrepancy> found =
        List.of(
            new Discrepancy("INVOICE_AMOUNT", "invoice exceeds the drawing"),
            new Discrepancy("BL_UNSIGNED", "bill of lading not signed by the carrier"));
    s.ok(new RecordExamination(s.next(), pid("P1"), presented.plusDays(1), found));
    s.no(
        new RefuseDocuments(
            s.next(),
            pid("P1"),
            presented.plusDays(2),
            found.subList(0, 1),
            DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS),
        RejectionCode.UCP600_ART16C_NOTICE_INCOMPLETE);
    s.ok(
        new RefuseDocuments(
            s.next(),
            pid("P1"),
            presented.plusDays(2),
            found,
            DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS));
    s.no(new ExpireCredit(s.next(), expiry), RejectionCode.EXPIRY_NOT_REACHED);
    s.ok(new ExpireCredit(s.next(), expiry.plusDays(1)));
    return s.scenario("discrepant presentation refused, then expired", LcStatus.EXPIRED);
  }

  private Scenario latePresentation(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.NEGOTIATION, "40000.00", Tolerance.NONE, true));
    s.no(
        present(s, "P1", "40000.00", shipped, shipped.plusDays(30)),
        RejectionCode.UCP600_ART14C_LATE_PRESENTATION);
    s.no(
        present(s, "P2", "40000.00", shipped, expiry.plusDays(1)),
        RejectionCode.UCP600_ART6E_PRESENTED_AFTER_EXPIRY);
    return s.scenario("late presentation refused", LcStatus.ADVISED);
  }

  private Scenario expiry(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "20000.00", Tolerance.NONE, true));
    s.ok(new ExpireCredit(s.next(), expiry.plusDays(1)));
    s.no(present(s, "P1", "20000.00", shipped, presented), RejectionCode.ILLEGAL_STATE);
    return s.scenario("expiry", LcStatus.EXPIRED);
  }

  private Scenario cancelledWithConsent(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "15000.00", Tolerance.NONE, true));
    s.no(
        new CancelCredit(s.next(), "applicant withdrew", false, advised.plusDays(3)),
        RejectionCode.UCP600_ART10A_CANCELLATION_WITHOUT_CONSENT);
    s.ok(new CancelCredit(s.next(), "applicant withdrew", true, advised.plusDays(5)));
    return s.scenario("cancelled with the beneficiary's consent", LcStatus.CANCELLED);
  }

  private Scenario partialDrawingsByNegotiation(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.NEGOTIATION, "120000.00", new Tolerance(5, 5), true));
    for (String p : List.of("P1", "P2")) {
      s.ok(present(s, p, "60000.00", shipped, presented));
      s.ok(new RecordExamination(s.next(), pid(p), presented.plusDays(1), List.of()));
      s.ok(
          new HonourPresentation(
              s.next(), pid(p), presented.plusDays(2), AvailableBy.NEGOTIATION, null));
      s.ok(new ReimburseHonour(s.next(), pid(p), presented.plusDays(4)));
    }
    s.no(present(s, "P3", "6000.01", shipped, presented), RejectionCode.UCP600_ART30_OVERDRAWN);
    s.ok(new CloseCredit(s.next(), presented.plusDays(5)));
    return s.scenario("partial drawings by negotiation", LcStatus.CLOSED);
  }

  /** An amendment naming a sanctioned beneficiary: blocked, hit confirmed, never sent. */
  private Scenario amendmentToASanctionedBeneficiary(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "60000.00", Tolerance.NONE, true));
    RequestAmendment transfer =
        new RequestAmendment(
            s.next(),
            new AmendmentId("A1"),
            new AmendmentChanges(
                null, null, null, new Party(BLOCKED_BENEFICIARY, "CU"), "new beneficiary"),
            advised.plusDays(4));
    s.await(new Submit(transfer));
    s.await(new AwaitSaga("AWAITING_REVIEW"));
    s.await(new DecideCases("demo.compliance.1", "CONFIRM"));
    s.await(new AwaitOutcome(transfer, Optional.of(RejectionCode.AMENDMENT_NOT_CLEARED)));
    return s.scenario("amendment to a sanctioned beneficiary, not cleared", LcStatus.ADVISED);
  }

  /** A raise beyond what the facility has left: refused with the figures, nothing reserved. */
  private Scenario amendmentOverTheCreditLimit(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "90000.00", Tolerance.NONE, true));
    s.no(
        new RequestAmendment(
            s.next(),
            new AmendmentId("A1"),
            new AmendmentChanges(
                Money.of("2500000.00", "USD"), null, null, null, "a much larger shipment"),
            advised.plusDays(4)),
        RejectionCode.AMENDMENT_NOT_CLEARED);
    return s.scenario("amendment over the credit limit, not cleared", LcStatus.ADVISED);
  }

  /**
   * The bill of lading of the copy's clean sight payment presented again under this credit: the
   * same shipment financed twice. The saga holds the presentation for review; the hit confirmed,
   * the credit never records it. A presentation with documents of its own then goes through.
   */
  private Scenario billOfLadingPresentedTwice(Script s) {
    issuedAndAdvised(s, terms(s, AvailableBy.SIGHT_PAYMENT, "80000.00", Tolerance.NONE, true));
    s.await(new AwaitPresentationElsewhere(s.firstOfCopy, pid("P1")));
    PresentDocuments twice = present(s, "P1", "80000.00", shipped, presented, cleanBillOfLading(s));
    s.await(new Submit(twice));
    s.await(new DecideCases("demo.compliance.1", "CONFIRM"));
    s.await(new AwaitOutcome(twice, Optional.of(RejectionCode.PRESENTATION_NOT_CLEARED)));
    s.ok(present(s, "P2", "80000.00", shipped, presented));
    return s.scenario("bill of lading presented under a second credit, refused", LcStatus.ADVISED);
  }

  /** The bill of lading the copy's clean sight payment presents (first, hence its owner). */
  private TradeDocument cleanBillOfLading(Script s) {
    return new TradeDocument(
        TradeDocument.Kind.BILL_OF_LADING, "BL-" + runId + "-C" + s.copy, "Demo Container Line");
  }

  /** Transshipped at Bandar Abbas: a port in a comprehensively sanctioned country. */
  private Scenario transshippedThroughASanctionedPort(Script s) {
    LcTerms viaIran =
        terms(
            s,
            "Northwind Textiles " + s.copy + " Ltd",
            "GB",
            "70000.00",
            Tolerance.NONE,
            AvailableBy.SIGHT_PAYMENT,
            true,
            new ShipmentTerms(
                "520811", "CNSHA", "GBFXT", List.of("IRBND"), new Vessel("TF DEMO", null)));
    s.ok(new ApplyForCredit(s.next(), viaIran, applied));
    s.await(new AwaitSaga("AWAITING_REVIEW"));
    s.await(new DecideCases("demo.compliance.1", "CONFIRM"));
    s.await(new AwaitStatus(LcStatus.REJECTED));
    return s.scenario("transshipped through a sanctioned port, hit confirmed", LcStatus.REJECTED);
  }

  private Scenario sanctionedBeneficiary(Script s) {
    s.ok(
        new ApplyForCredit(
            s.next(), terms(s, BLOCKED_BENEFICIARY, "ES", "60000.00", Tolerance.NONE), applied));
    s.await(new AwaitSaga("AWAITING_REVIEW"));
    s.await(new DecideCases("demo.compliance.1", "CONFIRM"));
    s.await(new AwaitStatus(LcStatus.REJECTED));
    return s.scenario("sanctioned beneficiary blocked, hit confirmed", LcStatus.REJECTED);
  }

  private Scenario nearMatchClearedByTwoOfficers(Script s) {
    s.ok(
        new ApplyForCredit(
            s.next(), terms(s, NEAR_MATCH_BENEFICIARY, "ES", "60000.00", Tolerance.NONE), applied));
    s.await(new AwaitSaga("AWAITING_REVIEW"));
    s.await(new DecideCases("demo.compliance.1", "CLEAR"));
    s.await(new DecideCases("demo.compliance.2", "CLEAR"));
    s.await(new AwaitStatus(LcStatus.ISSUED));
    s.ok(new AdviseCredit(s.next(), advised));
    return s.scenario("near-match cleared by two compliance officers", LcStatus.ADVISED);
  }

  private Scenario overTheCreditLimit(Script s) {
    s.ok(
        new ApplyForCredit(
            s.next(),
            terms(s, AvailableBy.SIGHT_PAYMENT, "2500000.00", Tolerance.NONE, true),
            applied));
    s.await(new AwaitStatus(LcStatus.REJECTED));
    return s.scenario("over the credit limit, rejected", LcStatus.REJECTED);
  }

  private Scenario approvalNeverGiven(Script s) {
    s.ok(
        new ApplyForCredit(
            s.next(),
            terms(s, AvailableBy.SIGHT_PAYMENT, "400000.00", Tolerance.NONE, true),
            applied));
    s.await(new AwaitSaga("AWAITING_APPROVAL"));
    s.await(new AwaitStatus(LcStatus.REJECTED));
    return s.scenario("no checker in time: compensated", LcStatus.REJECTED);
  }

  private Scenario makerCannotApproveOwnApplication(Script s) {
    s.ok(
        new ApplyForCredit(
            s.next(),
            terms(s, AvailableBy.SIGHT_PAYMENT, "300000.00", Tolerance.NONE, true),
            applied));
    s.await(new AwaitSaga("AWAITING_APPROVAL"));
    s.await(new Approve(Script.MAKER, 403));
    s.await(new Approve("demo.checker", 202));
    s.await(new AwaitStatus(LcStatus.ISSUED));
    s.ok(new AdviseCredit(s.next(), advised));
    return s.scenario("maker-checker approval over the threshold", LcStatus.ADVISED);
  }

  /** Apply; the saga screens, reserves, approves and issues; then advise. */
  private void issuedAndAdvised(Script s, LcTerms terms) {
    s.ok(new ApplyForCredit(s.next(), terms, applied));
    s.await(new AwaitStatus(LcStatus.ISSUED));
    s.ok(new AdviseCredit(s.next(), advised));
  }

  private LcTerms terms(
      Script s, AvailableBy availableBy, String amount, Tolerance tolerance, boolean partials) {
    return terms(
        s,
        "Northwind Textiles " + s.copy + " Ltd",
        "GB",
        amount,
        tolerance,
        availableBy,
        partials,
        ROUTE);
  }

  private LcTerms terms(
      Script s, String beneficiary, String country, String amount, Tolerance tolerance) {
    return terms(
        s, beneficiary, country, amount, tolerance, AvailableBy.SIGHT_PAYMENT, true, ROUTE);
  }

  private LcTerms terms(
      Script s,
      String beneficiary,
      String country,
      String amount,
      Tolerance tolerance,
      AvailableBy availableBy,
      boolean partials,
      ShipmentTerms shipment) {
    return new LcTerms(
        new Party(applicant(s.copy), "US"),
        new Party(beneficiary, country),
        ISSUING,
        ADVISING,
        Money.of(amount, "USD"),
        tolerance,
        expiry,
        "GB-LON",
        expiry.minusDays(30),
        21,
        partials,
        availableBy,
        ConfirmationInstruction.MAY_ADD,
        "Cotton fabric, 100% combed, HS 5208",
        null,
        shipment);
  }

  /** A presentation with an invoice and a bill of lading of its own, shipped as the route says. */
  private PresentDocuments present(
      Script s, String presentation, String amount, LocalDate shipped, LocalDate presented) {
    return present(
        s,
        presentation,
        amount,
        shipped,
        presented,
        new TradeDocument(
            TradeDocument.Kind.BILL_OF_LADING,
            "BL-" + runId + "-" + (++documents),
            "Demo Container Line"));
  }

  private PresentDocuments present(
      Script s,
      String presentation,
      String amount,
      LocalDate shipped,
      LocalDate presented,
      TradeDocument billOfLading) {
    DocumentParticulars particulars =
        new DocumentParticulars(
            List.of(
                new TradeDocument(
                    TradeDocument.Kind.COMMERCIAL_INVOICE,
                    "INV-" + runId + "-" + (++documents),
                    "Northwind Textiles " + s.copy + " Ltd"),
                billOfLading),
            new ShipmentTerms(
                null,
                ROUTE.portOfLoading(),
                ROUTE.portOfDischarge(),
                List.of(),
                new Vessel("MAERSK SELETAR", "9356646")));
    return new PresentDocuments(
        s.next(),
        pid(presentation),
        Money.of(amount, "USD"),
        shipped,
        presented,
        null,
        particulars);
  }

  private static PresentationId pid(String id) {
    return new PresentationId(id);
  }

  /** Collects one scenario's steps, numbering its command ids. */
  final class Script {
    /** Who enters the demo's applications and commands. */
    static final String MAKER = "demo.maker";

    final int copy;

    /** The index in the run of the copy's first scenario. */
    final int firstOfCopy;

    private final List<Step> steps = new ArrayList<>();
    private int sequence;

    Script(int copy, int firstOfCopy) {
      this.copy = copy;
      this.firstOfCopy = firstOfCopy;
    }

    CommandId next() {
      return new CommandId("cmd-" + (++sequence));
    }

    void ok(LcCommand command) {
      steps.add(accepted(command));
    }

    void no(LcCommand command, RejectionCode code) {
      steps.add(rejected(command, code));
    }

    void await(Step step) {
      steps.add(step);
    }

    Scenario scenario(String name, LcStatus expected) {
      return new Scenario(name, List.copyOf(steps), expected);
    }
  }
}
