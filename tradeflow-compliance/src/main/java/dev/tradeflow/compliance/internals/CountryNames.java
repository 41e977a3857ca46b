package dev.tradeflow.compliance.internals;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names as lists spell them ("Korea, North", "Burma", "Cote d Ivoire") to ISO 3166 alpha-2
 * codes: the JDK's English names, plus the spellings OFAC uses that differ from them.
 */
public final class CountryNames {

  private static final Map<String, String> CODES = build();

  private CountryNames() {}

  /** The ISO code of a country name, or empty when the name is not a country (a region, blank). */
  public static Optional<String> codeOf(String name) {
    return Optional.ofNullable(CODES.get(key(name)));
  }

  private static Map<String, String> build() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      codes.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
    }
    String[][] listSpellings = {
      {"Korea, North", "KP"},
      {"Korea, South", "KR"},
      {"Burma", "MM"},
      {"Congo, Democratic Republic of the", "CD"},
      {"Congo, Republic of the", "CG"},
      {"Virgin Islands, British", "VG"},
      {"The Gambia", "GM"},
      {"Cote d Ivoire", "CI"},
      {"Czech Republic", "CZ"},
      {"Palestinian", "PS"},
      {"West Bank", "PS"},
      {"Region: Gaza", "PS"},
      {"Region: Crimea", "UA"},
      {"Hong Kong", "HK"},
      {"Macau", "MO"},
      {"Bosnia and Herzegovina", "BA"},
      {"Saint Kitts and Nevis", "KN"},
      {"Saint Vincent and the Grenadines", "VC"},
      {"Antigua and Barbuda", "AG"},
      {"Trinidad and Tobago", "TT"},
      {"Turkey", "TR"},
      {"Russia", "RU"},
      {"Iran", "IR"},
      {"Syria", "SY"},
      {"Laos", "LA"},
      {"Vietnam", "VN"},
      {"Taiwan", "TW"},
      {"Micronesia, Federated States of", "FM"},
      {"Sao Tome and Principe", "ST"},
      {"Timor-Leste", "TL"},
      {"United States", "US"},
      {"United Kingdom", "GB"},
    };
    for (String[] spelling : listSpellings) {
      codes.put(key(spelling[0]), spelling[1]);
    }
    return Map.copyOf(codes);
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT).replace("&", "AND").replaceAll("[^A-Z]", "");
  }
}
