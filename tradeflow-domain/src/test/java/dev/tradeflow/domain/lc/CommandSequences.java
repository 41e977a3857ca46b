package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.lc.LcCommand.AcceptAmendment;
import dev.tradeflow.domain.lc.LcCommand.AdviseCredit;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcCommand.ApproveApplication;
import dev.tradeflow.domain.lc.LcCommand.CancelCredit;
import dev.tradeflow.domain.lc.LcCommand.CloseCredit;
import dev.tradeflow.domain.lc.LcCommand.ConfirmCredit;
import dev.tradeflow.domain.lc.LcCommand.ExpireCredit;
import dev.tradeflow.domain.lc.LcCommand.HonourPresentation;
import dev.tradeflow.domain.lc.LcCommand.IssueCredit;
import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.LcCommand.RecordExamination;
import dev.tradeflow.domain.lc.LcCommand.RefuseDocuments;
import dev.tradeflow.domain.lc.LcCommand.ReimburseHonour;
import dev.tradeflow.domain.lc.LcCommand.RejectAmendment;
import dev.tradeflow.domain.lc.LcCommand.RejectApplication;
import dev.tradeflow.domain.lc.LcCommand.RequestAmendment;
import dev.tradeflow.domain.lc.LcCommand.SeekWaiver;
import dev.tradeflow.domain.lc.LcCommand.WaiveDiscrepancies;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Random letters of credit and random command sequences for the property tests. A scenario is a
 * plausible application followed by commands of every type with plausible arguments and dates: most
 * follow the credit's lifecycle from where it stands (so that credits get issued, presentations
 * honoured and amendments accepted), the rest are drawn blindly from all nineteen command types,
 * and many of both are rejected. Every choice is drawn from QuickTheories' randomness source, so a
 * seed replays a scenario exactly and QuickTheories can shrink it.
 */
final class CommandSequences {

  private static final List<String> CURRENCIES = List.of("USD", "USD", "EUR", "JPY", "BHD");
  private static final List<Tolerance> TOLERANCES =
      List.of(
          Tolerance.NONE,
          Tolerance.NONE,
          Tolerance.ABOUT,
          new Tolerance(5, 5),
          new Tolerance(10, 0),
          new Tolerance(0, 5));
  private static final List<LocalDate> LONDON_HOLIDAYS =
      List.of(date("2026-12-25"), date("2026-12-28"), date("2027-01-01"));
  private static final List<Discrepancy> DISCREPANCIES =
      List.of(
          new Discrepancy("LATE_SHIPMENT", "shipped after the latest shipment date"),
          new Discrepancy("INVOICE_NOT_SIGNED", "the commercial invoice is not signed"),
          new Discrepancy("INSURANCE_MISSING", "no insurance certificate presented"));
  private static final List<Party> BENEFICIARIES =
      List.of(
          new Party("Shenzhen Bright Textiles Co", "CN"),
          new Party("Guangzhou Silk Mills", "CN"),
          new Party("Dhaka Knitwear Ltd", "BD"));

  private CommandSequences() {}

  /** The application first, then up to {@code maxCommands} more commands. */
  record Scenario(List<LcCommand> commands) {

    @Override
    public String toString() {
      return commands.stream()
          .map(LcCommand::toString)
          .collect(Collectors.joining("\n  ", "Scenario[\n  ", "\n]"));
    }
  }

  static Gen<Scenario> scenarios(int maxCommands) {
    return in -> new Generation(in).scenario(maxCommands);
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** A weighted choice, built only if chosen. */
  private record Choice(int weight, Supplier<LcCommand> command) {}

  /** One scenario being drawn: it follows the credit it builds to keep the commands plausible. */
  private static final class Generation {
    private final RandomnessSource in;
    private Optional<LcState> state = Optional.empty();
    private LocalDate today;
    private int commandNumber;

    private Generation(RandomnessSource in) {
      this.in = in;
    }

    Scenario scenario(int maxCommands) {
      List<LcCommand> commands = new ArrayList<>();
      commands.add(follow(application()));
      int length = between(0, maxCommands);
      for (int i = 0; i < length; i++) {
        today = today.plusDays(daysPassing());
        commands.add(follow(percent(75) ? likelyNext(state.orElseThrow()) : anyCommand()));
      }
      return new Scenario(List.copyOf(commands));
    }

    private LcCommand follow(LcCommand command) {
      Decision decision = LetterOfCredit.decide(state, command, LcFixture.CALENDAR);
      for (LcEvent event : decision.events()) {
        state = Optional.of(LetterOfCredit.evolve(state, event));
      }
      return command;
    }

    // --- randomness ------------------------------------------------------------------------------

    private int between(int min, int max) {
      return Generate.range(min, max).generate(in);
    }

    private boolean percent(int chance) {
      return between(1, 100) <= chance;
    }

    private <T> T pick(List<T> options) {
      return options.get(between(0, options.size() - 1));
    }

    private <E extends Enum<E>> E pick(Class<E> type) {
      return pick(List.of(type.getEnumConstants()));
    }

    /** Days pass slowly while documents await a decision, so that most are decided in time. */
    private int daysPassing() {
      boolean awaitingDecision =
          state.orElseThrow().presentations().stream()
              .anyMatch(
                  p -> p.status().isOutstanding() && p.status() != PresentationStatus.HONOURED);
      int roll = between(1, 100);
      if (awaitingDecision) {
        return roll <= 95 ? between(0, 2) : between(3, 10);
      }
      if (roll <= 55) {
        return between(0, 2);
      }
      return roll <= 90 ? between(3, 7) : between(8, 45);
    }

    private CommandId nextId() {
      return new CommandId("cmd-" + ++commandNumber);
    }

    private LcCommand choose(List<Choice> choices) {
      int roll = between(1, choices.stream().mapToInt(Choice::weight).sum());
      for (Choice choice : choices) {
        roll -= choice.weight();
        if (roll <= 0) {
          return choice.command().get();
        }
      }
      throw new IllegalStateException("weights exhausted");
    }

    // --- the application -------------------------------------------------------------------------

    private ApplyForCredit application() {
      boolean overYearEnd = percent(15);
      LocalDate appliedOn =
          overYearEnd
              ? date("2026-10-15").plusDays(between(0, 45))
              : date("2026-01-05").plusDays(between(0, 330));
      LocalDate expiry = overYearEnd ? pick(LONDON_HOLIDAYS) : appliedOn.plusDays(between(20, 150));
      today = appliedOn;
      Money amount = amountIn(Currency.getInstance(pick(CURRENCIES)));
      LcTerms terms =
          new LcTerms(
              new Party("Northwind Traders Ltd", "GB"),
              BENEFICIARIES.get(0),
              new Bank("BARCGB22", "Barclays Bank PLC"),
              new Bank("BKCHCNBJ", "Bank of China"),
              amount,
              pick(TOLERANCES),
              expiry,
              percent(85) ? "GB-LON" : "US-NYC",
              percent(50) ? null : expiry.minusDays(between(0, 15)),
              percent(70) ? LcTerms.DEFAULT_PRESENTATION_PERIOD_DAYS : between(5, 45),
              percent(70),
              pick(AvailableBy.class),
              pick(ConfirmationInstruction.class),
              "Cotton T-shirts",
              percent(40) ? quantityTerms() : null);
      return new ApplyForCredit(nextId(), terms, appliedOn);
    }

    private Money amountIn(Currency currency) {
      int minorDigits = currency.getDefaultFractionDigits();
      BigDecimal major = BigDecimal.valueOf(between(5_000, 900_000));
      BigDecimal minor =
          BigDecimal.valueOf(between(0, (int) Math.pow(10, minorDigits) - 1), minorDigits);
      return new Money(major.add(minor), currency);
    }

    private QuantityTerms quantityTerms() {
      boolean countedInUnits = percent(30);
      return new QuantityTerms(
          BigDecimal.valueOf(between(100, 20_000)),
          countedInUnits ? "cartons" : "MT",
          percent(30),
          countedInUnits);
    }

    // --- what the credit's lifecycle suggests ---------------------------------------------------

    private LcCommand likelyNext(LcState credit) {
      return switch (credit.status()) {
        case APPLIED ->
            percent(85)
                ? new ApproveApplication(nextId(), "credit.officer", today)
                : percent(60) ? rejectApplication(today) : cancel(false, today);
        case APPROVED ->
            percent(88)
                ? new IssueCredit(nextId(), today)
                : percent(50) ? rejectApplication(today) : cancel(false, today);
        case ISSUED, ADVISED, CONFIRMED -> operative(credit);
        case EXPIRED -> percent(60) ? new CloseCredit(nextId(), today) : anyCommand();
        case REJECTED, CANCELLED, CLOSED -> anyCommand();
      };
    }

    private LcCommand operative(LcState credit) {
      List<Choice> choices = new ArrayList<>();
      boolean expired = today.isAfter(credit.effectiveExpiryDate());
      if (credit.status() == LcStatus.ISSUED) {
        choices.add(new Choice(3, () -> new AdviseCredit(nextId(), today)));
      }
      if (credit.status() == LcStatus.ADVISED
          && credit.terms().confirmation() != ConfirmationInstruction.WITHOUT) {
        choices.add(new Choice(3, this::confirm));
      }
      for (Presentation p : credit.presentations()) {
        if (p.status().isOutstanding()) {
          choices.add(new Choice(10, () -> nextStep(credit, p)));
        }
      }
      choices.add(new Choice(expired ? 1 : 6, () -> present(credit)));
      Optional<Amendment> pending = credit.pendingAmendment();
      if (pending.isPresent()) {
        AmendmentId id = pending.get().amendmentId();
        choices.add(
            new Choice(
                4,
                () ->
                    percent(70)
                        ? new AcceptAmendment(nextId(), id, today)
                        : new RejectAmendment(nextId(), id, "declined", today)));
      } else {
        choices.add(new Choice(2, () -> requestAmendment(credit, today)));
      }
      if (expired) {
        choices.add(new Choice(8, () -> new ExpireCredit(nextId(), today)));
      }
      Money fullDrawing = credit.terms().tolerance().minimumFullDrawing(credit.terms().amount());
      if (!credit.hasOutstandingPresentations() && !fullDrawing.exceeds(credit.drawn())) {
        choices.add(new Choice(8, () -> new CloseCredit(nextId(), today)));
      }
      choices.add(new Choice(1, () -> cancel(true, today)));
      return choose(choices);
    }

    private LcCommand nextStep(LcState credit, Presentation p) {
      PresentationId id = p.presentationId();
      int roll = between(1, 100);
      return switch (p.status()) {
        case PRESENTED -> examine(id, today);
        case COMPLYING, WAIVED -> honour(credit, id, today);
        case DISCREPANT ->
            roll <= 35
                ? new SeekWaiver(nextId(), id, today)
                : roll <= 80 ? refuse(id, p.discrepancies(), today) : honour(credit, id, today);
        case WAIVER_SOUGHT ->
            roll <= 60
                ? new WaiveDiscrepancies(nextId(), id, today)
                : roll <= 90 ? refuse(id, p.discrepancies(), today) : honour(credit, id, today);
        case HONOURED -> new ReimburseHonour(nextId(), id, today);
        case REFUSED, REIMBURSED -> anyCommand();
      };
    }

    private LcCommand present(LcState credit) {
      LcTerms terms = credit.terms();
      PresentationId id =
          percent(8) && !credit.presentations().isEmpty()
              ? pick(credit.presentations()).presentationId()
              : new PresentationId("P" + (credit.presentations().size() + 1));
      Money amount;
      if (!terms.partialDrawingsAllowed()) {
        amount = share(terms.amount(), pick(List.of(100, 100, 100, 98, 95, 92, 90, 103)));
      } else {
        int roll = between(1, 100);
        amount =
            roll <= 12
                ? terms.maximumDrawable().minus(credit.drawn())
                : roll <= 18
                    ? share(terms.amount(), between(100, 115))
                    : share(terms.amount(), between(5, 60));
      }
      LocalDate shipped = today.minusDays(percent(85) ? between(0, 18) : between(19, 30));
      BigDecimal quantity =
          terms.quantity() != null && percent(70) && amount.isPositive()
              ? shippedQuantity(terms, amount)
              : null;
      return new PresentDocuments(nextId(), id, amount, shipped, today, quantity, null);
    }

    private BigDecimal shippedQuantity(LcTerms terms, Money drawing) {
      BigDecimal shareOfCredit =
          drawing.amount().divide(terms.amount().amount(), 6, RoundingMode.HALF_UP);
      return terms
          .quantity()
          .quantity()
          .multiply(shareOfCredit)
          .multiply(BigDecimal.valueOf(between(93, 107), 2))
          .setScale(2, RoundingMode.HALF_UP);
    }

    private LcCommand requestAmendment(LcState credit, LocalDate on) {
      AmendmentId id =
          percent(10) && !credit.amendments().isEmpty()
              ? pick(credit.amendments()).amendmentId()
              : new AmendmentId("A" + (credit.amendments().size() + 1));
      int roll = between(1, 100);
      AmendmentChanges changes;
      if (roll <= 40) {
        changes =
            new AmendmentChanges(
                share(credit.terms().amount(), between(60, 160)), null, null, null, "amount");
      } else if (roll <= 75) {
        changes = new AmendmentChanges(null, on.plusDays(between(-3, 120)), null, null, "expiry");
      } else if (roll <= 85) {
        changes = new AmendmentChanges(null, null, on.plusDays(between(0, 60)), null, "shipment");
      } else if (roll <= 95) {
        changes = new AmendmentChanges(null, null, null, pick(BENEFICIARIES), "transfer");
      } else {
        changes = new AmendmentChanges(null, null, null, null, "a narrative only");
      }
      return new RequestAmendment(nextId(), id, changes, on);
    }

    private LcCommand confirm() {
      return new ConfirmCredit(nextId(), new Bank("HSBCHKHHXXX", "HSBC Hong Kong"), today);
    }

    private LcCommand examine(PresentationId id, LocalDate on) {
      List<Discrepancy> found = new ArrayList<>();
      if (percent(50)) {
        for (Discrepancy discrepancy : DISCREPANCIES) {
          if (percent(40)) {
            found.add(discrepancy);
          }
        }
        if (found.isEmpty()) {
          found.add(pick(DISCREPANCIES));
        }
      }
      return new RecordExamination(nextId(), id, on, found);
    }

    private LcCommand refuse(PresentationId id, List<Discrepancy> found, LocalDate on) {
      List<Discrepancy> stated =
          percent(85) || found.isEmpty() ? found : found.subList(1, found.size());
      return new RefuseDocuments(nextId(), id, on, stated, pick(DocumentDisposal.class));
    }

    private LcCommand honour(LcState credit, PresentationId id, LocalDate on) {
      AvailableBy mode = percent(90) ? credit.terms().availableBy() : pick(AvailableBy.class);
      boolean withMaturity = mode.hasMaturity() ? percent(95) : percent(5);
      return new HonourPresentation(
          nextId(), id, on, mode, withMaturity ? on.plusDays(between(-2, 120)) : null);
    }

    private LcCommand rejectApplication(LocalDate on) {
      return new RejectApplication(nextId(), "screening hit", on);
    }

    private LcCommand cancel(boolean consent, LocalDate on) {
      return new CancelCredit(nextId(), "withdrawn", consent, on);
    }

    private Money share(Money of, int percent) {
      return new Money(
          of.amount()
              .multiply(BigDecimal.valueOf(percent, 2))
              .setScale(of.amount().scale(), RoundingMode.DOWN),
          of.currency());
    }

    // --- any command at all ----------------------------------------------------------------------

    private LcCommand anyCommand() {
      LcState credit = state.orElseThrow();
      LocalDate on = percent(80) ? today : today.minusDays(between(1, 60));
      PresentationId presentation = new PresentationId("P" + between(1, 4));
      AmendmentId amendment = new AmendmentId("A" + between(1, 3));
      return switch (between(0, 18)) {
        case 0 -> new ApplyForCredit(nextId(), credit.terms(), on);
        case 1 -> new ApproveApplication(nextId(), "credit.officer", on);
        case 2 -> rejectApplication(on);
        case 3 -> new IssueCredit(nextId(), on);
        case 4 -> new AdviseCredit(nextId(), on);
        case 5 -> confirm();
        case 6 -> requestAmendment(credit, on);
        case 7 -> new AcceptAmendment(nextId(), amendment, on);
        case 8 -> new RejectAmendment(nextId(), amendment, "declined", on);
        case 9 -> anyPresentation(credit, presentation, on);
        case 10 -> examine(presentation, on);
        case 11 -> new SeekWaiver(nextId(), presentation, on);
        case 12 -> new WaiveDiscrepancies(nextId(), presentation, on);
        case 13 -> refuse(presentation, DISCREPANCIES.subList(0, between(0, 3)), on);
        case 14 -> honour(credit, presentation, on);
        case 15 -> new ReimburseHonour(nextId(), presentation, on);
        case 16 -> new CloseCredit(nextId(), on);
        case 17 -> cancel(percent(50), on);
        default -> new ExpireCredit(nextId(), on.plusDays(between(0, 200)));
      };
    }

    private LcCommand anyPresentation(LcState credit, PresentationId id, LocalDate on) {
      Money credited = credit.terms().amount();
      Money amount =
          percent(90)
              ? share(credited, between(-5, 120))
              : new Money(
                  BigDecimal.valueOf(between(1, 100_000)),
                  Currency.getInstance(
                      credited.currency().getCurrencyCode().equals("EUR") ? "USD" : "EUR"));
      BigDecimal quantity = percent(30) ? BigDecimal.valueOf(between(0, 25_000)) : null;
      return new PresentDocuments(
          nextId(), id, amount, on.minusDays(between(-3, 30)), on, quantity, null);
    }
  }
}
