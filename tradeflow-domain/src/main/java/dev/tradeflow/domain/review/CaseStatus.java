package dev.tradeflow.domain.review;

public enum CaseStatus {
  OPEN,
  /** A block-level hit cleared by one officer, waiting for a second. */
  AWAITING_SECOND_CLEARANCE,
  CLEARED,
  CONFIRMED,
  /** Closed undecided: its saga no longer waited for it. */
  WITHDRAWN;

  /** Nothing more to decide: cleared, confirmed or withdrawn. */
  public boolean isClosed() {
    return this == CLEARED || this == CONFIRMED || this == WITHDRAWN;
  }
}
