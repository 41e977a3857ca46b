package dev.tradeflow.app.reporting;

import java.math.BigDecimal;

/**
 * What one applicant may still draw, in one currency, on its live credits (issued, advised or
 * confirmed): the maximum drawable (amount plus tolerance) less what was drawn.
 */
public record Exposure(
    String applicant,
    String currency,
    long credits,
    BigDecimal maximumDrawable,
    BigDecimal drawn,
    BigDecimal outstanding) {}
