package dev.tradeflow.compliance.screening;

/** Where a screened name stands in the trade. */
public enum PartyRole {
  APPLICANT,
  BENEFICIARY,
  ISSUING_BANK,
  ADVISING_BANK,
  CONFIRMING_BANK,
  VESSEL,
  /** The carrier that issued the transport document (a shipping line). */
  CARRIER
}
