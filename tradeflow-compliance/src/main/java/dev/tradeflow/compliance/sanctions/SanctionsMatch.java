package dev.tradeflow.compliance.sanctions;

import dev.tradeflow.compliance.Severity;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A listed entry a query resembles, with everything an examiner needs to follow the decision: the
 * entry and its programs, the name variant (or identifier) that matched, the score and what it
 * means at the thresholds used.
 */
public record SanctionsMatch(
    ListedEntry entry,
    NameVariant matchedName,
    Optional<Identifier> matchedIdentifier,
    double score,
    Severity severity,
    Optional<String> caveat) {

  public SanctionsMatch {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(matchedName, "matchedName");
    Objects.requireNonNull(matchedIdentifier, "matchedIdentifier");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(caveat, "caveat");
  }

  /**
   * One line: {@code 0.962 BLOCK SDN-6365 BIN LADIN, Usama bin Muhammad bin Awad [SDGT] individual,
   * matched aka "BIN LADIN, Osama"}.
   */
  public String explain() {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%.3f %s %s %s %s %s, matched ",
                score,
                severity,
                entry.id(),
                entry.name(),
                entry.programs(),
                entry.type().name().toLowerCase(Locale.ROOT)));
    if (matchedIdentifier.isPresent()) {
      line.append("identifier ").append(matchedIdentifier.get());
    } else {
      line.append(matchedName.kind().name().toLowerCase(Locale.ROOT))
          .append(" \"")
          .append(matchedName.name())
          .append('"');
    }
    caveat.ifPresent(c -> line.append("; ").append(c));
    return line.toString();
  }
}
