package dev.tradeflow.domain.lc;

/** What the refusing bank does with the documents: UCP 600 art. 16(c)(iii). */
public enum DocumentDisposal {
  HOLDING_PENDING_INSTRUCTIONS,
  HOLDING_UNTIL_WAIVER,
  RETURNING,
  ACTING_ON_PRIOR_INSTRUCTIONS
}
