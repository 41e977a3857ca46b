package dev.tradeflow.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

/** Given facility events, when a command, then the events it emits or the refusal. */
final class FacilityFixture {

  private final List<FacilityEvent> history;

  private FacilityFixture(List<FacilityEvent> history) {
    this.history = history;
  }

  static FacilityFixture given(FacilityEvent... history) {
    return new FacilityFixture(List.of(history));
  }

  static Optional<FacilityState> fold(List<FacilityEvent> events) {
    Optional<FacilityState> state = Optional.empty();
    for (FacilityEvent event : events) {
      state = Optional.of(CreditFacility.evolve(state, event));
    }
    return state;
  }

  Outcome when(FacilityCommand command) {
    return new Outcome(CreditFacility.decide(fold(history), command));
  }

  record Outcome(FacilityDecision decision) {
    void then(FacilityEvent... expected) {
      assertThat(decision.refusal()).as("refusal").isEmpty();
      assertThat(decision.events()).containsExactly(expected);
    }

    void thenNothingNew() {
      then();
    }

    FacilityRefusal thenRefused(FacilityRefusal.Code code) {
      assertThat(decision.refusal()).as("refusal").isPresent();
      assertThat(decision.refusal().get().code()).isEqualTo(code);
      return decision.refusal().get();
    }
  }
}
