package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaPolicy;
import dev.tradeflow.domain.issuance.SagaStep;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.runtime.TradeflowConfig.SagaSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The saga's policy from {@code saga.*}. */
public final class SagaPolicies {

  private SagaPolicies() {}

  public static SagaPolicy of(SagaSettings settings) {
    Map<SagaStep, Duration> timeouts = new EnumMap<>(SagaStep.class);
    for (SagaStep step : SagaStep.values()) {
      if (step.isTransient()) {
        timeouts.put(step, settings.stepTimeout());
      }
    }
    timeouts.put(SagaStep.AWAITING_REVIEW, settings.reviewTimeout());
    timeouts.put(SagaStep.AWAITING_APPROVAL, settings.approvalTimeout());
    return new SagaPolicy(
        Money.of(settings.approvalThreshold().toPlainString(), settings.approvalCurrency()),
        timeouts,
        settings.attempts());
  }
}
