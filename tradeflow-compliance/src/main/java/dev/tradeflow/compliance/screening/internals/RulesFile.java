package dev.tradeflow.compliance.screening.internals;

import dev.tradeflow.compliance.screening.ComplianceRules;
import dev.tradeflow.compliance.screening.ComplianceRulesException;
import dev.tradeflow.compliance.screening.PriceBand;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads compliance rules from a properties file (the bundled {@code default-rules.properties} shows
 * every key). Every key is required and an unknown one refused, so that a typo cannot switch a rule
 * off; each error names the source and the key.
 */
public final class RulesFile {

  static final String SANCTIONED = "sanctioned-jurisdictions";
  static final String HIGH_RISK = "high-risk-jurisdictions";
  static final String DUAL_USE_HS = "dual-use-hs-prefixes";
  static final String DUAL_USE_WORDS = "dual-use-keywords";
  static final String AMENDMENTS = "amendments-before-review";
  static final String PRICE_BAND = "price-band.";

  private static final List<String> KEYS =
      List.of(SANCTIONED, HIGH_RISK, DUAL_USE_HS, DUAL_USE_WORDS, AMENDMENTS);

  private final String source;
  private final Properties properties;

  private RulesFile(String source, Properties properties) {
    this.source = source;
    this.properties = properties;
  }

  /** The rules in {@code reader}; {@code source} names it in errors. */
  public static ComplianceRules read(Reader reader, String source) {
    Properties properties = new Properties();
    try {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ComplianceRulesException(
          source + ": not a readable rules file: " + e.getMessage(), e);
    }
    return new RulesFile(source, properties).rules();
  }

  private ComplianceRules rules() {
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeIf(key -> KEYS.contains(key) || key.startsWith(PRICE_BAND));
    if (!unknown.isEmpty()) {
      throw error(
          unknown.iterator().next(),
          "unknown key; the keys are " + KEYS + " and " + PRICE_BAND + "<HS code prefix>");
    }
    Predicate<String> country = code -> code.matches("[A-Z]{2}");
    Predicate<String> hsPrefix = code -> code.matches("[0-9]{2,10}");
    List<PriceBand> bands = new ArrayList<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (key.startsWith(PRICE_BAND)) {
        bands.add(priceBand(key));
      }
    }
    int amendments;
    try {
      amendments = Integer.parseInt(required(AMENDMENTS));
    } catch (NumberFormatException e) {
      throw error(AMENDMENTS, "expected a whole number, 1 or more");
    }
    try {
      return new ComplianceRules(
          list(SANCTIONED, country, "two-letter ISO country codes such as CU"),
          list(HIGH_RISK, country, "two-letter ISO country codes such as MM"),
          bands,
          list(DUAL_USE_HS, hsPrefix, "HS code prefixes of 2 to 10 digits"),
          words(DUAL_USE_WORDS),
          amendments);
    } catch (IllegalArgumentException e) {
      throw error(AMENDMENTS, e.getMessage());
    }
  }

  private String required(String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw error(key, "missing; every key of the bundled default-rules.properties is required");
    }
    return value.strip();
  }

  private Set<String> list(String key, Predicate<String> valid, String expected) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : nonEmpty(key)) {
      if (!valid.test(value)) {
        throw error(key, "\"" + value + "\" is not one of " + expected);
      }
      values.add(value);
    }
    return values;
  }

  private Set<String> words(String key) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : nonEmpty(key)) {
      words.add(word.toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** The key's comma-separated values: at least one, so that a slip cannot empty a rule. */
  private List<String> nonEmpty(String key) {
    List<String> values =
        Arrays.stream(required(key).split(","))
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .toList();
    if (values.isEmpty()) {
      throw error(key, "empty; list at least one value (a rule is not switched off here)");
    }
    return values;
  }

  /** {@code price-band.<prefix> = commodity; unit; currency; low; high}. */
  private PriceBand priceBand(String key) {
    String[] parts = properties.getProperty(key).split(";");
    if (parts.length != 5) {
      throw error(key, "expected commodity; unit; currency; low; high");
    }
    try {
      return new PriceBand(
          key.substring(PRICE_BAND.length()),
          parts[0].strip(),
          parts[1].strip(),
          Currency.getInstance(parts[2].strip()),
          new BigDecimal(parts[3].strip()),
          new BigDecimal(parts[4].strip()));
    } catch (IllegalArgumentException e) {
      // NumberFormatException, an unknown currency or a band the record refuses.
      throw error(key, e.getMessage() == null ? "expected amounts such as 1.50" : e.getMessage());
    }
  }

  private ComplianceRulesException error(String key, String problem) {
    return new ComplianceRulesException(source + ": " + key + ": " + problem);
  }
}
