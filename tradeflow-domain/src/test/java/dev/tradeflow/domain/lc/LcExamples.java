package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.lc.LcCommand.AcceptAmendment;
import dev.tradeflow.domain.lc.LcCommand.AdviseCredit;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcCommand.ApproveApplication;
import dev.tradeflow.domain.lc.LcCommand.CancelCredit;
import dev.tradeflow.domain.lc.LcCommand.CloseCredit;
import dev.tradeflow.domain.lc.LcCommand.ConfirmCredit;
import dev.tradeflow.domain.lc.LcCommand.ExpireCredit;
import dev.tradeflow.domain.lc.LcCommand.HonourPresentation;
import dev.tradeflow.domain.lc.LcCommand.IssueCredit;
import dev.tradeflow.domain.lc.LcCommand.PlaceLegalHold;
import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.LcCommand.RecordExamination;
import dev.tradeflow.domain.lc.LcCommand.RefuseDocuments;
import dev.tradeflow.domain.lc.LcCommand.ReimburseHonour;
import dev.tradeflow.domain.lc.LcCommand.RejectAmendment;
import dev.tradeflow.domain.lc.LcCommand.RejectApplication;
import dev.tradeflow.domain.lc.LcCommand.ReleaseLegalHold;
import dev.tradeflow.domain.lc.LcCommand.RequestAmendment;
import dev.tradeflow.domain.lc.LcCommand.SeekWaiver;
import dev.tradeflow.domain.lc.LcCommand.WaiveDiscrepancies;
import dev.tradeflow.domain.lc.LcEvent.AmendmentAccepted;
import dev.tradeflow.domain.lc.LcEvent.AmendmentRejected;
import dev.tradeflow.domain.lc.LcEvent.AmendmentRequested;
import dev.tradeflow.domain.lc.LcEvent.ApplicationApproved;
import dev.tradeflow.domain.lc.LcEvent.ApplicationRejected;
import dev.tradeflow.domain.lc.LcEvent.CreditAdvised;
import dev.tradeflow.domain.lc.LcEvent.CreditApplied;
import dev.tradeflow.domain.lc.LcEvent.CreditCancelled;
import dev.tradeflow.domain.lc.LcEvent.CreditClosed;
import dev.tradeflow.domain.lc.LcEvent.CreditConfirmed;
import dev.tradeflow.domain.lc.LcEvent.CreditExpired;
import dev.tradeflow.domain.lc.LcEvent.CreditIssued;
import dev.tradeflow.domain.lc.LcEvent.DiscrepanciesWaived;
import dev.tradeflow.domain.lc.LcEvent.DocumentsPresented;
import dev.tradeflow.domain.lc.LcEvent.DocumentsRefused;
import dev.tradeflow.domain.lc.LcEvent.ExaminationRecorded;
import dev.tradeflow.domain.lc.LcEvent.HonourReimbursed;
import dev.tradeflow.domain.lc.LcEvent.PresentationHonoured;
import dev.tradeflow.domain.lc.LcEvent.WaiverSought;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Readable examples of terms, commands and events for the given-when-then specifications. One
 * credit tells the story: USD 100,000.00 at sight, expiring in London on Tuesday 2026-06-30,
 * applied for on Monday 2026-02-02, approved the next day and issued on Thursday 2026-02-05. Its
 * first presentation, P1, draws USD 40,000.00 for goods shipped on Monday 2026-03-02 and is
 * presented on Tuesday 2026-03-10, so its examination deadline is Tuesday 2026-03-17.
 */
final class LcExamples {

  static final LocalDate APPLIED_ON = date("2026-02-02");
  static final LocalDate APPROVED_ON = date("2026-02-03");
  static final LocalDate ISSUED_ON = date("2026-02-05");
  static final LocalDate ADVISED_ON = date("2026-02-06");
  static final LocalDate CONFIRMED_ON = date("2026-02-09");
  static final LocalDate EXPIRY = date("2026-06-30");
  static final String LONDON = "GB-LON";

  static final Party APPLICANT = new Party("Northwind Traders Ltd", "GB");
  static final Party BENEFICIARY = new Party("Shenzhen Bright Textiles Co", "CN");
  static final Party NEW_BENEFICIARY = new Party("Guangzhou Silk Mills", "CN");
  static final Bank ISSUING_BANK = new Bank("BARCGB22", "Barclays Bank PLC");
  static final Bank ADVISING_BANK = new Bank("BKCHCNBJ", "Bank of China");
  static final Bank CONFIRMING_BANK = new Bank("HSBCHKHHXXX", "HSBC Hong Kong");
  static final Money AMOUNT = usd("100000.00");
  static final String APPROVER = "credit.officer";

  static final PresentationId P1 = new PresentationId("P1");
  static final PresentationId P2 = new PresentationId("P2");
  static final PresentationId P3 = new PresentationId("P3");
  static final AmendmentId A1 = new AmendmentId("A1");
  static final AmendmentId A2 = new AmendmentId("A2");
  static final LocalDate AMENDMENT_REQUESTED_ON = date("2026-03-02");

  static final Discrepancy LATE_SHIPMENT =
      new Discrepancy("LATE_SHIPMENT", "bill of lading dated after the latest shipment date");
  static final Discrepancy INVOICE_NOT_SIGNED =
      new Discrepancy("INVOICE_NOT_SIGNED", "the commercial invoice is not signed");

  private static final CommandId COMMAND_ID = new CommandId("cmd-1");

  private LcExamples() {}

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  // --- terms ------------------------------------------------------------------------------------

  static Terms terms() {
    return new Terms();
  }

  /** The credit's terms, the story's defaults unless changed. */
  static final class Terms {
    private Money amount = AMOUNT;
    private Tolerance tolerance = Tolerance.NONE;
    private LocalDate expiry = EXPIRY;
    private String placeOfExpiry = LONDON;
    private LocalDate latestShipment;
    private int presentationPeriodDays = LcTerms.DEFAULT_PRESENTATION_PERIOD_DAYS;
    private boolean partialDrawingsAllowed = true;
    private AvailableBy availableBy = AvailableBy.SIGHT_PAYMENT;
    private ConfirmationInstruction confirmation = ConfirmationInstruction.MAY_ADD;
    private QuantityTerms quantity;

    Terms amount(Money value) {
      amount = value;
      return this;
    }

    Terms tolerance(Tolerance value) {
      tolerance = value;
      return this;
    }

    Terms expiring(String day) {
      expiry = date(day);
      return this;
    }

    Terms expiringAt(String place) {
      placeOfExpiry = place;
      return this;
    }

    Terms latestShipment(String day) {
      latestShipment = date(day);
      return this;
    }

    Terms presentationPeriodDays(int days) {
      presentationPeriodDays = days;
      return this;
    }

    Terms partialDrawingsProhibited() {
      partialDrawingsAllowed = false;
      return this;
    }

    Terms availableBy(AvailableBy value) {
      availableBy = value;
      return this;
    }

    Terms confirmation(ConfirmationInstruction value) {
      confirmation = value;
      return this;
    }

    Terms quantity(String value, String unit, boolean about, boolean countedInUnits) {
      quantity = new QuantityTerms(new BigDecimal(value), unit, about, countedInUnits);
      return this;
    }

    LcTerms build() {
      return new LcTerms(
          APPLICANT,
          BENEFICIARY,
          ISSUING_BANK,
          ADVISING_BANK,
          amount,
          tolerance,
          expiry,
          placeOfExpiry,
          latestShipment,
          presentationPeriodDays,
          partialDrawingsAllowed,
          availableBy,
          confirmation,
          "Cotton T-shirts, 100% combed cotton, assorted sizes",
          quantity);
    }
  }

  // --- amendment changes ------------------------------------------------------------------------

  static AmendmentChanges newAmount(String usd) {
    return new AmendmentChanges(usd(usd), null, null, null, "amount changed");
  }

  static AmendmentChanges newAmount(Money amount) {
    return new AmendmentChanges(amount, null, null, null, "amount changed");
  }

  static AmendmentChanges newExpiry(String day) {
    return new AmendmentChanges(null, date(day), null, null, "expiry extended");
  }

  static AmendmentChanges newLatestShipment(String day) {
    return new AmendmentChanges(null, null, date(day), null, "shipment period changed");
  }

  static AmendmentChanges newBeneficiary(Party beneficiary) {
    return new AmendmentChanges(null, null, null, beneficiary, "credit transferred");
  }

  static AmendmentChanges narrativeOnly() {
    return new AmendmentChanges(null, null, null, null, "please note our new address");
  }

  // --- presentations ----------------------------------------------------------------------------

  /** One detail of a presentation; the others keep the story's defaults for P1. */
  interface PresentationDetail {
    void applyTo(PresentationDraft draft);
  }

  static final class PresentationDraft {
    private PresentationId presentationId = P1;
    private Money amount = usd("40000.00");
    private LocalDate shipmentDate = date("2026-03-02");
    private LocalDate presentedOn = date("2026-03-10");
    private BigDecimal quantity;
    private LocalDate examinationDeadline;
    private DocumentParticulars particulars;

    private static PresentationDraft of(PresentationDetail... details) {
      PresentationDraft draft = new PresentationDraft();
      for (PresentationDetail detail : details) {
        detail.applyTo(draft);
      }
      return draft;
    }
  }

  static PresentationDetail presentation(PresentationId id) {
    return draft -> draft.presentationId = id;
  }

  static PresentationDetail drawing(String usd) {
    return drawing(usd(usd));
  }

  static PresentationDetail drawing(Money amount) {
    return draft -> draft.amount = amount;
  }

  static PresentationDetail shippedOn(String day) {
    return draft -> draft.shipmentDate = date(day);
  }

  static PresentationDetail presentedOn(String day) {
    return draft -> draft.presentedOn = date(day);
  }

  static PresentationDetail particulars(DocumentParticulars shown) {
    return draft -> draft.particulars = shown;
  }

  static PresentationDetail quantity(String shipped) {
    return draft -> draft.quantity = new BigDecimal(shipped);
  }

  static PresentationDetail examinationDeadline(String day) {
    return draft -> draft.examinationDeadline = date(day);
  }

  // --- events -----------------------------------------------------------------------------------

  static CreditApplied applied() {
    return applied(terms());
  }

  static CreditApplied applied(Terms terms) {
    return new CreditApplied(terms.build(), APPLIED_ON);
  }

  static ApplicationApproved approved() {
    return new ApplicationApproved(APPROVER, APPROVED_ON);
  }

  static ApplicationRejected applicationRejected() {
    return new ApplicationRejected("sanctions screening hit", APPROVED_ON);
  }

  static CreditIssued issued() {
    return new CreditIssued(ISSUED_ON, EXPIRY);
  }

  static CreditIssued issued(String effectiveExpiry) {
    return new CreditIssued(ISSUED_ON, date(effectiveExpiry));
  }

  static CreditAdvised advised() {
    return new CreditAdvised(ADVISING_BANK, ADVISED_ON);
  }

  static CreditConfirmed confirmed() {
    return new CreditConfirmed(CONFIRMING_BANK, CONFIRMED_ON);
  }

  static AmendmentRequested amendmentRequested(AmendmentChanges changes) {
    return amendmentRequested(A1, changes, AMENDMENT_REQUESTED_ON.toString());
  }

  static AmendmentRequested amendmentRequested(
      AmendmentId id, AmendmentChanges changes, String on) {
    return new AmendmentRequested(id, changes, date(on));
  }

  static AmendmentAccepted amendmentAccepted(String on, String effectiveExpiry) {
    return amendmentAccepted(A1, on, effectiveExpiry);
  }

  static AmendmentAccepted amendmentAccepted(AmendmentId id, String on, String effectiveExpiry) {
    return new AmendmentAccepted(id, date(on), date(effectiveExpiry));
  }

  static AmendmentRejected amendmentRejected(String on) {
    return new AmendmentRejected(A1, "the beneficiary declines", date(on));
  }

  /**
   * Documents presented; the examination deadline, unless given, is the fifth London banking day
   * after presentation as the fixture's calendar counts it.
   */
  static DocumentsPresented presented(PresentationDetail... details) {
    PresentationDraft draft = PresentationDraft.of(details);
    LocalDate deadline =
        draft.examinationDeadline != null
            ? draft.examinationDeadline
            : LcFixture.CALENDAR.bankingDaysAfter(LONDON, draft.presentedOn, 5);
    return new DocumentsPresented(
        draft.presentationId,
        draft.amount,
        draft.shipmentDate,
        draft.presentedOn,
        draft.quantity,
        deadline,
        draft.particulars);
  }

  static ExaminationRecorded examined(String on, Discrepancy... found) {
    return examined(P1, on, found);
  }

  static ExaminationRecorded examined(PresentationId id, String on, Discrepancy... found) {
    return new ExaminationRecorded(id, date(on), List.of(found));
  }

  static WaiverSought waiverSought(String on) {
    return new WaiverSought(P1, date(on));
  }

  static DiscrepanciesWaived waived(String on) {
    return new DiscrepanciesWaived(P1, date(on));
  }

  static DocumentsRefused refused(String on, Discrepancy... stated) {
    return refused(P1, on, stated);
  }

  static DocumentsRefused refused(PresentationId id, String on, Discrepancy... stated) {
    return new DocumentsRefused(
        id, date(on), List.of(stated), DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS);
  }

  static PresentationHonoured honoured(String on) {
    return honoured(P1, on, usd("40000.00"));
  }

  static PresentationHonoured honoured(PresentationId id, String on, Money amount) {
    return new PresentationHonoured(id, date(on), AvailableBy.SIGHT_PAYMENT, amount, null);
  }

  static HonourReimbursed reimbursed(String on) {
    return reimbursed(P1, on, usd("40000.00"));
  }

  static HonourReimbursed reimbursed(PresentationId id, String on, Money amount) {
    return new HonourReimbursed(id, date(on), amount);
  }

  static CreditClosed closed(String on) {
    return new CreditClosed(date(on));
  }

  static CreditCancelled cancelled(String reason, String on) {
    return new CreditCancelled(reason, date(on));
  }

  static CreditExpired expired(String on) {
    return new CreditExpired(date(on));
  }

  // --- commands ---------------------------------------------------------------------------------

  static ApplyForCredit applyForCredit() {
    return applyForCredit(terms(), APPLIED_ON.toString());
  }

  static ApplyForCredit applyForCredit(Terms terms, String on) {
    return new ApplyForCredit(COMMAND_ID, terms.build(), date(on));
  }

  static ApproveApplication approveApplication(String on) {
    return new ApproveApplication(COMMAND_ID, APPROVER, date(on));
  }

  static RejectApplication rejectApplication(String on) {
    return new RejectApplication(COMMAND_ID, "sanctions screening hit", date(on));
  }

  static IssueCredit issueCredit(String on) {
    return new IssueCredit(COMMAND_ID, date(on));
  }

  static AdviseCredit adviseCredit(String on) {
    return new AdviseCredit(COMMAND_ID, date(on));
  }

  static ConfirmCredit confirmCredit(String on) {
    return new ConfirmCredit(COMMAND_ID, CONFIRMING_BANK, date(on));
  }

  static RequestAmendment requestAmendment(AmendmentChanges changes) {
    return requestAmendment(A1, changes, AMENDMENT_REQUESTED_ON.toString());
  }

  static RequestAmendment requestAmendment(AmendmentChanges changes, String on) {
    return requestAmendment(A1, changes, on);
  }

  static RequestAmendment requestAmendment(AmendmentId id, AmendmentChanges changes, String on) {
    return new RequestAmendment(COMMAND_ID, id, changes, date(on));
  }

  static AcceptAmendment acceptAmendment(String on) {
    return acceptAmendment(A1, on);
  }

  static AcceptAmendment acceptAmendment(AmendmentId id, String on) {
    return new AcceptAmendment(COMMAND_ID, id, date(on));
  }

  static RejectAmendment rejectAmendment(String on) {
    return rejectAmendment(A1, on);
  }

  static RejectAmendment rejectAmendment(AmendmentId id, String on) {
    return new RejectAmendment(COMMAND_ID, id, "the beneficiary declines", date(on));
  }

  static PresentDocuments presentDocuments(PresentationDetail... details) {
    PresentationDraft draft = PresentationDraft.of(details);
    return new PresentDocuments(
        COMMAND_ID,
        draft.presentationId,
        draft.amount,
        draft.shipmentDate,
        draft.presentedOn,
        draft.quantity,
        draft.particulars);
  }

  static RecordExamination examine(String on, Discrepancy... found) {
    return examine(P1, on, found);
  }

  static RecordExamination examine(PresentationId id, String on, Discrepancy... found) {
    return new RecordExamination(COMMAND_ID, id, date(on), List.of(found));
  }

  static SeekWaiver seekWaiver(String on) {
    return seekWaiver(P1, on);
  }

  static SeekWaiver seekWaiver(PresentationId id, String on) {
    return new SeekWaiver(COMMAND_ID, id, date(on));
  }

  static WaiveDiscrepancies waiveDiscrepancies(String on) {
    return waiveDiscrepancies(P1, on);
  }

  static WaiveDiscrepancies waiveDiscrepancies(PresentationId id, String on) {
    return new WaiveDiscrepancies(COMMAND_ID, id, date(on));
  }

  static RefuseDocuments refuseDocuments(String on, Discrepancy... stated) {
    return refuseDocuments(P1, on, stated);
  }

  static RefuseDocuments refuseDocuments(PresentationId id, String on, Discrepancy... stated) {
    return new RefuseDocuments(
        COMMAND_ID, id, date(on), List.of(stated), DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS);
  }

  static HonourPresentation honourPresentation(String on) {
    return honourPresentation(P1, on);
  }

  static HonourPresentation honourPresentation(PresentationId id, String on) {
    return new HonourPresentation(COMMAND_ID, id, date(on), AvailableBy.SIGHT_PAYMENT, null);
  }

  static HonourPresentation honourPresentation(String on, AvailableBy mode, String maturity) {
    return new HonourPresentation(
        COMMAND_ID, P1, date(on), mode, maturity == null ? null : date(maturity));
  }

  static ReimburseHonour reimburseHonour(String on) {
    return reimburseHonour(P1, on);
  }

  static ReimburseHonour reimburseHonour(PresentationId id, String on) {
    return new ReimburseHonour(COMMAND_ID, id, date(on));
  }

  static CloseCredit closeCredit(String on) {
    return new CloseCredit(COMMAND_ID, date(on));
  }

  static PlaceLegalHold placeLegalHold(String holdId, String on) {
    return new PlaceLegalHold(COMMAND_ID, holdId, "subpoena in the matter " + holdId, date(on));
  }

  static ReleaseLegalHold releaseLegalHold(String holdId, String on) {
    return new ReleaseLegalHold(COMMAND_ID, holdId, "matter " + holdId + " closed", date(on));
  }

  static CancelCredit cancelWithoutConsent(String on) {
    return new CancelCredit(COMMAND_ID, "the applicant withdraws", false, date(on));
  }

  static CancelCredit cancelWithConsent(String on) {
    return new CancelCredit(COMMAND_ID, "the applicant withdraws", true, date(on));
  }

  static ExpireCredit expireCredit(String asOf) {
    return new ExpireCredit(COMMAND_ID, date(asOf));
  }
}
