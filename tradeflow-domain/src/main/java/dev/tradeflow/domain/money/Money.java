package dev.tradeflow.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in an ISO 4217 currency, always held at the currency's minor units (USD 2, JPY 0, BHD
 * 3), so two equal amounts are equal records and encode the same way.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /** The largest amount the log of record holds: 18 integer digits (the event schemas' limit). */
  public static final int MAX_INTEGER_DIGITS = 18;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int minorUnits = Math.max(currency.getDefaultFractionDigits(), 0);
    try {
      amount = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          currency.getCurrencyCode()
              + " has "
              + minorUnits
              + " minor units; "
              + amount.toPlainString()
              + " has more");
    }
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "an amount has at most "
              + MAX_INTEGER_DIGITS
              + " integer digits: "
              + amount.toPlainString());
    }
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** This amount changed by {@code percent} (may be negative), rounded towards zero. */
  public Money adjustedByPercent(int percent) {
    BigDecimal factor = BigDecimal.valueOf(100L + percent).movePointLeft(2);
    return new Money(amount.multiply(factor).setScale(amount.scale(), RoundingMode.DOWN), currency);
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean sameCurrencyAs(Money other) {
    return currency.equals(other.currency);
  }

  public boolean exceeds(Money other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!sameCurrencyAs(other)) {
      throw new IllegalArgumentException(
          "currency mismatch: "
              + currency.getCurrencyCode()
              + " vs "
              + other.currency.getCurrencyCode());
    }
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
