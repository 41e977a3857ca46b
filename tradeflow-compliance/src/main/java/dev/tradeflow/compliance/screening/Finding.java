package dev.tradeflow.compliance.screening;

import dev.tradeflow.compliance.Severity;
import java.util.Locale;
import java.util.Objects;

/**
 * What one rule found: how serious, how sure (a score in [0, 1]; 1 for a rule that either holds or
 * not), about what (a party's role and name, the goods, a port), and the evidence an examiner
 * reads.
 */
public record Finding(
    RuleId rule, Severity severity, double score, String subject, String evidence) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(evidence, "evidence");
    if (severity == Severity.CLEAR) {
      throw new IllegalArgumentException("a finding is for review or a block");
    }
    if (score < 0 || score > 1) {
      throw new IllegalArgumentException("a score is in [0, 1]: " + score);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s %s %.3f %s: %s", severity, rule, score, subject, evidence);
  }
}
