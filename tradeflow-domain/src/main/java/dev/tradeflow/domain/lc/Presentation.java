package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One presentation of documents under the credit and what became of it. {@code quantity} and {@code
 * particulars} may be null; {@code maturityDate} is set once honoured by deferred payment or
 * acceptance.
 */
public record Presentation(
    PresentationId presentationId,
    Money amount,
    LocalDate shipmentDate,
    LocalDate presentedOn,
    BigDecimal quantity,
    LocalDate examinationDeadline,
    PresentationStatus status,
    List<Discrepancy> discrepancies,
    LocalDate maturityDate,
    DocumentParticulars particulars) {

  public Presentation {
    Objects.requireNonNull(presentationId, "presentationId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
    discrepancies = List.copyOf(discrepancies);
    quantity = QuantityTerms.normalize(quantity);
  }

  Presentation withStatus(PresentationStatus newStatus) {
    return new Presentation(
        presentationId,
        amount,
        shipmentDate,
        presentedOn,
        quantity,
        examinationDeadline,
        newStatus,
        discrepancies,
        maturityDate,
        particulars);
  }

  Presentation examined(List<Discrepancy> found) {
    return new Presentation(
        presentationId,
        amount,
        shipmentDate,
        presentedOn,
        quantity,
        examinationDeadline,
        found.isEmpty() ? PresentationStatus.COMPLYING : PresentationStatus.DISCREPANT,
        found,
        maturityDate,
        particulars);
  }

  Presentation honoured(LocalDate maturity) {
    return new Presentation(
        presentationId,
        amount,
        shipmentDate,
        presentedOn,
        quantity,
        examinationDeadline,
        PresentationStatus.HONOURED,
        discrepancies,
        maturity,
        particulars);
  }

  /** The refusal period (art. 14(b), 16(d)) has passed: day is after the examination deadline. */
  public boolean isPastDeadline(LocalDate day) {
    return day.isAfter(examinationDeadline);
  }
}
