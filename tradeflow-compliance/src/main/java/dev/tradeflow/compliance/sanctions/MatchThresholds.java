package dev.tradeflow.compliance.sanctions;

import dev.tradeflow.compliance.Severity;

/**
 * Where a name score becomes a finding: at or above {@code review} a compliance officer reviews it,
 * at or above {@code block} the transaction stops. Both in (0, 1], review ≤ block.
 */
public record MatchThresholds(double block, double review) {

  /** The defaults the evaluation set was measured at (see the README's screening section). */
  public static final MatchThresholds DEFAULT = new MatchThresholds(0.93, 0.84);

  public MatchThresholds {
    if (!(review > 0 && review <= block && block <= 1)) {
      throw new IllegalArgumentException(
          "thresholds satisfy 0 < review <= block <= 1: review " + review + ", block " + block);
    }
  }

  public Severity severityOf(double score) {
    if (score >= block) {
      return Severity.BLOCK;
    }
    return score >= review ? Severity.REVIEW : Severity.CLEAR;
  }
}
