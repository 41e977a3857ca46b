package dev.tradeflow.domain.lc;

/** Where one presentation of documents stands. */
public enum PresentationStatus {
  PRESENTED,
  COMPLYING,
  DISCREPANT,
  WAIVER_SOUGHT,
  WAIVED,
  REFUSED,
  HONOURED,
  REIMBURSED;

  /** Still needs examination, a decision or payment: the credit cannot expire or close. */
  public boolean isOutstanding() {
    return this != REFUSED && this != REIMBURSED;
  }
}
