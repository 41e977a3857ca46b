package dev.tradeflow.compliance.sanctions;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An identifier that matches exactly rather than by name: a bank's SWIFT/BIC or a vessel's IMO
 * number. A BIC matches on its first eight characters (the institution and location), so a listed
 * head office catches its branches.
 */
public record Identifier(Kind kind, String value) {

  public enum Kind {
    BIC,
    IMO
  }

  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern IMO = Pattern.compile("[0-9]{7}");

  public Identifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    value = value.strip().toUpperCase(Locale.ROOT);
    if (kind == Kind.BIC) {
      if (!BIC.matcher(value).matches()) {
        throw new IllegalArgumentException("not a BIC (ISO 9362): " + value);
      }
      value = value.substring(0, 8);
    } else if (!IMO.matcher(value).matches()) {
      throw new IllegalArgumentException("an IMO number is seven digits: " + value);
    }
  }

  public static Identifier bic(String bic) {
    return new Identifier(Kind.BIC, bic);
  }

  public static Identifier imo(String number) {
    return new Identifier(Kind.IMO, number);
  }

  @Override
  public String toString() {
    return kind + " " + value;
  }
}
