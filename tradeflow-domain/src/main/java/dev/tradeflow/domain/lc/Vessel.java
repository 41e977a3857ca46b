package dev.tradeflow.domain.lc;

import java.util.Objects;
import java.util.regex.Pattern;

/** A ship the credit names, with its IMO number where known (null otherwise). */
public record Vessel(String name, String imoNumber) {

  private static final Pattern IMO = Pattern.compile("[0-9]{7}");

  public Vessel {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a vessel has a name");
    }
    if (imoNumber != null && !IMO.matcher(imoNumber).matches()) {
      throw new IllegalArgumentException("an IMO number is seven digits: " + imoNumber);
    }
  }
}
