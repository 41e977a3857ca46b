package dev.tradeflow.domain.lc;

/** How the credit is honoured (MT700 field 41a; UCP 600 art. 2 "honour" and art. 6(b)). */
public enum AvailableBy {
  SIGHT_PAYMENT,
  DEFERRED_PAYMENT,
  ACCEPTANCE,
  NEGOTIATION;

  /** Deferred payment and acceptance pay at a maturity date rather than at sight. */
  public boolean hasMaturity() {
    return this == DEFERRED_PAYMENT || this == ACCEPTANCE;
  }
}
