package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replaying a history: what the events make of a credit, and histories that no decision could have
 * written (a corrupt or reordered log), which the replay refuses instead of folding.
 */
class ReplayTest {

  @Test
  void nothing_is_replayed_from_an_empty_history() {
    assertThat(LetterOfCredit.replay(List.of())).isEmpty();
  }

  @Test
  void a_replayed_history_keeps_what_the_events_carry() {
    LcState state =
        LetterOfCredit.replay(
                List.of(
                    applied(terms().expiring("2026-10-31")),
                    approved(),
                    issued("2026-11-02"),
                    advised(),
                    confirmed(),
                    presented(drawing("60000.00")),
                    presented(presentation(P2), drawing("30000.00"), presentedOn("2026-03-11")),
                    examined(P2, "2026-03-12", LATE_SHIPMENT),
                    refused(P2, "2026-03-13", LATE_SHIPMENT)))
            .orElseThrow();

    assertThat(state.status()).isEqualTo(LcStatus.CONFIRMED);
    assertThat(state.issuedOn()).isEqualTo(ISSUED_ON);
    assertThat(state.effectiveExpiryDate()).isEqualTo(date("2026-11-02"));
    assertThat(state.confirmingBank()).isEqualTo(CONFIRMING_BANK);
    assertThat(state.presentations())
        .extracting(Presentation::status)
        .containsExactly(PresentationStatus.PRESENTED, PresentationStatus.REFUSED);
    assertThat(state.drawn()).isEqualTo(usd("60000.00"));
    assertThat(state.hasOutstandingPresentations()).isTrue();
  }

  @Test
  void an_accepted_amendment_changes_the_terms_and_the_expiry() {
    LcState state =
        LetterOfCredit.replay(
                List.of(
                    applied(),
                    approved(),
                    issued(),
                    amendmentRequested(
                        new AmendmentChanges(
                            usd("150000.00"), date("2027-01-01"), null, NEW_BENEFICIARY, "all")),
                    amendmentAccepted("2026-03-04", "2027-01-04")))
            .orElseThrow();

    assertThat(state.terms().amount()).isEqualTo(usd("150000.00"));
    assertThat(state.terms().expiryDate()).isEqualTo(date("2027-01-01"));
    assertThat(state.terms().beneficiary()).isEqualTo(NEW_BENEFICIARY);
    assertThat(state.effectiveExpiryDate()).isEqualTo(date("2027-01-04"));
    assertThat(state.pendingAmendment()).isEmpty();
    assertThat(state.amendments())
        .extracting(Amendment::status)
        .containsExactly(AmendmentStatus.AMENDED);
  }

  @Test
  void a_credit_is_applied_for_once() {
    assertThatThrownBy(() -> LetterOfCredit.replay(List.of(applied(), applied())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("existing credit");
  }

  @Test
  void a_history_starts_with_the_application() {
    assertThatThrownBy(() -> LetterOfCredit.replay(List.of(approved())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ApplicationApproved before CreditApplied");
  }

  @Test
  void an_answer_needs_a_pending_amendment() {
    assertThatThrownBy(
            () ->
                LetterOfCredit.replay(
                    List.of(
                        applied(),
                        approved(),
                        issued(),
                        amendmentAccepted("2026-03-04", "2026-06-30"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no pending amendment A1");
  }

  @Test
  void an_examination_needs_its_presentation() {
    assertThatThrownBy(
            () ->
                LetterOfCredit.replay(
                    List.of(applied(), approved(), issued(), examined("2026-03-11"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no presentation P1");
  }
}
