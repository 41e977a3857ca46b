package dev.tradeflow.compliance.screening.internals;

import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.screening.ComplianceRules;
import dev.tradeflow.compliance.screening.DocumentReference;
import dev.tradeflow.compliance.screening.DocumentRegister;
import dev.tradeflow.compliance.screening.Finding;
import dev.tradeflow.compliance.screening.Goods;
import dev.tradeflow.compliance.screening.PriceBand;
import dev.tradeflow.compliance.screening.RuleId;
import dev.tradeflow.compliance.screening.TradeScreeningRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Trade-based money-laundering red flags (after the FATF/Egmont trade-based money laundering
 * indicators): mispriced goods, dual-use goods, a document used twice, repeated amendments to
 * amount or beneficiary, transshipment through risky ports.
 */
public final class TradeRules {

  private TradeRules() {}

  public static List<Finding> check(
      ComplianceRules rules, DocumentRegister register, TradeScreeningRequest request) {
    List<Finding> findings = new ArrayList<>();
    request.goods().flatMap(goods -> priceOutOfBand(rules, goods)).ifPresent(findings::add);
    request.goods().flatMap(goods -> dualUse(rules, goods)).ifPresent(findings::add);
    for (DocumentReference document : request.documents()) {
      register
          .recordAndFindOther(document, request.reference())
          .map(
              other ->
                  new Finding(
                      RuleId.TBML_DUPLICATE_DOCUMENT,
                      Severity.REVIEW,
                      1.0,
                      document.toString(),
                      "already presented under " + other))
          .ifPresent(findings::add);
    }
    if (request.amountOrBeneficiaryAmendments() >= rules.amendmentsBeforeReview()) {
      findings.add(
          new Finding(
              RuleId.TBML_REPEATED_AMENDMENTS,
              Severity.REVIEW,
              1.0,
              "amendments",
              request.amountOrBeneficiaryAmendments()
                  + " amendments to the amount or beneficiary (review from "
                  + rules.amendmentsBeforeReview()
                  + ")"));
    }
    for (String port : request.shipment().transshipment()) {
      String country = port.substring(0, 2);
      boolean sanctioned = rules.sanctionedJurisdictions().contains(country);
      if (sanctioned || rules.highRiskJurisdictions().contains(country)) {
        findings.add(
            new Finding(
                RuleId.TBML_HIGH_RISK_TRANSSHIPMENT,
                sanctioned ? Severity.BLOCK : Severity.REVIEW,
                1.0,
                "transshipment port " + port,
                country
                    + (sanctioned
                        ? " is a comprehensively sanctioned jurisdiction"
                        : " is a high-risk jurisdiction (FATF list)")));
      }
    }
    return findings;
  }

  /**
   * Over- or under-invoicing: the unit price against the most specific band for the HS code, in the
   * band's currency and unit. Without an HS code, a quantity, or a band in the same currency and
   * unit, there is nothing to compare (no finding, no guess at an exchange rate).
   */
  static Optional<Finding> priceOutOfBand(ComplianceRules rules, Goods goods) {
    if (goods.hsCode().isEmpty() || goods.quantity().isEmpty() || goods.unit().isEmpty()) {
      return Optional.empty();
    }
    String hs = goods.hsCode().get();
    String unit = goods.unit().get().toUpperCase(Locale.ROOT);
    Optional<PriceBand> band =
        rules.priceBands().stream()
            .filter(b -> hs.startsWith(b.hsPrefix()))
            .filter(b -> b.unit().equals(unit))
            .filter(b -> b.currency().equals(goods.amount().currency()))
            .max(Comparator.comparingInt(b -> b.hsPrefix().length()));
    if (band.isEmpty() || goods.quantity().get().signum() <= 0) {
      return Optional.empty();
    }
    PriceBand b = band.get();
    BigDecimal unitPrice =
        goods.amount().amount().divide(goods.quantity().get(), 4, RoundingMode.HALF_EVEN);
    boolean under = unitPrice.compareTo(b.low()) < 0;
    if (!under && unitPrice.compareTo(b.high()) <= 0) {
      return Optional.empty();
    }
    // How far outside, as a score: 0.5 at the band's edge, approaching 1 far from it.
    BigDecimal edge = under ? b.low() : b.high();
    double ratio =
        under
            ? edge.doubleValue() / Math.max(unitPrice.doubleValue(), 1e-9)
            : unitPrice.doubleValue() / edge.doubleValue();
    double score = 1.0 - 0.5 / ratio;
    return Optional.of(
        new Finding(
            RuleId.TBML_PRICE_OUT_OF_BAND,
            Severity.REVIEW,
            score,
            "goods HS " + hs,
            String.format(
                Locale.ROOT,
                "unit price %s %s/%s is %s the %s band %s-%s (possible %s-invoicing)",
                unitPrice.stripTrailingZeros().toPlainString(),
                b.currency(),
                unit,
                under ? "below" : "above",
                b.commodity(),
                b.low().toPlainString(),
                b.high().toPlainString(),
                under ? "under" : "over")));
  }

  static Optional<Finding> dualUse(ComplianceRules rules, Goods goods) {
    Optional<String> byCode =
        goods
            .hsCode()
            .flatMap(hs -> rules.dualUseHsPrefixes().stream().filter(hs::startsWith).findFirst());
    if (byCode.isPresent()) {
      return Optional.of(
          new Finding(
              RuleId.TBML_DUAL_USE_GOODS,
              Severity.REVIEW,
              1.0,
              "goods HS " + goods.hsCode().get(),
              "HS " + byCode.get() + " is on the dual-use list"));
    }
    String description = goods.description().toLowerCase(Locale.ROOT);
    return rules.dualUseKeywords().stream()
        .sorted()
        .filter(
            keyword ->
                Pattern.compile("\\b" + Pattern.quote(keyword) + "s?\\b")
                    .matcher(description)
                    .find())
        .findFirst()
        .map(
            keyword ->
                new Finding(
                    RuleId.TBML_DUAL_USE_GOODS,
                    Severity.REVIEW,
                    1.0,
                    "goods \"" + goods.description() + "\"",
                    "the description names \"" + keyword + "\", a dual-use item"));
  }
}
