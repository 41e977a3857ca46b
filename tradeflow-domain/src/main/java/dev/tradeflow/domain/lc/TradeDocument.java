package dev.tradeflow.domain.lc;

import java.util.Objects;

/**
 * A document of a presentation that carries a number its issuer gives once: the commercial invoice
 * (issued by the seller) or the bill of lading (issued by the carrier). The same number from the
 * same issuer under two credits is a trade-based money-laundering red flag.
 */
public record TradeDocument(Kind kind, String number, String issuer) {

  public enum Kind {
    COMMERCIAL_INVOICE,
    BILL_OF_LADING
  }

  public TradeDocument {
    Objects.requireNonNull(kind, "kind");
    if (number == null || number.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " has a number");
    }
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " names its issuer");
    }
  }
}
