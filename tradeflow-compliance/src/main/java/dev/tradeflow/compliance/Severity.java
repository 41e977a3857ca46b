package dev.tradeflow.compliance;

/** What a screening finding asks of the bank, from nothing to stopping the transaction. */
public enum Severity {
  /** Below every threshold: recorded, nothing to do. */
  CLEAR,
  /** A compliance officer decides (a review case) before the transaction continues. */
  REVIEW,
  /** The transaction stops unless two compliance officers clear the finding. */
  BLOCK;

  public Severity max(Severity other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
