package dev.tradeflow.domain.review;

/** What a compliance officer decides about a hit. */
public enum CaseDecision {
  /** A false positive: the trade may go on (a block-level hit needs a second officer). */
  CLEAR,
  /** A true hit: the trade stops. */
  CONFIRM
}
