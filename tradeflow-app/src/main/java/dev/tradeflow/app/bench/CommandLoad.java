package dev.tradeflow.app.bench;

import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The benchmark's commands: applications for new credits, each on its own LC id, so every command
 * is accepted and writes one event of a realistic size (about 900 bytes).
 */
final class CommandLoad {

  private static final LcTerms TERMS =
      new LcTerms(
          new Party("Acme Imports LLC", "US"),
          new Party("Northwind Textiles Ltd", "GB"),
          new Bank("CHASUS33", "JPMorgan Chase Bank, New York"),
          new Bank("BARCGB22", "Barclays Bank, London"),
          Money.of("125000.00", "USD"),
          Tolerance.ABOUT,
          LocalDate.of(2027, 6, 30),
          "GB-LON",
          LocalDate.of(2027, 5, 31),
          21,
          true,
          AvailableBy.SIGHT_PAYMENT,
          ConfirmationInstruction.MAY_ADD,
          "Cotton fabric, 100% combed, HS 5208",
          null);

  private final String prefix;

  CommandLoad(String prefix) {
    this.prefix = prefix;
  }

  String lcId(long n) {
    return prefix + "-" + n;
  }

  byte[] command(long n) {
    LcId lcId = new LcId(lcId(n));
    return Json.toBytes(
        new CommandEnvelope(
            lcId,
            new ApplyForCredit(new CommandId("c-" + n), TERMS, LocalDate.of(2027, 1, 4)),
            "bench",
            "bench-" + n,
            Instant.now()));
  }
}
