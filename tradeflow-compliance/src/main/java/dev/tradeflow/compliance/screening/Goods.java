package dev.tradeflow.compliance.screening;

import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What is traded: the description as written, the HS code where given (2 to 10 digits), and the
 * quantity, its unit and the amount, from which the unit price follows.
 */
public record Goods(
    String description,
    Optional<String> hsCode,
    Optional<BigDecimal> quantity,
    Optional<String> unit,
    Money amount) {

  public Goods {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(hsCode, "hsCode");
    hsCode.ifPresent(
        code -> {
          if (!code.matches("[0-9]{2,10}")) {
            throw new IllegalArgumentException("an HS code is 2 to 10 digits: " + code);
          }
        });
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(amount, "amount");
  }
}
