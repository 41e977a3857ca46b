package dev.tradeflow.compliance.screening.internals;

import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.sanctions.SanctionsMatch;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.sanctions.ScreeningQuery;
import dev.tradeflow.compliance.sanctions.internals.NameNormalizer;
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
      String unscreenable = NameNormalizer.unscreenableLetters(party.name());
      if (!unscreenable.isEmpty()) {
        // Fail closed: a name in another script would otherwise screen as clear.
        findings.add(
            new Finding(
                RuleId.SANCTIONS_NAME_NOT_SCREENABLE,
                Severity.REVIEW,
                1.0,
                Subjects.of(party),
                "the name has letters outside the Latin script ("
                    + unscreenable
                    + "): screen a transliteration"));
      }
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
