package dev.tradeflow.domain.issuance;

/**
 * Where an issuance stands, or, once issued, an amendment being cleared (screening, review, credit
 * and approval again, then {@link #AMENDING}). Transient steps wait for a service and are retried
 * on timeout.
 */
public enum SagaStep {
  SCREENING(true),
  /** Screening hits are in review cases; a compliance officer decides. */
  AWAITING_REVIEW(false),
  RESERVING_CREDIT(true),
  /** Over the approval threshold: a checker other than the maker approves. */
  AWAITING_APPROVAL(false),
  APPROVING(true),
  ISSUING(true),
  /** A cleared amendment was sent to the issued credit; waiting for the credit to record it. */
  AMENDING(true),
  /** Undoing what was done, in reverse order: release the reservation, reject the application. */
  COMPENSATING(true),
  ISSUED(false),
  REJECTED(false),
  /** Issued, then closed, expired or cancelled: its utilisation was given back. */
  ENDED(false);

  private final boolean transientStep;

  SagaStep(boolean transientStep) {
    this.transientStep = transientStep;
  }

  /** Waits for a service, so a timeout resends the request before giving up. */
  public boolean isTransient() {
    return transientStep;
  }

  public boolean isFinal() {
    return this == ISSUED || this == REJECTED || this == ENDED;
  }
}
