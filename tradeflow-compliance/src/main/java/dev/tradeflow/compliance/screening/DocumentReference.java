package dev.tradeflow.compliance.screening;

import java.util.Locale;
import java.util.Objects;

/** A trade document's number: an invoice or a bill of lading, with who issued it. */
public record DocumentReference(Kind kind, String issuer, String number) {

  public enum Kind {
    INVOICE,
    BILL_OF_LADING
  }

  public DocumentReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(number, "number");
    // "INV-001 " and "inv-001" are the same invoice.
    issuer = issuer.strip().toUpperCase(Locale.ROOT);
    number = number.strip().toUpperCase(Locale.ROOT);
    if (number.isEmpty()) {
      throw new IllegalArgumentException("a document number is required");
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + number + " of " + issuer;
  }
}
