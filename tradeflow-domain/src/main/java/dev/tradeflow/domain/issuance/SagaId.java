package dev.tradeflow.domain.issuance;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One issuance saga: the application's correlation id, which every record of the flow carries, and
 * the stem of the ids of the commands the saga sends (so a resent command is a repeat).
 */
public record SagaId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  public SagaId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a saga id is 1-100 letters, digits, '.', '_', ':' or '-': " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
