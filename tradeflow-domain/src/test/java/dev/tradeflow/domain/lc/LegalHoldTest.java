package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static dev.tradeflow.domain.lc.LcFixture.given;
import static dev.tradeflow.domain.lc.RejectionCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.domain.lc.LcEvent.LegalHoldPlaced;
import dev.tradeflow.domain.lc.LcEvent.LegalHoldReleased;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Legal holds: recorded as events on the credit, whatever its status, until released. */
class LegalHoldTest {

  private static final String MATTER = "SEC-2026-0113";

  @Test
  void a_hold_is_placed_on_a_credit_in_any_status_even_closed() {
    given(applied())
        .when(placeLegalHold(MATTER, "2026-02-03"))
        .thenEvents(
            new LegalHoldPlaced(MATTER, "subpoena in the matter " + MATTER, date("2026-02-03")));
    given(applied(), approved(), issued(), expired("2026-07-01"), closed("2026-07-02"))
        .when(placeLegalHold(MATTER, "2026-09-01"))
        .thenEvents(
            new LegalHoldPlaced(MATTER, "subpoena in the matter " + MATTER, date("2026-09-01")));
  }

  @Test
  void a_hold_in_force_is_not_placed_twice_and_only_a_hold_in_force_is_released() {
    LegalHoldPlaced placed = new LegalHoldPlaced(MATTER, "subpoena", date("2026-02-03"));
    given(applied(), placed)
        .when(placeLegalHold(MATTER, "2026-02-04"))
        .thenRejectedWith(ILLEGAL_STATE, "legal hold " + MATTER + " is already in force");
    given(applied(), placed)
        .when(releaseLegalHold(MATTER, "2026-05-04"))
        .thenEvents(
            new LegalHoldReleased(MATTER, "matter " + MATTER + " closed", date("2026-05-04")));
    given(applied())
        .when(releaseLegalHold(MATTER, "2026-05-04"))
        .thenRejectedWith(ILLEGAL_STATE, "no legal hold " + MATTER + " is in force");
  }

  @Test
  void the_state_lists_the_holds_in_force_and_nothing_else_changes() {
    LcState before = LetterOfCredit.replay(List.of(applied(), approved(), issued())).orElseThrow();
    LcState held =
        LetterOfCredit.evolve(
            Optional.of(before),
            new LegalHoldPlaced("FCA-2026-7", "enforcement inquiry", date("2026-03-01")));
    assertThat(held.legalHolds()).containsExactly("FCA-2026-7");
    assertThat(held.status()).isEqualTo(before.status());
    assertThat(held.terms()).isEqualTo(before.terms());
    LcState released =
        LetterOfCredit.evolve(
            Optional.of(held),
            new LegalHoldReleased("FCA-2026-7", "inquiry closed", date("2026-06-01")));
    assertThat(released.legalHolds()).isEmpty();
  }
}
