package dev.tradeflow.compliance.screening;

import dev.tradeflow.compliance.screening.internals.RulesFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's rule settings: which jurisdictions block and which need review, the reference price
 * bands, what counts as dual-use, and how many amount or beneficiary amendments need review.
 *
 * <p>The {@link #defaults()}, read from the bundled {@code default-rules.properties}, are a
 * starting point to be maintained by the bank's compliance team, not a source of truth: countries
 * under comprehensive US embargoes (Cuba, Iran, North Korea; Syria's programme was lifted in 2025
 * and it is kept among the high-risk), a 2025 snapshot of the FATF "black" and "grey" lists (check
 * the current publications before relying on it), illustrative price bands for a few commodities,
 * and a short dual-use list after the Wassenaar categories. A bank keeps its own copy and {@link
 * #load}s it.
 */
public record ComplianceRules(
    Set<String> sanctionedJurisdictions,
    Set<String> highRiskJurisdictions,
    List<PriceBand> priceBands,
    Set<String> dualUseHsPrefixes,
    Set<String> dualUseKeywords,
    int amendmentsBeforeReview) {

  public ComplianceRules {
    sanctionedJurisdictions = Set.copyOf(sanctionedJurisdictions);
    highRiskJurisdictions = Set.copyOf(highRiskJurisdictions);
    priceBands = List.copyOf(priceBands);
    dualUseHsPrefixes = Set.copyOf(dualUseHsPrefixes);
    dualUseKeywords = Set.copyOf(dualUseKeywords);
    if (amendmentsBeforeReview < 1) {
      throw new IllegalArgumentException("amendmentsBeforeReview is at least 1");
    }
    Objects.requireNonNull(priceBands, "priceBands");
  }

  /** The bundled {@code default-rules.properties}. */
  public static ComplianceRules defaults() {
    String resource = "default-rules.properties";
    InputStream in = ComplianceRules.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the bundled " + resource + " is missing from the jar");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return RulesFile.read(reader, "bundled " + resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rules in a properties file laid out as the bundled {@code default-rules.properties}.
   *
   * @throws ComplianceRulesException naming the file and the key, when it cannot be read or a value
   *     is not what its key expects
   */
  public static ComplianceRules load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return RulesFile.read(reader, file.toString());
    } catch (IOException e) {
      throw new ComplianceRulesException(file + ": cannot be read: " + e, e);
    }
  }
}
