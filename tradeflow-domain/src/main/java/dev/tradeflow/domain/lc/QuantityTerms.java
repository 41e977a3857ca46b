package dev.tradeflow.domain.lc;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The quantity of goods the credit covers. Art. 30(a): "about" allows 10% either way; art. 30(b):
 * otherwise 5% either way, unless the quantity is stated in packing units or individual items.
 */
public record QuantityTerms(
    BigDecimal quantity, String unit, boolean about, boolean countedInUnits) {

  /** What the log of record holds for a quantity (the event schemas' decimal(22,6)). */
  public static final int MAX_DECIMALS = 6;

  public static final int MAX_INTEGER_DIGITS = 16;

  public QuantityTerms {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    if (unit.isBlank()) {
      throw new IllegalArgumentException("a quantity has a unit");
    }
    quantity = normalize(quantity);
  }

  /**
   * A quantity without trailing zeros (and never in exponent form), so that 10, 10.0 and 10.000000
   * are one value however many decimals a store or a schema kept.
   */
  public static BigDecimal normalize(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigDecimal normalized = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    if (normalized.signum() <= 0
        || normalized.scale() > MAX_DECIMALS
        || normalized.precision() - normalized.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "a quantity is positive, with at most "
              + MAX_INTEGER_DIGITS
              + " integer digits and "
              + MAX_DECIMALS
              + " decimals: "
              + value.toPlainString());
    }
    return normalized;
  }

  public int tolerancePercent() {
    if (about) {
      return 10;
    }
    return countedInUnits ? 0 : 5;
  }

  public boolean allows(BigDecimal shipped) {
    return shipped.compareTo(quantity.subtract(band())) >= 0 && !isExceededBy(shipped);
  }

  /** More than the quantity plus its tolerance: the cap on partial shipments in total. */
  boolean isExceededBy(BigDecimal shipped) {
    return shipped.compareTo(quantity.add(band())) > 0;
  }

  private BigDecimal band() {
    return quantity.multiply(BigDecimal.valueOf(tolerancePercent())).movePointLeft(2);
  }
}
