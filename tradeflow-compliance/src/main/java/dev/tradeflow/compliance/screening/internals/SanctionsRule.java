package dev.tradeflow.compliance.screening.internals;

import dev.tradeflow.compliance.sanctions.SanctionsMatch;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.sanctions.ScreeningQuery;
import dev.tradeflow.compliance.screening.Finding;
import dev.tradeflow.compliance.screening.RuleId;
import dev.tradeflow.compliance.screening.ScreenedParty;
import java.util.ArrayList;
import java.util.List;

/** Each party against the sanctions list: a finding per listed entry it is a hit for. */
public final class SanctionsRule {

  private SanctionsRule() {}

  public static List<Finding> check(SanctionsScreener screener, List<ScreenedParty> parties) {
    List<Finding> findings = new ArrayList<>();
    for (ScreenedParty party : parties) {
      ScreeningQuery query =
          new ScreeningQuery(party.name(), party.country(), party.type(), party.identifiers());
      for (SanctionsMatch match : screener.screen(query)) {
        findings.add(
            new Finding(
                match.matchedIdentifier().isPresent()
                    ? RuleId.SANCTIONS_IDENTIFIER
                    : RuleId.SANCTIONS_NAME,
                match.severity(),
                match.score(),
                Subjects.of(party),
                match.explain()));
      }
    }
    return findings;
  }
}
