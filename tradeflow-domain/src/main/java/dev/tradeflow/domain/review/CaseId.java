package dev.tradeflow.domain.review;

import java.util.Objects;
import java.util.regex.Pattern;

/** A review case's reference, also its Kafka key. */
public record CaseId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,254}");

  public CaseId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a case id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
