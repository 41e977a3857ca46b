package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.event.DomainEvent;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a letter of credit: the facts of its history. Each carries what folding it
 * needs, including dates computed with the banking calendar when the event was decided, so {@code
 * evolve} needs no calendar. Optional fields are null when absent.
 */
public sealed interface LcEvent extends DomainEvent {

  record CreditApplied(LcTerms terms, LocalDate appliedOn) implements LcEvent {}

  record ApplicationApproved(String approver, LocalDate approvedOn) implements LcEvent {}

  record ApplicationRejected(String reason, LocalDate rejectedOn) implements LcEvent {}

  /** {@code effectiveExpiryDate}: the expiry moved to a banking day (art. 29(a)). */
  record CreditIssued(LocalDate issuedOn, LocalDate effectiveExpiryDate) implements LcEvent {}

  record CreditAdvised(Bank advisingBank, LocalDate advisedOn) implements LcEvent {}

  record CreditConfirmed(Bank confirmingBank, LocalDate confirmedOn) implements LcEvent {}

  record AmendmentRequested(
      AmendmentId amendmentId, AmendmentChanges changes, LocalDate requestedOn)
      implements LcEvent {}

  /** {@code effectiveExpiryDate}: the credit's expiry after the amendment, on a banking day. */
  record AmendmentAccepted(
      AmendmentId amendmentId, LocalDate acceptedOn, LocalDate effectiveExpiryDate)
      implements LcEvent {}

  record AmendmentRejected(AmendmentId amendmentId, String reason, LocalDate rejectedOn)
      implements LcEvent {}

  /**
   * {@code examinationDeadline}: the fifth banking day following presentation (art. 14(b)); {@code
   * particulars} as the presenter gave them, absent (null) when not given.
   */
  record DocumentsPresented(
      PresentationId presentationId,
      Money amount,
      LocalDate shipmentDate,
      LocalDate presentedOn,
      BigDecimal quantity,
      LocalDate examinationDeadline,
      DocumentParticulars particulars)
      implements LcEvent {
    public DocumentsPresented {
      quantity = QuantityTerms.normalize(quantity);
    }
  }

  /** Complying when {@code discrepancies} is empty. */
  record ExaminationRecorded(
      PresentationId presentationId, LocalDate examinedOn, List<Discrepancy> discrepancies)
      implements LcEvent {
    public ExaminationRecorded {
      discrepancies = List.copyOf(discrepancies);
    }
  }

  record WaiverSought(PresentationId presentationId, LocalDate soughtOn) implements LcEvent {}

  record DiscrepanciesWaived(PresentationId presentationId, LocalDate waivedOn)
      implements LcEvent {}

  record DocumentsRefused(
      PresentationId presentationId,
      LocalDate refusedOn,
      List<Discrepancy> discrepancies,
      DocumentDisposal disposal)
      implements LcEvent {
    public DocumentsRefused {
      discrepancies = List.copyOf(discrepancies);
    }
  }

  record PresentationHonoured(
      PresentationId presentationId,
      LocalDate honouredOn,
      AvailableBy mode,
      Money amount,
      LocalDate maturityDate)
      implements LcEvent {}

  record HonourReimbursed(PresentationId presentationId, LocalDate reimbursedOn, Money amount)
      implements LcEvent {}

  record CreditClosed(LocalDate closedOn) implements LcEvent {}

  record CreditCancelled(String reason, LocalDate cancelledOn) implements LcEvent {}

  record CreditExpired(LocalDate expiredOn) implements LcEvent {}

  /** The credit's records are preserved for the matter {@code holdId}. */
  record LegalHoldPlaced(String holdId, String reason, LocalDate placedOn) implements LcEvent {}

  record LegalHoldReleased(String holdId, String reason, LocalDate releasedOn) implements LcEvent {}
}
