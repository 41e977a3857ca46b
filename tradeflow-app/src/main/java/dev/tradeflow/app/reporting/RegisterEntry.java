package dev.tradeflow.app.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit as the LC register shows it. */
public record RegisterEntry(
    String lcId,
    String status,
    String applicant,
    String beneficiary,
    String issuingBank,
    String currency,
    BigDecimal amount,
    BigDecimal drawn,
    LocalDate expiryDate,
    LocalDate effectiveExpiryDate,
    long version) {}
