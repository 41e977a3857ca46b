package dev.tradeflow.domain.lc;

import java.util.regex.Pattern;

/** The format shared by the client-chosen identifiers (commands, presentations, amendments). */
final class Identifiers {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private Identifiers() {}

  static String require(String kind, String value) {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a "
              + kind
              + " is 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit: "
              + value);
    }
    return value;
  }
}
