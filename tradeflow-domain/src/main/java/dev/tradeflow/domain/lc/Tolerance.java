package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;

/**
 * How far drawings may go above or below the credit amount (MT700 field 39A). UCP 600 art. 30(a):
 * "about" or "approximately" allows 10% either way.
 */
public record Tolerance(int plusPercent, int minusPercent) {

  public static final Tolerance NONE = new Tolerance(0, 0);
  public static final Tolerance ABOUT = new Tolerance(10, 10);

  public Tolerance {
    if (plusPercent < 0 || plusPercent > 100 || minusPercent < 0 || minusPercent > 100) {
      throw new IllegalArgumentException("tolerance percentages are 0-100");
    }
  }

  /** The most that may be drawn under the credit: the amount plus the tolerance. */
  public Money maximum(Money amount) {
    return amount.adjustedByPercent(plusPercent);
  }

  /**
   * The least a single drawing must reach when partial drawings are prohibited. With no stated
   * tolerance, art. 30(c) still allows 5% less.
   */
  public Money minimumFullDrawing(Money amount) {
    return amount.adjustedByPercent(-(equals(NONE) ? 5 : minusPercent));
  }
}
