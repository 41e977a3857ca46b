package dev.tradeflow.compliance.screening;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The unit prices a commodity normally trades at: goods whose HS code starts with {@code hsPrefix},
 * priced in {@code currency} per {@code unit}, from {@code low} to {@code high}.
 */
public record PriceBand(
    String hsPrefix,
    String commodity,
    String unit,
    Currency currency,
    BigDecimal low,
    BigDecimal high) {

  public PriceBand {
    Objects.requireNonNull(hsPrefix, "hsPrefix");
    Objects.requireNonNull(commodity, "commodity");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(currency, "currency");
    if (!hsPrefix.matches("[0-9]{2,10}")) {
      throw new IllegalArgumentException("an HS code prefix is 2 to 10 digits: " + hsPrefix);
    }
    if (low.signum() <= 0 || high.compareTo(low) < 0) {
      throw new IllegalArgumentException(
          "a price band satisfies 0 < low <= high: " + low + " - " + high);
    }
  }
}
