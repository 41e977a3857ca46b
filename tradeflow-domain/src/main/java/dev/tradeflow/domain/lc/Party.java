package dev.tradeflow.domain.lc;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A party to the credit (applicant, beneficiary): its name and ISO 3166 country. */
public record Party(String name, String country) {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public Party {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 140) {
      throw new IllegalArgumentException("a party name is 1-140 characters");
    }
    if (country == null || !COUNTRIES.contains(country)) {
      throw new IllegalArgumentException("not an ISO 3166 alpha-2 country code: " + country);
    }
    name = name.strip();
  }
}
