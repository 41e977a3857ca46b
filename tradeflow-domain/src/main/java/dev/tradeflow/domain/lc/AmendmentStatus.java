package dev.tradeflow.domain.lc;

/** An amendment binds the beneficiary only once accepted (UCP 600 art. 10(b)). */
public enum AmendmentStatus {
  AMENDMENT_PENDING,
  AMENDED,
  AMENDMENT_REJECTED
}
