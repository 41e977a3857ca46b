package dev.tradeflow.app.reporting;

import dev.tradeflow.domain.lc.Discrepancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A presentation of documents and, once examined, its discrepancies. */
public record PresentationReport(
    String lcId,
    String presentationId,
    String status,
    String currency,
    BigDecimal amount,
    LocalDate presentedOn,
    LocalDate examinationDeadline,
    List<Discrepancy> discrepancies) {

  public PresentationReport {
    discrepancies = List.copyOf(discrepancies);
  }
}
