package dev.tradeflow.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.review.CaseCommand.DecideCase;
import dev.tradeflow.domain.review.CaseCommand.OpenCase;
import dev.tradeflow.domain.review.CaseCommand.WithdrawCase;
import dev.tradeflow.domain.review.CaseEvent.CaseCleared;
import dev.tradeflow.domain.review.CaseEvent.CaseOpened;
import dev.tradeflow.domain.review.CaseEvent.CaseWithdrawn;
import dev.tradeflow.domain.review.CaseEvent.ClearanceRecorded;
import dev.tradeflow.domain.review.CaseEvent.HitConfirmed;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewCaseTest {

  private static final LcId LC = new LcId("LC-1");
  private static final CaseFinding NEAR_MATCH =
      new CaseFinding("SANCTIONS_NAME", HitLevel.REVIEW, 0.88, "beneficiary \"X\"", "SDN-1 …");
  private static final CaseFinding LISTED =
      new CaseFinding("SANCTIONS_NAME", HitLevel.BLOCK, 0.97, "beneficiary \"Y\"", "SDN-2 …");
  private static final User ALICE = new User("alice", Set.of(Role.COMPLIANCE));
  private static final User BOB = new User("bob", Set.of(Role.COMPLIANCE));
  private static final User MALLORY = new User("mallory", Set.of(Role.MAKER, Role.CHECKER));

  private static ReviewCase.Outcome given(List<CaseEvent> history, CaseCommand command) {
    Optional<CaseState> state = Optional.empty();
    for (CaseEvent event : history) {
      state = Optional.of(ReviewCase.evolve(state, event));
    }
    return ReviewCase.decide(state, command);
  }

  private static CaseOpened opened(CaseFinding... findings) {
    boolean block = List.of(findings).stream().anyMatch(f -> f.level() == HitLevel.BLOCK);
    return new CaseOpened(
        "saga-1", LC, block ? HitLevel.BLOCK : HitLevel.REVIEW, List.of(findings));
  }

  @Test
  void a_case_takes_the_level_of_its_most_serious_finding() {
    assertThat(given(List.of(), new OpenCase("saga-1", LC, List.of(NEAR_MATCH, LISTED))).events())
        .containsExactly(opened(NEAR_MATCH, LISTED));
  }

  @Test
  void one_officer_clears_a_review_level_hit() {
    assertThat(
            given(
                    List.of(opened(NEAR_MATCH)),
                    new DecideCase(ALICE, CaseDecision.CLEAR, "other DOB"))
                .events())
        .containsExactly(new CaseCleared(List.of("alice"), "other DOB"));
  }

  @Test
  void a_block_level_hit_needs_two_different_officers_to_clear() {
    assertThat(
            given(List.of(opened(LISTED)), new DecideCase(ALICE, CaseDecision.CLEAR, "not them"))
                .events())
        .containsExactly(new ClearanceRecorded("alice", "not them"));
    ReviewCase.Outcome again =
        given(
            List.of(opened(LISTED), new ClearanceRecorded("alice", "not them")),
            new DecideCase(ALICE, CaseDecision.CLEAR, "really"));
    assertThat(again.refusal())
        .map(CaseRefusal::code)
        .contains(CaseRefusal.Code.SECOND_OFFICER_REQUIRED);
    assertThat(
            given(
                    List.of(opened(LISTED), new ClearanceRecorded("alice", "not them")),
                    new DecideCase(BOB, CaseDecision.CLEAR, "agreed"))
                .events())
        .containsExactly(new CaseCleared(List.of("alice", "bob"), "agreed"));
  }

  @Test
  void one_officer_confirms_a_hit_even_after_a_first_clearance() {
    assertThat(
            given(
                    List.of(opened(LISTED), new ClearanceRecorded("alice", "not them")),
                    new DecideCase(BOB, CaseDecision.CONFIRM, "same passport"))
                .events())
        .containsExactly(new HitConfirmed("bob", "same passport"));
  }

  @Test
  void only_compliance_officers_decide_and_only_once() {
    assertThat(
            given(List.of(opened(NEAR_MATCH)), new DecideCase(MALLORY, CaseDecision.CLEAR, "x"))
                .refusal())
        .map(CaseRefusal::code)
        .contains(CaseRefusal.Code.NOT_A_COMPLIANCE_OFFICER);
    assertThat(
            given(
                    List.of(opened(NEAR_MATCH), new HitConfirmed("alice", "true hit")),
                    new DecideCase(BOB, CaseDecision.CLEAR, "x"))
                .refusal())
        .map(CaseRefusal::code)
        .contains(CaseRefusal.Code.CASE_ALREADY_DECIDED);
    assertThat(given(List.of(), new DecideCase(BOB, CaseDecision.CLEAR, "x")).refusal())
        .map(CaseRefusal::code)
        .contains(CaseRefusal.Code.CASE_NOT_FOUND);
  }

  @Test
  void a_case_its_saga_no_longer_waits_for_is_withdrawn_and_then_not_decided() {
    ReviewCase.Outcome withdrawn =
        given(List.of(opened(LISTED)), new WithdrawCase("approval not given in time"));
    assertThat(withdrawn.events()).containsExactly(new CaseWithdrawn("approval not given in time"));
    CaseState state =
        ReviewCase.evolve(
            Optional.of(ReviewCase.evolve(Optional.empty(), opened(LISTED))),
            withdrawn.events().get(0));
    assertThat(state.status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(
            given(
                    List.of(opened(LISTED), new CaseWithdrawn("late")),
                    new DecideCase(ALICE, CaseDecision.CONFIRM, "x"))
                .refusal())
        .map(CaseRefusal::code)
        .contains(CaseRefusal.Code.CASE_ALREADY_DECIDED);
    assertThat(
            given(
                    List.of(opened(LISTED), new HitConfirmed("alice", "true hit")),
                    new WithdrawCase("compensated"))
                .refusal())
        .map(CaseRefusal::code)
        .contains(CaseRefusal.Code.CASE_ALREADY_DECIDED);
  }
}
