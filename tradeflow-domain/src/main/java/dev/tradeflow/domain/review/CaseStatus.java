package dev.tradeflow.domain.review;

public enum CaseStatus {
  OPEN,
  /** A block-level hit cleared by one officer, waiting for a second. */
  AWAITING_SECOND_CLEARANCE,
  CLEARED,
  CONFIRMED;

  public boolean isDecided() {
    return this == CLEARED || this == CONFIRMED;
  }
}
