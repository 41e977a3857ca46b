package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.money.Money;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The saga's settings: above which amount a checker must approve (a credit in another currency
 * always needs one: there is no exchange rate here), how long each step may take, and how many
 * times a transient step is tried before the saga compensates.
 */
public record SagaPolicy(Money approvalThreshold, Map<SagaStep, Duration> timeouts, int attempts) {

  public SagaPolicy {
    Objects.requireNonNull(approvalThreshold, "approvalThreshold");
    EnumMap<SagaStep, Duration> all = new EnumMap<>(SagaStep.class);
    all.putAll(timeouts);
    for (SagaStep step : SagaStep.values()) {
      if (!step.isFinal()
          && (all.get(step) == null || all.get(step).isNegative() || all.get(step).isZero())) {
        throw new IllegalArgumentException("a positive timeout is needed for step " + step);
      }
    }
    timeouts = Map.copyOf(all);
    if (attempts < 1) {
      throw new IllegalArgumentException("a step is tried at least once");
    }
  }

  public Duration timeout(SagaStep step) {
    return timeouts.get(step);
  }

  /** Whether an application for {@code amount} needs a checker's approval. */
  public boolean needsApproval(Money amount) {
    return !amount.sameCurrencyAs(approvalThreshold) || amount.exceeds(approvalThreshold);
  }
}
