package dev.tradeflow.compliance.screening;

import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.sanctions.ListVersion;
import java.util.List;
import java.util.Objects;

/** A trade's screening: every finding, the worst of them, and the list edition it ran against. */
public record ScreeningReport(String reference, List<Finding> findings, ListVersion list) {

  public ScreeningReport {
    Objects.requireNonNull(reference, "reference");
    findings = List.copyOf(findings);
    Objects.requireNonNull(list, "list");
  }

  /** CLEAR with no findings, else the most serious finding's severity. */
  public Severity outcome() {
    return findings.stream().map(Finding::severity).reduce(Severity.CLEAR, Severity::max);
  }
}
