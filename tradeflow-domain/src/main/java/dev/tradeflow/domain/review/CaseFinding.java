package dev.tradeflow.domain.review;

import java.util.Objects;

/** One screening finding as the case records it: rule, level, score, subject and evidence. */
public record CaseFinding(
    String rule, HitLevel level, double score, String subject, String evidence) {

  public CaseFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(evidence, "evidence");
  }
}
