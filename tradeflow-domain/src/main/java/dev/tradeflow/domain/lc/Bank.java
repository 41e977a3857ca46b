package dev.tradeflow.domain.lc;

import java.util.Objects;
import java.util.regex.Pattern;

/** A bank in the credit's chain (issuing, advising, confirming), identified by its BIC. */
public record Bank(String bic, String name) {

  /** ISO 9362: institution (4), country (2), location (2), optional branch (3). */
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

  public Bank {
    Objects.requireNonNull(name, "name");
    if (bic == null || !BIC.matcher(bic).matches()) {
      throw new IllegalArgumentException("not a BIC (ISO 9362): " + bic);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("a bank name is required");
    }
  }
}
