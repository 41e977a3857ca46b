package dev.tradeflow.app;

import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.AdviseCredit;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcCommand.ApproveApplication;
import dev.tradeflow.domain.lc.LcCommand.IssueCredit;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Commands the app's tests send: a plain USD sight credit through its first steps. */
public final class TestCommands {

  public static final LocalDate APPLIED = LocalDate.of(2026, 1, 5);

  private TestCommands() {}

  public static LcTerms terms() {
    return terms("Acme Imports LLC");
  }

  /** The usual terms for another applicant, so that a test has reports of its own. */
  public static LcTerms terms(String applicant) {
    return new LcTerms(
        new Party(applicant, "US"),
        new Party("Northwind Textiles Ltd", "GB"),
        new Bank("CHASUS33", "JPMorgan Chase Bank"),
        new Bank("BARCGB22", "Barclays Bank"),
        Money.of("100000.00", "USD"),
        Tolerance.NONE,
        LocalDate.of(2026, 6, 30),
        "GB-LON",
        null,
        21,
        true,
        AvailableBy.SIGHT_PAYMENT,
        ConfirmationInstruction.MAY_ADD,
        "Cotton fabric",
        null);
  }

  public static ApplyForCredit apply(String commandId) {
    return new ApplyForCredit(new CommandId(commandId), terms(), APPLIED);
  }

  /** Apply, approve, issue and advise. */
  public static List<LcCommand> issuedAndAdvised() {
    return issuedAndAdvised(terms());
  }

  /** Apply for {@code terms}, approve, issue and advise. */
  public static List<LcCommand> issuedAndAdvised(LcTerms terms) {
    return List.of(
        new ApplyForCredit(new CommandId("c1"), terms, APPLIED),
        new ApproveApplication(new CommandId("c2"), "officer", APPLIED.plusDays(1)),
        new IssueCredit(new CommandId("c3"), APPLIED.plusDays(2)),
        new AdviseCredit(new CommandId("c4"), APPLIED.plusDays(3)));
  }

  public static CommandEnvelope envelope(String lcId, LcCommand command) {
    return new CommandEnvelope(
        new LcId(lcId), command, "tester", "corr-" + lcId, Instant.parse("2026-01-05T10:00:00Z"));
  }
}
