package dev.tradeflow.compliance.screening;

/** The rule behind a finding; stable names, since findings are recorded in events. */
public enum RuleId {
  /** A party's name resembles a listed name. */
  SANCTIONS_NAME,
  /**
   * A party's name has letters the list's Latin spellings cannot be compared with: a person screens
   * it (or its transliteration) instead.
   */
  SANCTIONS_NAME_NOT_SCREENABLE,
  /** A party's BIC or IMO number is on the list. */
  SANCTIONS_IDENTIFIER,
  /** A party, bank or port in a comprehensively sanctioned jurisdiction. */
  JURISDICTION_SANCTIONED,
  /** A party, bank or port in a FATF high-risk or monitored jurisdiction. */
  JURISDICTION_HIGH_RISK,
  /** The unit price is outside the reference band for the goods (over- or under-invoicing). */
  TBML_PRICE_OUT_OF_BAND,
  /** The goods may be dual-use (by HS code or keyword). */
  TBML_DUAL_USE_GOODS,
  /** An invoice or bill of lading already presented under another trade. */
  TBML_DUPLICATE_DOCUMENT,
  /** The amount or the beneficiary amended again and again. */
  TBML_REPEATED_AMENDMENTS,
  /** Transshipment through a high-risk or sanctioned port. */
  TBML_HIGH_RISK_TRANSSHIPMENT
}
