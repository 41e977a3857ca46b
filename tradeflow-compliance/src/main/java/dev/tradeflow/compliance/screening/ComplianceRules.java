package dev.tradeflow.compliance.screening;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's rule settings: which jurisdictions block and which need review, the reference price
 * bands, what counts as dual-use, and how many amount or beneficiary amendments need review.
 *
 * <p>The {@link #defaults()} are a starting point to be maintained by the bank's compliance team,
 * not a source of truth: countries under comprehensive US embargoes (Cuba, Iran, North Korea;
 * Syria's programme was lifted in 2025 and it is kept among the high-risk), a 2025 snapshot of the
 * FATF "black" and "grey" lists (check the current publications before relying on it), illustrative
 * price bands for a few commodities, and a short dual-use list after the Wassenaar categories.
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

  public static ComplianceRules defaults() {
    Currency usd = Currency.getInstance("USD");
    return new ComplianceRules(
        Set.of("CU", "IR", "KP"),
        Set.of(
            "SY", "MM", "DZ", "AO", "BO", "BG", "CM", "CI", "HR", "CD", "HT", "KE", "LA", "LB",
            "MC", "NA", "NP", "SS", "VE", "VN", "VG", "YE"),
        List.of(
            new PriceBand(
                "0901", "coffee", "KG", usd, new BigDecimal("1.50"), new BigDecimal("15")),
            new PriceBand("1006", "rice", "KG", usd, new BigDecimal("0.25"), new BigDecimal("2.5")),
            new PriceBand(
                "5201", "raw cotton", "KG", usd, new BigDecimal("1"), new BigDecimal("4")),
            new PriceBand("7108", "gold", "G", usd, new BigDecimal("40"), new BigDecimal("200")),
            new PriceBand(
                "2709", "crude oil", "BBL", usd, new BigDecimal("30"), new BigDecimal("150")),
            new PriceBand(
                "7204", "ferrous scrap", "KG", usd, new BigDecimal("0.1"), new BigDecimal("1"))),
        Set.of("2844", "8401", "9301", "3602", "3603", "881240", "880260", "901380", "902212"),
        Set.of(
            "centrifuge",
            "uranium",
            "maraging steel",
            "night vision",
            "thermal imaging",
            "detonator",
            "missile",
            "nerve agent",
            "precursor chemical",
            "carbon fibre",
            "carbon fiber",
            "gyroscope",
            "unmanned aerial",
            "drone",
            "rocket",
            "zirconium tubes"),
        3);
  }
}
