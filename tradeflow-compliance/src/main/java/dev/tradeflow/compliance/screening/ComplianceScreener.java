package dev.tradeflow.compliance.screening;

import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.screening.internals.JurisdictionRule;
import dev.tradeflow.compliance.screening.internals.SanctionsRule;
import dev.tradeflow.compliance.screening.internals.TradeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Screens a trade: every party against the sanctions list, every party, bank and port against the
 * jurisdiction lists, and the goods, route, documents and amendment history against the trade-based
 * money-laundering rules. Thread-safe if the document register is.
 */
public final class ComplianceScreener {

  private final SanctionsScreener sanctions;
  private final ComplianceRules rules;
  private final DocumentRegister documents;

  public ComplianceScreener(
      SanctionsScreener sanctions, ComplianceRules rules, DocumentRegister documents) {
    this.sanctions = Objects.requireNonNull(sanctions, "sanctions");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.documents = Objects.requireNonNull(documents, "documents");
  }

  public ScreeningReport screen(TradeScreeningRequest request) {
    List<Finding> findings = new ArrayList<>();
    findings.addAll(SanctionsRule.check(sanctions, request.parties()));
    findings.addAll(JurisdictionRule.check(rules, request));
    findings.addAll(TradeRules.check(rules, documents, request));
    return new ScreeningReport(request.reference(), findings, sanctions.version());
  }
}
