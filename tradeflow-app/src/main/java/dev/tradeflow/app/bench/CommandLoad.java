package dev.tradeflow.app.bench;

import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.AdviseCredit;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcCommand.ApproveApplication;
import dev.tradeflow.domain.lc.LcCommand.ConfirmCredit;
import dev.tradeflow.domain.lc.LcCommand.IssueCredit;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The benchmark's commands: the issuance of credits, {@link #STEPS} commands each (application,
 * approval, issue, advice, confirmation), so that every command is accepted and writes one event,
 * one in five is a new credit (with its first event of about 900 bytes, and in the secure profile
 * its data key), and the rest load a credit's state as a bank's traffic does. Command {@code n} is
 * step {@code n % STEPS} of credit {@code n / STEPS}: a credit's commands go through one producer,
 * in order.
 */
final class CommandLoad {

  static final int STEPS = 5;

  private static final LocalDate APPLIED_ON = LocalDate.of(2027, 1, 4);

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
    return prefix + "-" + n / STEPS;
  }

  byte[] command(long n) {
    return Json.toBytes(
        new CommandEnvelope(new LcId(lcId(n)), step(n), "bench", "bench-" + n, Instant.now()));
  }

  private static LcCommand step(long n) {
    CommandId id = new CommandId("c-" + n);
    int step = (int) (n % STEPS);
    LocalDate on = APPLIED_ON.plusDays(step);
    switch (step) {
      case 0:
        return new ApplyForCredit(id, TERMS, on);
      case 1:
        return new ApproveApplication(id, "bench-checker", on);
      case 2:
        return new IssueCredit(id, on);
      case 3:
        return new AdviseCredit(id, on);
      default:
        return new ConfirmCredit(id, TERMS.advisingBank(), on);
    }
  }
}
