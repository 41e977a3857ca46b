package dev.tradeflow.domain.lc;

/** Why a command was refused: stable codes that clients and reports may rely on. */
public enum RejectionCode {
  /**
   * The command could not be decided or recorded (a value outside what the log of record holds); it
   * was parked in the dead-letter topic for an operator.
   */
  INVALID_COMMAND,
  /**
   * The credit's data was destroyed on purpose (crypto-shredding): nothing can be decided on it
   * again.
   */
  CREDIT_SHREDDED,
  /** The command id was already used for a different command on this credit. */
  COMMAND_ID_REUSED,
  /** No credit with this id: every command but an application needs one. */
  LC_NOT_FOUND,
  LC_ALREADY_EXISTS,
  /** The command does not apply in the credit's or the presentation's current status. */
  ILLEGAL_STATE,
  /**
   * A date before the credit's or the presentation's own earlier dates, or terms that contradict.
   */
  INVALID_DATE,
  CURRENCY_MISMATCH,
  /** A drawing of zero or less. */
  INVALID_AMOUNT,
  PRESENTATION_NOT_FOUND,
  PRESENTATION_ALREADY_EXISTS,
  AMENDMENT_NOT_FOUND,
  AMENDMENT_ALREADY_PENDING,
  AMENDMENT_CHANGES_NOTHING,
  /** The amended amount would be below what has already been drawn. */
  AMENDMENT_BELOW_DRAWN,
  /**
   * The issuance saga did not clear an amendment that raises the amount or names a new beneficiary
   * (a confirmed screening hit, refused credit, a declined approval or a step out of time): it
   * never reached the credit, which is unchanged.
   */
  AMENDMENT_NOT_CLEARED,
  /**
   * The issuance saga did not clear a presentation whose documents it screened (a confirmed hit: a
   * document already presented under another credit, a listed carrier or vessel, a sanctioned port;
   * or a screening or review out of time): it never reached the credit.
   */
  PRESENTATION_NOT_CLEARED,
  CONFIRMATION_NOT_REQUESTED,
  /** The honour does not match how the credit is available, or lacks its maturity date. */
  HONOUR_MODE_MISMATCH,
  PRESENTATIONS_OUTSTANDING,
  CREDIT_NOT_EXHAUSTED,
  EXPIRY_NOT_REACHED,
  /** Art. 6(e): documents must be presented on or before the expiry date. */
  UCP600_ART6E_PRESENTED_AFTER_EXPIRY,
  /** Art. 10(a): an issued credit is cancelled only with the beneficiary's consent. */
  UCP600_ART10A_CANCELLATION_WITHOUT_CONSENT,
  /** Art. 14(b): discrepancies found after the five banking days allowed for examination. */
  UCP600_ART14B_EXAMINATION_PERIOD_EXCEEDED,
  /** Art. 14(c): presented more than 21 (or the stated) days after shipment. */
  UCP600_ART14C_LATE_PRESENTATION,
  /** Art. 16(c): the refusal notice must state every discrepancy found. */
  UCP600_ART16C_NOTICE_INCOMPLETE,
  /** Art. 16(c): one notice of refusal only. */
  UCP600_ART16C_SINGLE_NOTICE,
  /** Art. 16(d): the notice must be given by the fifth banking day following presentation. */
  UCP600_ART16D_NOTICE_LATE,
  /** Art. 16(f): past the refusal period the bank is precluded from claiming discrepancies. */
  UCP600_ART16F_PRECLUDED,
  /** Art. 30: drawings may not exceed the credit amount plus its tolerance. */
  UCP600_ART30_OVERDRAWN,
  /** Art. 30(a)-(b): the quantity shipped is outside the allowed tolerance. */
  UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE,
  /** Art. 31: partial drawings are prohibited by the credit. */
  UCP600_ART31_PARTIAL_DRAWING_PROHIBITED
}
