package dev.tradeflow.compliance.sanctions;

import java.util.Locale;

/** What kind of party a name belongs to; OFAC's SDN_Type, where a blank type is an entity. */
public enum PartyType {
  INDIVIDUAL,
  ENTITY,
  VESSEL,
  AIRCRAFT;

  /** Parses {@code individual}, {@code entity}, {@code vessel} or {@code aircraft}, any case. */
  public static PartyType parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a party type is individual, entity, vessel or aircraft: " + text, e);
    }
  }
}
