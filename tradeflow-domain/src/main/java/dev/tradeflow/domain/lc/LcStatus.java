package dev.tradeflow.domain.lc;

/** Where the credit stands in its life (ARCHITECTURE.md, "Domain"). */
public enum LcStatus {
  APPLIED,
  APPROVED,
  REJECTED,
  ISSUED,
  ADVISED,
  CONFIRMED,
  EXPIRED,
  CANCELLED,
  CLOSED;

  /** Issued and not yet ended: documents may be presented and amendments requested. */
  public boolean isOperative() {
    return this == ISSUED || this == ADVISED || this == CONFIRMED;
  }

  public boolean isFinal() {
    return this == REJECTED || this == CANCELLED || this == CLOSED;
  }
}
