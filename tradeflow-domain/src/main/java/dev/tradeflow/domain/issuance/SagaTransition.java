package dev.tradeflow.domain.issuance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an input did to the saga: its new state and the actions to take, or, for an input the saga
 * refuses (a maker approving their own application), the unchanged state and the reason.
 */
public record SagaTransition(SagaState state, List<SagaAction> actions, Optional<String> refusal) {

  public SagaTransition {
    Objects.requireNonNull(state, "state");
    actions = List.copyOf(actions);
    Objects.requireNonNull(refusal, "refusal");
  }

  static SagaTransition to(SagaState state, SagaAction... actions) {
    return new SagaTransition(state, List.of(actions), Optional.empty());
  }

  static SagaTransition refused(SagaState state, String reason) {
    return new SagaTransition(state, List.of(), Optional.of(reason));
  }
}
