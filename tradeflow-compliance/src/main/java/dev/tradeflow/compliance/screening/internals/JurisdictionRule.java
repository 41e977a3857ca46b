package dev.tradeflow.compliance.screening.internals;

import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.screening.ComplianceRules;
import dev.tradeflow.compliance.screening.Finding;
import dev.tradeflow.compliance.screening.RuleId;
import dev.tradeflow.compliance.screening.ScreenedParty;
import dev.tradeflow.compliance.screening.TradeScreeningRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parties, banks and the ports of loading and discharge in a comprehensively sanctioned
 * jurisdiction (block) or a high-risk one (review). Transshipment ports are the trade rules'.
 */
public final class JurisdictionRule {

  private JurisdictionRule() {}

  public static List<Finding> check(ComplianceRules rules, TradeScreeningRequest request) {
    List<Finding> findings = new ArrayList<>();
    for (ScreenedParty party : request.parties()) {
      party
          .country()
          .flatMap(country -> finding(rules, country, Subjects.of(party)))
          .ifPresent(findings::add);
    }
    request
        .shipment()
        .portOfLoading()
        .flatMap(port -> finding(rules, port.substring(0, 2), "port of loading " + port))
        .ifPresent(findings::add);
    request
        .shipment()
        .portOfDischarge()
        .flatMap(port -> finding(rules, port.substring(0, 2), "port of discharge " + port))
        .ifPresent(findings::add);
    return findings;
  }

  private static Optional<Finding> finding(ComplianceRules rules, String country, String subject) {
    if (rules.sanctionedJurisdictions().contains(country)) {
      return Optional.of(
          new Finding(
              RuleId.JURISDICTION_SANCTIONED,
              Severity.BLOCK,
              1.0,
              subject,
              country + " is a comprehensively sanctioned jurisdiction"));
    }
    if (rules.highRiskJurisdictions().contains(country)) {
      return Optional.of(
          new Finding(
              RuleId.JURISDICTION_HIGH_RISK,
              Severity.REVIEW,
              1.0,
              subject,
              country + " is a high-risk jurisdiction (FATF list)"));
    }
    return Optional.empty();
  }
}
