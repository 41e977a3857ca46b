package dev.tradeflow.app.cli;

import dev.tradeflow.app.compliance.SanctionsScreening;
import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.sanctions.Identifier;
import dev.tradeflow.compliance.sanctions.ListVersion;
import dev.tradeflow.compliance.sanctions.PartyType;
import dev.tradeflow.compliance.sanctions.SanctionsMatch;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.sanctions.ScreeningQuery;
import dev.tradeflow.runtime.TradeflowConfig;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow screen "NAME"}: one party against the sanctions list, best matches first. */
@Command(
    name = "screen",
    description =
        "Screen one party against the sanctions list and print the best matches with their"
            + " scores, programs and the name variant that matched. Needs no broker.")
final class ScreenCommand implements Callable<Integer> {

  @ParentCommand TradeflowCli cli;

  @Parameters(index = "0", paramLabel = "NAME", description = "the party's name")
  String name;

  @Option(names = "--country", paramLabel = "CC", description = "ISO 3166 alpha-2 country")
  String country;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "individual, entity, vessel or aircraft: compare with entries of that type only")
  String type;

  @Option(names = "--bic", paramLabel = "BIC", description = "the party's SWIFT/BIC")
  String bic;

  @Option(names = "--imo", paramLabel = "NUMBER", description = "a vessel's IMO number")
  String imo;

  @Option(
      names = "--limit",
      defaultValue = "5",
      description = "how many matches to print (default ${DEFAULT-VALUE})")
  int limit;

  @Option(
      names = "--min-score",
      defaultValue = "0.6",
      description = "print matches from this score on, hits or not (default ${DEFAULT-VALUE})")
  double minScore;

  @Override
  public Integer call() {
    TradeflowConfig config = cli.config();
    ScreeningQuery query = ScreeningQuery.name(name);
    if (country != null) {
      query = query.inCountry(country);
    }
    if (type != null) {
      query = query.ofType(PartyType.parse(type));
    }
    if (bic != null) {
      query = query.withIdentifier(Identifier.bic(bic));
    }
    if (imo != null) {
      query = query.withIdentifier(Identifier.imo(imo));
    }
    SanctionsScreener screener = SanctionsScreening.screener(config.compliance());
    ListVersion list = screener.version();
    System.out.printf(
        Locale.ROOT,
        "Screening \"%s\" against %s: %,d entries, %,d aliases, sha256 %s; review from %.2f,"
            + " block from %.2f%n",
        name,
        SanctionsScreening.source(config.compliance()),
        list.entries(),
        list.aliases(),
        list.sha256().substring(0, 16),
        screener.thresholds().review(),
        screener.thresholds().block());
    List<SanctionsMatch> matches = screener.bestMatches(query, minScore, limit);
    if (matches.isEmpty()) {
      System.out.printf(Locale.ROOT, "  no entry scores %.2f or more%n", minScore);
    }
    matches.forEach(m -> System.out.println("  " + m.explain()));
    Severity verdict =
        screener.screen(query).stream()
            .map(SanctionsMatch::severity)
            .reduce(Severity.CLEAR, Severity::max);
    System.out.println("Result: " + verdict);
    return 0;
  }
}
