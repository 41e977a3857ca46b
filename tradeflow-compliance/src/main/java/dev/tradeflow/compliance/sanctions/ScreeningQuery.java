package dev.tradeflow.compliance.sanctions;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A party to screen: its name, and where known its country (ISO 3166 alpha-2), its type and its
 * identifiers. A known type only compares with entries of that type (a vessel is not a person); a
 * known country that none of the entry's addresses share lowers the score a little, and says so.
 */
public record ScreeningQuery(
    String name, Optional<String> country, Optional<PartyType> type, Set<Identifier> identifiers) {

  public ScreeningQuery {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a name to screen is required");
    }
    country = country.map(c -> c.strip().toUpperCase(Locale.ROOT));
    Objects.requireNonNull(type, "type");
    identifiers = Set.copyOf(identifiers);
  }

  public static ScreeningQuery name(String name) {
    return new ScreeningQuery(name, Optional.empty(), Optional.empty(), Set.of());
  }

  public ScreeningQuery inCountry(String isoCountry) {
    return new ScreeningQuery(name, Optional.ofNullable(isoCountry), type, identifiers);
  }

  public ScreeningQuery ofType(PartyType partyType) {
    return new ScreeningQuery(name, country, Optional.ofNullable(partyType), identifiers);
  }

  public ScreeningQuery withIdentifier(Identifier identifier) {
    Set<Identifier> more = new HashSet<>(identifiers);
    more.add(identifier);
    return new ScreeningQuery(name, country, type, more);
  }
}
