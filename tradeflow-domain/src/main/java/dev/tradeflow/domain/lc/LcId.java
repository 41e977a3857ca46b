package dev.tradeflow.domain.lc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A letter of credit's reference: the aggregate id and the Kafka key of its commands and events.
 */
public record LcId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public LcId {
    Objects.requireNonNull(value, "lcId");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an LC id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit: "
              + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
