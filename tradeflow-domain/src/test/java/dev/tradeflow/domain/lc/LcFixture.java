package dev.tradeflow.domain.lc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tradeflow.domain.calendar.BankingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Given-when-then for the letter-of-credit aggregate, in the style of Axon's test fixtures: the
 * given history is folded with {@link LetterOfCredit#evolve}, the command is decided with {@link
 * LetterOfCredit#decide} against a fixed banking calendar, and the outcome is checked only by the
 * events it emits or the code it is rejected with.
 */
final class LcFixture {

  /**
   * Saturday and Sunday closed everywhere; London also closed on Christmas Day 2026 (a Friday), the
   * Boxing Day substitute Monday 2026-12-28 and New Year's Day 2027 (a Friday).
   */
  static final BankingCalendar CALENDAR =
      BankingCalendar.of(
          Map.of(
              "GB-LON",
              Set.of(
                  LocalDate.parse("2026-12-25"),
                  LocalDate.parse("2026-12-28"),
                  LocalDate.parse("2027-01-01"))));

  private final List<LcEvent> history;

  private LcFixture(List<LcEvent> history) {
    this.history = history;
  }

  /** A credit whose history is these events; none at all for a credit that does not exist. */
  static LcFixture given(LcEvent... history) {
    return new LcFixture(List.of(history));
  }

  Outcome when(LcCommand command) {
    Optional<LcState> state = fold(Optional.empty(), history);
    return new Outcome(command, state, LetterOfCredit.decide(state, command, CALENDAR));
  }

  private static Optional<LcState> fold(Optional<LcState> state, List<LcEvent> events) {
    Optional<LcState> folded = state;
    for (LcEvent event : events) {
      folded = Optional.of(LetterOfCredit.evolve(folded, event));
    }
    return folded;
  }

  /** What the aggregate decided. */
  static final class Outcome {
    private final LcCommand command;
    private final Optional<LcState> state;
    private final Decision decision;

    private Outcome(LcCommand command, Optional<LcState> state, Decision decision) {
      this.command = command;
      this.state = state;
      this.decision = decision;
    }

    /** The command is accepted with exactly these events, in this order, and they fold. */
    void thenEvents(LcEvent... expected) {
      decision
          .rejection()
          .ifPresent(
              rejection ->
                  fail(
                      "expected %s to be accepted, but it was rejected with %s: %s",
                      command.type(), rejection.code(), rejection.detail()));
      assertThat(decision.events()).containsExactly(expected);
      fold(state, decision.events());
    }

    void thenRejectedWith(RejectionCode code) {
      thenRejectedWith(code, "");
    }

    /** The command is rejected with this code, and its detail says {@code detailMentions}. */
    void thenRejectedWith(RejectionCode code, String detailMentions) {
      if (decision.isAccepted()) {
        fail(
            "expected %s to be rejected with %s, but it was accepted with %s",
            command.type(), code, decision.events());
      }
      Rejection rejection = decision.rejection().orElseThrow();
      assertThat(rejection.code()).as("rejection code (%s)", rejection.detail()).isEqualTo(code);
      assertThat(rejection.detail()).isNotBlank().contains(detailMentions);
    }
  }
}
