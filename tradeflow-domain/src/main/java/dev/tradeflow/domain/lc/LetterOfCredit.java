package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.Decision.accept;
import static dev.tradeflow.domain.lc.Decision.reject;
import static dev.tradeflow.domain.lc.RejectionCode.*;

import dev.tradeflow.domain.calendar.BankingCalendar;
import dev.tradeflow.domain.lc.LcCommand.*;
import dev.tradeflow.domain.lc.LcEvent.*;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documentary credit aggregate under UCP 600: {@code decide} turns a command into events or a
 * rejection, {@code evolve} folds an event into the state. Both are pure; the command processor,
 * the replay tool and the tests all call them.
 */
public final class LetterOfCredit {

  /** Art. 14(b): a maximum of five banking days following the day of presentation. */
  static final int EXAMINATION_BANKING_DAYS = 5;

  private LetterOfCredit() {}

  public static Decision decide(
      Optional<LcState> current, LcCommand command, BankingCalendar calendar) {
    if (command instanceof ApplyForCredit apply) {
      return current.isPresent()
          ? reject(LC_ALREADY_EXISTS, "a letter of credit with this id already exists")
          : apply(apply);
    }
    if (current.isEmpty()) {
      return reject(LC_NOT_FOUND, "no letter of credit with this id: apply for one first");
    }
    LcState state = current.get();
    if (command instanceof ApproveApplication c) {
      return approve(state, c);
    } else if (command instanceof RejectApplication c) {
      return rejectApplication(state, c);
    } else if (command instanceof IssueCredit c) {
      return issue(state, c, calendar);
    } else if (command instanceof AdviseCredit c) {
      return advise(state, c);
    } else if (command instanceof ConfirmCredit c) {
      return confirm(state, c);
    } else if (command instanceof RequestAmendment c) {
      return requestAmendment(state, c);
    } else if (command instanceof AcceptAmendment c) {
      return acceptAmendment(state, c, calendar);
    } else if (command instanceof RejectAmendment c) {
      return rejectAmendment(state, c);
    } else if (command instanceof PresentDocuments c) {
      return present(state, c, calendar);
    } else if (command instanceof RecordExamination c) {
      return examine(state, c);
    } else if (command instanceof SeekWaiver c) {
      return seekWaiver(state, c);
    } else if (command instanceof WaiveDiscrepancies c) {
      return waive(state, c);
    } else if (command instanceof RefuseDocuments c) {
      return refuse(state, c);
    } else if (command instanceof HonourPresentation c) {
      return honour(state, c);
    } else if (command instanceof ReimburseHonour c) {
      return reimburse(state, c);
    } else if (command instanceof CloseCredit c) {
      return close(state, c);
    } else if (command instanceof CancelCredit c) {
      return cancel(state, c);
    } else if (command instanceof ExpireCredit c) {
      return expire(state, c);
    } else if (command instanceof PlaceLegalHold c) {
      return state.legalHolds().contains(c.holdId())
          ? reject(ILLEGAL_STATE, "legal hold " + c.holdId() + " is already in force")
          : accept(new LegalHoldPlaced(c.holdId(), c.reason(), c.placedOn()));
    } else if (command instanceof ReleaseLegalHold c) {
      return state.legalHolds().contains(c.holdId())
          ? accept(new LegalHoldReleased(c.holdId(), c.reason(), c.releasedOn()))
          : reject(ILLEGAL_STATE, "no legal hold " + c.holdId() + " is in force");
    }
    throw new IllegalArgumentException("unknown command " + command.type());
  }

  // --- the application -------------------------------------------------------------------------

  private static Decision apply(ApplyForCredit c) {
    if (c.terms().expiryDate().isBefore(c.appliedOn())) {
      return reject(
          INVALID_DATE,
          "expiryDate " + c.terms().expiryDate() + " is before appliedOn " + c.appliedOn());
    }
    return accept(new CreditApplied(c.terms(), c.appliedOn()));
  }

  private static Decision approve(LcState state, ApproveApplication c) {
    if (state.status() != LcStatus.APPLIED) {
      return illegalState(state, "approve the application");
    }
    if (c.approvedOn().isBefore(state.appliedOn())) {
      return dateBefore("approvedOn", c.approvedOn(), "appliedOn", state.appliedOn());
    }
    return accept(new ApplicationApproved(c.approver(), c.approvedOn()));
  }

  private static Decision rejectApplication(LcState state, RejectApplication c) {
    if (state.status() != LcStatus.APPLIED && state.status() != LcStatus.APPROVED) {
      return illegalState(state, "reject the application");
    }
    if (c.rejectedOn().isBefore(state.appliedOn())) {
      return dateBefore("rejectedOn", c.rejectedOn(), "appliedOn", state.appliedOn());
    }
    return accept(new ApplicationRejected(c.reason(), c.rejectedOn()));
  }

  // --- issue, advice, confirmation --------------------------------------------------------------

  private static Decision issue(LcState state, IssueCredit c, BankingCalendar calendar) {
    if (state.status() != LcStatus.APPROVED) {
      return illegalState(state, "issue the credit");
    }
    if (c.issuedOn().isBefore(state.appliedOn())) {
      return dateBefore("issuedOn", c.issuedOn(), "appliedOn", state.appliedOn());
    }
    if (c.issuedOn().isAfter(state.terms().expiryDate())) {
      return reject(
          INVALID_DATE,
          "issuedOn " + c.issuedOn() + " is after the expiry date " + state.terms().expiryDate());
    }
    return accept(new CreditIssued(c.issuedOn(), effectiveExpiry(state.terms(), calendar)));
  }

  private static Decision advise(LcState state, AdviseCredit c) {
    if (state.status() != LcStatus.ISSUED) {
      return illegalState(state, "advise the credit");
    }
    if (c.advisedOn().isBefore(state.issuedOn())) {
      return dateBefore("advisedOn", c.advisedOn(), "issuedOn", state.issuedOn());
    }
    return accept(new CreditAdvised(state.terms().advisingBank(), c.advisedOn()));
  }

  private static Decision confirm(LcState state, ConfirmCredit c) {
    if (state.status() != LcStatus.ADVISED) {
      return illegalState(state, "confirm the credit");
    }
    if (state.terms().confirmation() == ConfirmationInstruction.WITHOUT) {
      return reject(
          CONFIRMATION_NOT_REQUESTED,
          "the credit's confirmation instructions are WITHOUT: no bank is asked to confirm");
    }
    if (c.confirmedOn().isBefore(state.issuedOn())) {
      return dateBefore("confirmedOn", c.confirmedOn(), "issuedOn", state.issuedOn());
    }
    return accept(new CreditConfirmed(c.confirmingBank(), c.confirmedOn()));
  }

  // --- amendments (art. 10) ---------------------------------------------------------------------

  private static Decision requestAmendment(LcState state, RequestAmendment c) {
    if (!state.status().isOperative()) {
      return illegalState(state, "amend the credit");
    }
    Optional<Amendment> pending = state.pendingAmendment();
    if (pending.isPresent()) {
      return reject(
          AMENDMENT_ALREADY_PENDING,
          "amendment " + pending.get().amendmentId() + " awaits the beneficiary's answer");
    }
    if (state.amendments().stream().anyMatch(a -> a.amendmentId().equals(c.amendmentId()))) {
      return reject(ILLEGAL_STATE, "amendment " + c.amendmentId() + " was already answered");
    }
    AmendmentChanges changes = c.changes();
    if (changes.changesNothing()) {
      return reject(AMENDMENT_CHANGES_NOTHING, "the amendment changes no term of the credit");
    }
    if (c.requestedOn().isBefore(state.issuedOn())) {
      return dateBefore("requestedOn", c.requestedOn(), "issuedOn", state.issuedOn());
    }
    if (changes.newAmount() != null
        && !changes.newAmount().sameCurrencyAs(state.terms().amount())) {
      return currencyMismatch(changes.newAmount(), state.terms().amount());
    }
    if (changes.newAmount() != null && !changes.newAmount().isPositive()) {
      return reject(INVALID_AMOUNT, "the amended amount is positive: " + changes.newAmount());
    }
    if (changes.newExpiryDate() != null && changes.newExpiryDate().isBefore(c.requestedOn())) {
      return dateBefore("newExpiryDate", changes.newExpiryDate(), "requestedOn", c.requestedOn());
    }
    LcTerms amended;
    try {
      amended = state.terms().amendedBy(changes);
    } catch (IllegalArgumentException e) {
      return reject(INVALID_DATE, "the amended terms are inconsistent: " + e.getMessage());
    }
    Optional<Decision> belowDrawn = checkNotBelowDrawn(state, amended);
    if (belowDrawn.isPresent()) {
      return belowDrawn.get();
    }
    return accept(new AmendmentRequested(c.amendmentId(), changes, c.requestedOn()));
  }

  private static Decision acceptAmendment(
      LcState state, AcceptAmendment c, BankingCalendar calendar) {
    if (!state.status().isOperative()) {
      return illegalState(state, "accept an amendment");
    }
    Optional<Amendment> pending = pendingAmendment(state, c.amendmentId());
    if (pending.isEmpty()) {
      return noPendingAmendment(c.amendmentId());
    }
    if (c.acceptedOn().isBefore(pending.get().requestedOn())) {
      return dateBefore("acceptedOn", c.acceptedOn(), "requestedOn", pending.get().requestedOn());
    }
    LcTerms amended = state.terms().amendedBy(pending.get().changes());
    Optional<Decision> belowDrawn = checkNotBelowDrawn(state, amended);
    if (belowDrawn.isPresent()) {
      return belowDrawn.get();
    }
    return accept(
        new AmendmentAccepted(c.amendmentId(), c.acceptedOn(), effectiveExpiry(amended, calendar)));
  }

  private static Decision rejectAmendment(LcState state, RejectAmendment c) {
    Optional<Amendment> pending = pendingAmendment(state, c.amendmentId());
    if (pending.isEmpty()) {
      return noPendingAmendment(c.amendmentId());
    }
    if (c.rejectedOn().isBefore(pending.get().requestedOn())) {
      return dateBefore("rejectedOn", c.rejectedOn(), "requestedOn", pending.get().requestedOn());
    }
    return accept(new AmendmentRejected(c.amendmentId(), c.reason(), c.rejectedOn()));
  }

  private static Optional<Amendment> pendingAmendment(LcState state, AmendmentId id) {
    return state.pendingAmendment().filter(a -> a.amendmentId().equals(id));
  }

  private static Decision noPendingAmendment(AmendmentId id) {
    return reject(AMENDMENT_NOT_FOUND, "no pending amendment " + id);
  }

  private static Optional<Decision> checkNotBelowDrawn(LcState state, LcTerms amended) {
    Money drawn = state.drawn();
    if (drawn.exceeds(amended.maximumDrawable())) {
      return Optional.of(
          reject(
              AMENDMENT_BELOW_DRAWN,
              "the amended maximum "
                  + amended.maximumDrawable()
                  + " is below the "
                  + drawn
                  + " already drawn"));
    }
    return Optional.empty();
  }

  // --- presentations (art. 6, 14, 16, 30, 31) ---------------------------------------------------

  private static Decision present(LcState state, PresentDocuments c, BankingCalendar calendar) {
    LcTerms terms = state.terms();
    if (!state.status().isOperative()) {
      return illegalState(state, "present documents");
    }
    if (state.presentation(c.presentationId()).isPresent()) {
      return reject(
          PRESENTATION_ALREADY_EXISTS, "presentation " + c.presentationId() + " already exists");
    }
    if (!c.amount().sameCurrencyAs(terms.amount())) {
      return currencyMismatch(c.amount(), terms.amount());
    }
    if (!c.amount().isPositive()) {
      return reject(INVALID_AMOUNT, "a drawing is positive: " + c.amount());
    }
    if (c.presentedOn().isBefore(state.issuedOn())) {
      return dateBefore("presentedOn", c.presentedOn(), "issuedOn", state.issuedOn());
    }
    if (c.presentedOn().isBefore(c.shipmentDate())) {
      return dateBefore("presentedOn", c.presentedOn(), "shipmentDate", c.shipmentDate());
    }
    if (c.presentedOn().isAfter(state.effectiveExpiryDate())) {
      return reject(
          UCP600_ART6E_PRESENTED_AFTER_EXPIRY,
          "presented on "
              + c.presentedOn()
              + ", after the expiry date "
              + state.effectiveExpiryDate()
              + " (art. 6(e), 29(a))");
    }
    LocalDate lastDay =
        calendar.onOrNextBankingDay(
            terms.placeOfExpiry(), c.shipmentDate().plusDays(terms.presentationPeriodDays()));
    if (c.presentedOn().isAfter(lastDay)) {
      return reject(
          UCP600_ART14C_LATE_PRESENTATION,
          "presented on "
              + c.presentedOn()
              + ", more than "
              + terms.presentationPeriodDays()
              + " days after shipment on "
              + c.shipmentDate()
              + "; the last day was "
              + lastDay
              + " (art. 14(c), 29(a))");
    }
    if (!terms.partialDrawingsAllowed()) {
      if (state.presentations().stream().anyMatch(p -> p.status() != PresentationStatus.REFUSED)) {
        return reject(
            UCP600_ART31_PARTIAL_DRAWING_PROHIBITED,
            "partial drawings are prohibited and documents were already presented");
      }
      Money minimum = terms.tolerance().minimumFullDrawing(terms.amount());
      if (minimum.exceeds(c.amount())) {
        return reject(
            UCP600_ART31_PARTIAL_DRAWING_PROHIBITED,
            "partial drawings are prohibited: "
                + c.amount()
                + " is below the full drawing of at least "
                + minimum);
      }
    }
    Money drawnAfter = state.drawn().plus(c.amount());
    if (drawnAfter.exceeds(terms.maximumDrawable())) {
      return reject(
          UCP600_ART30_OVERDRAWN,
          "drawing "
              + c.amount()
              + " would bring the total to "
              + drawnAfter
              + ", over the maximum "
              + terms.maximumDrawable()
              + " (amount plus tolerance)");
    }
    if (terms.quantity() != null && c.quantity() != null) {
      Optional<Decision> outOfTolerance = checkQuantity(state, c.quantity());
      if (outOfTolerance.isPresent()) {
        return outOfTolerance.get();
      }
    }
    // Documents received on a closed day are taken as presented on the next banking day (art. 33).
    LocalDate deadline =
        calendar.bankingDaysAfter(
            terms.placeOfExpiry(),
            calendar.onOrNextBankingDay(terms.placeOfExpiry(), c.presentedOn()),
            EXAMINATION_BANKING_DAYS);
    return accept(
        new DocumentsPresented(
            c.presentationId(),
            c.amount(),
            c.shipmentDate(),
            c.presentedOn(),
            c.quantity(),
            deadline,
            c.particulars()));
  }

  /**
   * Art. 30(a)-(b) on the quantity shipped. A single shipment stays within the tolerance either
   * way; where partial shipments are allowed (art. 31(a)) each may be smaller, and only their total
   * is capped at the quantity plus its tolerance.
   */
  private static Optional<Decision> checkQuantity(LcState state, BigDecimal shipped) {
    QuantityTerms agreed = state.terms().quantity();
    String against =
        " "
            + agreed.unit()
            + " against "
            + agreed.quantity().toPlainString()
            + " ±"
            + agreed.tolerancePercent()
            + "%";
    if (!state.terms().partialDrawingsAllowed()) {
      return agreed.allows(shipped)
          ? Optional.empty()
          : Optional.of(
              reject(
                  UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE,
                  "shipped " + shipped.toPlainString() + against));
    }
    BigDecimal total = shipped;
    for (Presentation p : state.presentations()) {
      if (p.status() != PresentationStatus.REFUSED && p.quantity() != null) {
        total = total.add(p.quantity());
      }
    }
    return agreed.isExceededBy(total)
        ? Optional.of(
            reject(
                UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE,
                "shipments would total " + total.toPlainString() + against))
        : Optional.empty();
  }

  private static Decision examine(LcState state, RecordExamination c) {
    Optional<Presentation> found = state.presentation(c.presentationId());
    if (found.isEmpty()) {
      return presentationNotFound(c.presentationId());
    }
    Presentation p = found.get();
    if (p.status() != PresentationStatus.PRESENTED) {
      return illegalPresentationState(p, "record an examination");
    }
    if (c.examinedOn().isBefore(p.presentedOn())) {
      return dateBefore("examinedOn", c.examinedOn(), "presentedOn", p.presentedOn());
    }
    if (!c.discrepancies().isEmpty() && p.isPastDeadline(c.examinedOn())) {
      return reject(
          UCP600_ART14B_EXAMINATION_PERIOD_EXCEEDED,
          "discrepancies recorded on "
              + c.examinedOn()
              + ", after the examination deadline "
              + p.examinationDeadline()
              + ": the bank is precluded from claiming them (art. 14(b), 16(f))");
    }
    return accept(new ExaminationRecorded(c.presentationId(), c.examinedOn(), c.discrepancies()));
  }

  private static Decision seekWaiver(LcState state, SeekWaiver c) {
    Optional<Presentation> found = state.presentation(c.presentationId());
    if (found.isEmpty()) {
      return presentationNotFound(c.presentationId());
    }
    Presentation p = found.get();
    if (p.status() != PresentationStatus.DISCREPANT) {
      return illegalPresentationState(p, "seek a waiver");
    }
    if (c.soughtOn().isBefore(p.presentedOn())) {
      return dateBefore("soughtOn", c.soughtOn(), "presentedOn", p.presentedOn());
    }
    if (p.isPastDeadline(c.soughtOn())) {
      return precluded(p, c.soughtOn());
    }
    return accept(new WaiverSought(c.presentationId(), c.soughtOn()));
  }

  private static Decision waive(LcState state, WaiveDiscrepancies c) {
    Optional<Presentation> found = state.presentation(c.presentationId());
    if (found.isEmpty()) {
      return presentationNotFound(c.presentationId());
    }
    Presentation p = found.get();
    if (p.status() != PresentationStatus.WAIVER_SOUGHT) {
      return illegalPresentationState(p, "waive discrepancies");
    }
    if (c.waivedOn().isBefore(p.presentedOn())) {
      return dateBefore("waivedOn", c.waivedOn(), "presentedOn", p.presentedOn());
    }
    return accept(new DiscrepanciesWaived(c.presentationId(), c.waivedOn()));
  }

  private static Decision refuse(LcState state, RefuseDocuments c) {
    Optional<Presentation> found = state.presentation(c.presentationId());
    if (found.isEmpty()) {
      return presentationNotFound(c.presentationId());
    }
    Presentation p = found.get();
    if (p.status() == PresentationStatus.REFUSED) {
      return reject(
          UCP600_ART16C_SINGLE_NOTICE,
          "presentation "
              + p.presentationId()
              + " was already refused: one notice only (art. 16(c))");
    }
    if (p.status() != PresentationStatus.DISCREPANT
        && p.status() != PresentationStatus.WAIVER_SOUGHT) {
      return illegalPresentationState(p, "refuse the documents");
    }
    if (c.refusedOn().isBefore(p.presentedOn())) {
      return dateBefore("refusedOn", c.refusedOn(), "presentedOn", p.presentedOn());
    }
    if (p.isPastDeadline(c.refusedOn())) {
      return reject(
          UCP600_ART16D_NOTICE_LATE,
          "refusal on "
              + c.refusedOn()
              + " is after the fifth banking day following presentation, "
              + p.examinationDeadline()
              + " (art. 16(d)); the bank must honour (art. 16(f))");
    }
    Set<String> stated =
        c.discrepancies().stream().map(Discrepancy::code).collect(Collectors.toSet());
    List<String> missing =
        p.discrepancies().stream()
            .map(Discrepancy::code)
            .filter(code -> !stated.contains(code))
            .toList();
    if (!missing.isEmpty()) {
      return reject(
          UCP600_ART16C_NOTICE_INCOMPLETE,
          "the notice must state every discrepancy; missing " + missing + " (art. 16(c)(ii))");
    }
    return accept(
        new DocumentsRefused(c.presentationId(), c.refusedOn(), c.discrepancies(), c.disposal()));
  }

  private static Decision honour(LcState state, HonourPresentation c) {
    Optional<Presentation> found = state.presentation(c.presentationId());
    if (found.isEmpty()) {
      return presentationNotFound(c.presentationId());
    }
    Presentation p = found.get();
    boolean complying =
        p.status() == PresentationStatus.COMPLYING || p.status() == PresentationStatus.WAIVED;
    boolean precludedFromRefusing =
        (p.status() == PresentationStatus.DISCREPANT
                || p.status() == PresentationStatus.WAIVER_SOUGHT)
            && p.isPastDeadline(c.honouredOn());
    if (!complying && !precludedFromRefusing) {
      return illegalPresentationState(p, "honour it");
    }
    if (c.honouredOn().isBefore(p.presentedOn())) {
      return dateBefore("honouredOn", c.honouredOn(), "presentedOn", p.presentedOn());
    }
    AvailableBy availableBy = state.terms().availableBy();
    if (c.mode() != availableBy) {
      return reject(
          HONOUR_MODE_MISMATCH, "the credit is available by " + availableBy + ", not " + c.mode());
    }
    if (availableBy.hasMaturity() != (c.maturityDate() != null)) {
      return reject(
          HONOUR_MODE_MISMATCH,
          availableBy.hasMaturity()
              ? availableBy + " needs a maturityDate"
              : availableBy + " pays at sight: no maturityDate");
    }
    if (c.maturityDate() != null && c.maturityDate().isBefore(c.honouredOn())) {
      return dateBefore("maturityDate", c.maturityDate(), "honouredOn", c.honouredOn());
    }
    return accept(
        new PresentationHonoured(
            c.presentationId(), c.honouredOn(), c.mode(), p.amount(), c.maturityDate()));
  }

  private static Decision reimburse(LcState state, ReimburseHonour c) {
    Optional<Presentation> found = state.presentation(c.presentationId());
    if (found.isEmpty()) {
      return presentationNotFound(c.presentationId());
    }
    Presentation p = found.get();
    if (p.status() != PresentationStatus.HONOURED) {
      return illegalPresentationState(p, "record its reimbursement");
    }
    if (c.reimbursedOn().isBefore(p.presentedOn())) {
      return dateBefore("reimbursedOn", c.reimbursedOn(), "presentedOn", p.presentedOn());
    }
    return accept(new HonourReimbursed(c.presentationId(), c.reimbursedOn(), p.amount()));
  }

  // --- the end of the credit --------------------------------------------------------------------

  private static Decision close(LcState state, CloseCredit c) {
    if (!state.status().isOperative() && state.status() != LcStatus.EXPIRED) {
      return illegalState(state, "close the credit");
    }
    if (state.hasOutstandingPresentations()) {
      return outstanding("closed");
    }
    Money fullDrawing = state.terms().tolerance().minimumFullDrawing(state.terms().amount());
    if (state.status() != LcStatus.EXPIRED && fullDrawing.exceeds(state.drawn())) {
      return reject(
          CREDIT_NOT_EXHAUSTED,
          "only "
              + state.drawn()
              + " of "
              + state.terms().amount()
              + " is drawn and the credit has not expired; cancel it with the beneficiary's"
              + " consent instead");
    }
    if (c.closedOn().isBefore(state.issuedOn())) {
      return dateBefore("closedOn", c.closedOn(), "issuedOn", state.issuedOn());
    }
    return accept(new CreditClosed(c.closedOn()));
  }

  private static Decision cancel(LcState state, CancelCredit c) {
    LcStatus status = state.status();
    boolean beforeIssue = status == LcStatus.APPLIED || status == LcStatus.APPROVED;
    if (!beforeIssue && !status.isOperative()) {
      return illegalState(state, "cancel the credit");
    }
    if (status.isOperative() && !c.beneficiaryConsent()) {
      return reject(
          UCP600_ART10A_CANCELLATION_WITHOUT_CONSENT,
          "an issued credit is irrevocable: cancelling it needs the beneficiary's consent (art."
              + " 10(a))");
    }
    if (state.hasOutstandingPresentations()) {
      return outstanding("cancelled");
    }
    if (beforeIssue && c.cancelledOn().isBefore(state.appliedOn())) {
      return dateBefore("cancelledOn", c.cancelledOn(), "appliedOn", state.appliedOn());
    }
    if (!beforeIssue && c.cancelledOn().isBefore(state.issuedOn())) {
      return dateBefore("cancelledOn", c.cancelledOn(), "issuedOn", state.issuedOn());
    }
    return accept(new CreditCancelled(c.reason(), c.cancelledOn()));
  }

  private static Decision expire(LcState state, ExpireCredit c) {
    if (!state.status().isOperative()) {
      return illegalState(state, "expire the credit");
    }
    if (!c.asOf().isAfter(state.effectiveExpiryDate())) {
      return reject(
          EXPIRY_NOT_REACHED,
          "the credit is valid through " + state.effectiveExpiryDate() + " (art. 6(e), 29(a))");
    }
    if (state.hasOutstandingPresentations()) {
      return outstanding("expired");
    }
    return accept(new CreditExpired(c.asOf()));
  }

  // --- evolve -----------------------------------------------------------------------------------

  public static LcState evolve(Optional<LcState> current, LcEvent event) {
    if (event instanceof CreditApplied e) {
      if (current.isPresent()) {
        throw new IllegalStateException("CreditApplied on an existing credit");
      }
      return LcState.applied(e.terms(), e.appliedOn());
    }
    LcState state =
        current.orElseThrow(
            () -> new IllegalStateException(event.eventType() + " before CreditApplied"));
    if (event instanceof ApplicationApproved) {
      return state.withStatus(LcStatus.APPROVED);
    } else if (event instanceof ApplicationRejected) {
      return state.withStatus(LcStatus.REJECTED);
    } else if (event instanceof CreditIssued e) {
      return state.issued(e.issuedOn(), e.effectiveExpiryDate());
    } else if (event instanceof CreditAdvised) {
      return state.withStatus(LcStatus.ADVISED);
    } else if (event instanceof CreditConfirmed e) {
      return state.confirmedBy(e.confirmingBank());
    } else if (event instanceof AmendmentRequested e) {
      return state.withAmendment(
          new Amendment(
              e.amendmentId(), e.changes(), e.requestedOn(), AmendmentStatus.AMENDMENT_PENDING));
    } else if (event instanceof AmendmentAccepted e) {
      return state.amended(
          pendingOrThrow(state, e.amendmentId()).answered(AmendmentStatus.AMENDED),
          e.effectiveExpiryDate());
    } else if (event instanceof AmendmentRejected e) {
      return state.withAmendment(
          pendingOrThrow(state, e.amendmentId()).answered(AmendmentStatus.AMENDMENT_REJECTED));
    } else if (event instanceof DocumentsPresented e) {
      return state.withPresentation(
          new Presentation(
              e.presentationId(),
              e.amount(),
              e.shipmentDate(),
              e.presentedOn(),
              e.quantity(),
              e.examinationDeadline(),
              PresentationStatus.PRESENTED,
              List.of(),
              null,
              e.particulars()));
    } else if (event instanceof ExaminationRecorded e) {
      return state.updatePresentation(e.presentationId(), p -> p.examined(e.discrepancies()));
    } else if (event instanceof WaiverSought e) {
      return state.updatePresentation(
          e.presentationId(), p -> p.withStatus(PresentationStatus.WAIVER_SOUGHT));
    } else if (event instanceof DiscrepanciesWaived e) {
      return state.updatePresentation(
          e.presentationId(), p -> p.withStatus(PresentationStatus.WAIVED));
    } else if (event instanceof DocumentsRefused e) {
      return state.updatePresentation(
          e.presentationId(), p -> p.withStatus(PresentationStatus.REFUSED));
    } else if (event instanceof PresentationHonoured e) {
      return state.updatePresentation(e.presentationId(), p -> p.honoured(e.maturityDate()));
    } else if (event instanceof HonourReimbursed e) {
      return state.updatePresentation(
          e.presentationId(), p -> p.withStatus(PresentationStatus.REIMBURSED));
    } else if (event instanceof CreditClosed) {
      return state.withStatus(LcStatus.CLOSED);
    } else if (event instanceof CreditCancelled) {
      return state.withStatus(LcStatus.CANCELLED);
    } else if (event instanceof CreditExpired) {
      return state.withStatus(LcStatus.EXPIRED);
    } else if (event instanceof LegalHoldPlaced e) {
      return state.withLegalHold(e.holdId(), true);
    } else if (event instanceof LegalHoldReleased e) {
      return state.withLegalHold(e.holdId(), false);
    }
    throw new IllegalArgumentException("unknown event " + event.eventType());
  }

  /** The state that a history of events makes, from nothing; empty for an empty history. */
  public static Optional<LcState> replay(List<? extends LcEvent> history) {
    Optional<LcState> state = Optional.empty();
    for (LcEvent event : history) {
      state = Optional.of(evolve(state, event));
    }
    return state;
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** Art. 29(a): an expiry on a day the bank is closed moves to the next banking day. */
  private static LocalDate effectiveExpiry(LcTerms terms, BankingCalendar calendar) {
    return calendar.onOrNextBankingDay(terms.placeOfExpiry(), terms.expiryDate());
  }

  private static Amendment pendingOrThrow(LcState state, AmendmentId id) {
    return pendingAmendment(state, id)
        .orElseThrow(() -> new IllegalStateException("no pending amendment " + id));
  }

  private static Decision illegalState(LcState state, String action) {
    return reject(ILLEGAL_STATE, "cannot " + action + ": the credit is " + state.status());
  }

  private static Decision illegalPresentationState(Presentation p, String action) {
    return reject(
        ILLEGAL_STATE,
        "cannot " + action + ": presentation " + p.presentationId() + " is " + p.status());
  }

  private static Decision presentationNotFound(PresentationId id) {
    return reject(PRESENTATION_NOT_FOUND, "no presentation " + id + " under this credit");
  }

  private static Decision precluded(Presentation p, LocalDate on) {
    return reject(
        UCP600_ART16F_PRECLUDED,
        "on "
            + on
            + " the refusal period ended "
            + p.examinationDeadline()
            + " has passed: the bank is precluded from relying on discrepancies and must honour"
            + " (art. 16(f))");
  }

  private static Decision outstanding(String what) {
    return reject(
        PRESENTATIONS_OUTSTANDING,
        "the credit cannot be " + what + " while presentations await a decision or reimbursement");
  }

  private static Decision currencyMismatch(Money given, Money credit) {
    return reject(
        CURRENCY_MISMATCH,
        given.currency().getCurrencyCode()
            + " given; the credit is in "
            + credit.currency().getCurrencyCode());
  }

  private static Decision dateBefore(
      String field, LocalDate value, String earlier, LocalDate bound) {
    return reject(INVALID_DATE, field + " " + value + " is before " + earlier + " " + bound);
  }
}
