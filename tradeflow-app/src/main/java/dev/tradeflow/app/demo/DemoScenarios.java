package dev.tradeflow.app.demo;

import static dev.tradeflow.app.demo.Scenario.Step.accepted;
import static dev.tradeflow.app.demo.Scenario.Step.rejected;

import dev.tradeflow.app.demo.Scenario.Step;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.DocumentDisposal;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.*;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The demo's lifecycles: a clean sight payment, amendments accepted and rejected, discrepant
 * presentations waived and refused, a late presentation, expiry, a refused application, a
 * cancellation and partial drawings by negotiation, each with the outcomes UCP 600 dictates.
 */
final class DemoScenarios {

  private static final LocalDate APPLIED = LocalDate.of(2026, 1, 5);
  private static final LocalDate ISSUED = LocalDate.of(2026, 1, 7);
  private static final LocalDate ADVISED = LocalDate.of(2026, 1, 8);
  private static final LocalDate EXPIRY = LocalDate.of(2026, 6, 30);
  private static final LocalDate SHIPPED = LocalDate.of(2026, 2, 2);
  private static final LocalDate PRESENTED = LocalDate.of(2026, 2, 10);

  private static final Bank ISSUING = new Bank("CHASUS33", "JPMorgan Chase Bank, New York");
  private static final Bank ADVISING = new Bank("BARCGB22", "Barclays Bank, London");
  private static final Bank CONFIRMING = new Bank("HSBCGB2L", "HSBC Bank, London");

  private DemoScenarios() {}

  /** Every lifecycle, three times over (30 credits). */
  static List<Scenario> all() {
    List<Function<Script, Scenario>> lifecycles =
        List.of(
            DemoScenarios::cleanSightPayment,
            DemoScenarios::amendmentAccepted,
            DemoScenarios::amendmentRejectedThenConfirmed,
            DemoScenarios::discrepanciesWaived,
            DemoScenarios::discrepanciesRefusedThenExpired,
            DemoScenarios::latePresentation,
            DemoScenarios::expiry,
            DemoScenarios::applicationRejected,
            DemoScenarios::cancelledWithConsent,
            DemoScenarios::partialDrawingsByNegotiation);
    List<Scenario> scenarios = new ArrayList<>();
    for (int copy = 1; copy <= 3; copy++) {
      for (Function<Script, Scenario> lifecycle : lifecycles) {
        scenarios.add(lifecycle.apply(new Script(copy)));
      }
    }
    return scenarios;
  }

  private static Scenario cleanSightPayment(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.SIGHT_PAYMENT, "100000.00", Tolerance.NONE, true));
    s.ok(present(s, "P1", "100000.00", SHIPPED, PRESENTED));
    LcCommand examined =
        new RecordExamination(s.next(), pid("P1"), PRESENTED.plusDays(2), List.of());
    s.ok(examined);
    s.ok(examined); // the same command id again: answered with the first outcome, nothing new
    s.ok(
        new HonourPresentation(
            s.next(), pid("P1"), PRESENTED.plusDays(3), AvailableBy.SIGHT_PAYMENT, null));
    s.ok(new ReimburseHonour(s.next(), pid("P1"), PRESENTED.plusDays(6)));
    s.ok(new CloseCredit(s.next(), PRESENTED.plusDays(7)));
    return s.scenario("clean sight payment", LcStatus.CLOSED);
  }

  private static Scenario amendmentAccepted(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.SIGHT_PAYMENT, "250000.00", Tolerance.ABOUT, true));
    AmendmentId a1 = new AmendmentId("A1");
    s.ok(
        new RequestAmendment(
            s.next(),
            a1,
            new AmendmentChanges(
                Money.of("300000.00", "USD"),
                EXPIRY.plusMonths(3),
                null,
                null,
                "increase and extend"),
            ADVISED.plusDays(10)));
    s.no(
        new RequestAmendment(
            s.next(),
            new AmendmentId("A2"),
            new AmendmentChanges(null, EXPIRY.plusMonths(4), null, null, "second one"),
            ADVISED.plusDays(11)),
        RejectionCode.AMENDMENT_ALREADY_PENDING);
    s.ok(new AcceptAmendment(s.next(), a1, ADVISED.plusDays(12)));
    return s.scenario("amendment accepted", LcStatus.ADVISED);
  }

  private static Scenario amendmentRejectedThenConfirmed(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.ACCEPTANCE, "80000.00", Tolerance.NONE, true));
    AmendmentId a1 = new AmendmentId("A1");
    s.ok(
        new RequestAmendment(
            s.next(),
            a1,
            new AmendmentChanges(Money.of("60000.00", "USD"), null, null, null, "reduce"),
            ADVISED.plusDays(5)));
    s.ok(new RejectAmendment(s.next(), a1, "beneficiary does not agree", ADVISED.plusDays(7)));
    s.ok(new ConfirmCredit(s.next(), CONFIRMING, ADVISED.plusDays(8)));
    return s.scenario("amendment rejected, then confirmed", LcStatus.CONFIRMED);
  }

  private static Scenario discrepanciesWaived(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.DEFERRED_PAYMENT, "50000.00", Tolerance.NONE, true));
    s.ok(present(s, "P1", "50000.00", SHIPPED, PRESENTED));
    s.ok(
        new RecordExamination(
            s.next(),
            pid("P1"),
            PRESENTED.plusDays(1),
            List.of(new Discrepancy("LATE_SHIPMENT", "shipped after the latest shipment date"))));
    s.ok(new SeekWaiver(s.next(), pid("P1"), PRESENTED.plusDays(2)));
    s.ok(new WaiveDiscrepancies(s.next(), pid("P1"), PRESENTED.plusDays(3)));
    s.ok(
        new HonourPresentation(
            s.next(),
            pid("P1"),
            PRESENTED.plusDays(4),
            AvailableBy.DEFERRED_PAYMENT,
            PRESENTED.plusDays(94)));
    s.ok(new ReimburseHonour(s.next(), pid("P1"), PRESENTED.plusDays(94)));
    s.ok(new CloseCredit(s.next(), PRESENTED.plusDays(95)));
    return s.scenario("discrepant presentation waived", LcStatus.CLOSED);
  }

  private static Scenario discrepanciesRefusedThenExpired(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.SIGHT_PAYMENT, "75000.00", Tolerance.NONE, true));
    s.ok(present(s, "P1", "75000.00", SHIPPED, PRESENTED));
    List<Discrepancy> found =
        List.of(
            new Discrepancy("INVOICE_AMOUNT", "invoice exceeds the drawing"),
            new Discrepancy("BL_UNSIGNED", "bill of lading not signed by the carrier"));
    s.ok(new RecordExamination(s.next(), pid("P1"), PRESENTED.plusDays(1), found));
    s.no(
        new RefuseDocuments(
            s.next(),
            pid("P1"),
            PRESENTED.plusDays(2),
            found.subList(0, 1),
            DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS),
        RejectionCode.UCP600_ART16C_NOTICE_INCOMPLETE);
    s.ok(
        new RefuseDocuments(
            s.next(),
            pid("P1"),
            PRESENTED.plusDays(2),
            found,
            DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS));
    s.no(new ExpireCredit(s.next(), EXPIRY), RejectionCode.EXPIRY_NOT_REACHED);
    s.ok(new ExpireCredit(s.next(), EXPIRY.plusDays(1)));
    return s.scenario("discrepant presentation refused, then expired", LcStatus.EXPIRED);
  }

  private static Scenario latePresentation(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.NEGOTIATION, "40000.00", Tolerance.NONE, true));
    s.no(
        present(s, "P1", "40000.00", SHIPPED, SHIPPED.plusDays(30)),
        RejectionCode.UCP600_ART14C_LATE_PRESENTATION);
    s.no(
        present(s, "P2", "40000.00", SHIPPED, EXPIRY.plusDays(1)),
        RejectionCode.UCP600_ART6E_PRESENTED_AFTER_EXPIRY);
    return s.scenario("late presentation refused", LcStatus.ADVISED);
  }

  private static Scenario expiry(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.SIGHT_PAYMENT, "20000.00", Tolerance.NONE, true));
    s.ok(new ExpireCredit(s.next(), EXPIRY.plusDays(1)));
    s.no(present(s, "P1", "20000.00", SHIPPED, PRESENTED), RejectionCode.ILLEGAL_STATE);
    return s.scenario("expiry", LcStatus.EXPIRED);
  }

  private static Scenario applicationRejected(Script s) {
    s.ok(
        new ApplyForCredit(
            s.next(),
            terms(s, AvailableBy.SIGHT_PAYMENT, "999000.00", Tolerance.NONE, true),
            APPLIED));
    s.ok(new RejectApplication(s.next(), "credit limit exceeded", APPLIED.plusDays(1)));
    s.no(new IssueCredit(s.next(), ISSUED), RejectionCode.ILLEGAL_STATE);
    return s.scenario("application rejected", LcStatus.REJECTED);
  }

  private static Scenario cancelledWithConsent(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.SIGHT_PAYMENT, "15000.00", Tolerance.NONE, true));
    s.no(
        new CancelCredit(s.next(), "applicant withdrew", false, ADVISED.plusDays(3)),
        RejectionCode.UCP600_ART10A_CANCELLATION_WITHOUT_CONSENT);
    s.ok(new CancelCredit(s.next(), "applicant withdrew", true, ADVISED.plusDays(5)));
    return s.scenario("cancelled with the beneficiary's consent", LcStatus.CANCELLED);
  }

  private static Scenario partialDrawingsByNegotiation(Script s) {
    s.issuedAndAdvised(terms(s, AvailableBy.NEGOTIATION, "120000.00", new Tolerance(5, 5), true));
    for (String p : List.of("P1", "P2")) {
      s.ok(present(s, p, "60000.00", SHIPPED, PRESENTED));
      s.ok(new RecordExamination(s.next(), pid(p), PRESENTED.plusDays(1), List.of()));
      s.ok(
          new HonourPresentation(
              s.next(), pid(p), PRESENTED.plusDays(2), AvailableBy.NEGOTIATION, null));
      s.ok(new ReimburseHonour(s.next(), pid(p), PRESENTED.plusDays(4)));
    }
    s.no(present(s, "P3", "6000.01", SHIPPED, PRESENTED), RejectionCode.UCP600_ART30_OVERDRAWN);
    s.ok(new CloseCredit(s.next(), PRESENTED.plusDays(5)));
    return s.scenario("partial drawings by negotiation", LcStatus.CLOSED);
  }

  private static LcTerms terms(
      Script s, AvailableBy availableBy, String amount, Tolerance tolerance, boolean partials) {
    return new LcTerms(
        new Party("Acme Imports " + s.copy + " LLC", "US"),
        new Party("Northwind Textiles " + s.copy + " Ltd", "GB"),
        ISSUING,
        ADVISING,
        Money.of(amount, "USD"),
        tolerance,
        EXPIRY,
        "GB-LON",
        EXPIRY.minusDays(30),
        21,
        partials,
        availableBy,
        ConfirmationInstruction.MAY_ADD,
        "Cotton fabric, 100% combed, HS 5208",
        null);
  }

  private static PresentDocuments present(
      Script s, String presentation, String amount, LocalDate shipped, LocalDate presented) {
    return new PresentDocuments(
        s.next(), pid(presentation), Money.of(amount, "USD"), shipped, presented, null);
  }

  private static PresentationId pid(String id) {
    return new PresentationId(id);
  }

  /** Collects one scenario's steps, numbering its command ids. */
  static final class Script {
    final int copy;
    private final List<Step> steps = new ArrayList<>();
    private int sequence;

    Script(int copy) {
      this.copy = copy;
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

    void issuedAndAdvised(LcTerms terms) {
      ok(new ApplyForCredit(next(), terms, APPLIED));
      ok(new ApproveApplication(next(), "credit.officer", APPLIED.plusDays(1)));
      ok(new IssueCredit(next(), ISSUED));
      ok(new AdviseCredit(next(), ADVISED));
    }

    Scenario scenario(String name, LcStatus expected) {
      return new Scenario(name, List.copyOf(steps), expected);
    }
  }
}
