package dev.tradeflow.domain.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.domain.issuance.SagaInput.ApplicationSubmitted;
import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.Tolerance;
import dev.tradeflow.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Given the inputs a saga has heard, when one more, then the actions it takes and the step it is
 * at: the saga is tested only by what it asks of the world.
 */
final class SagaFixture {

  static final SagaId SAGA = new SagaId("corr-1");
  static final LcId LC = new LcId("LC-1");
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final String MAKER = "maker.mary";

  static final SagaPolicy POLICY = new SagaPolicy(Money.of("250000", "USD"), timeouts(), 3);

  private static Map<SagaStep, Duration> timeouts() {
    Map<SagaStep, Duration> timeouts = new EnumMap<>(SagaStep.class);
    for (SagaStep step : SagaStep.values()) {
      if (!step.isFinal()) {
        timeouts.put(step, step.isTransient() ? Duration.ofSeconds(30) : Duration.ofHours(48));
      }
    }
    return timeouts;
  }

  static LcTerms terms(String amount, Tolerance tolerance) {
    return new LcTerms(
        new Party("Harbourside Roasters Ltd", "GB"),
        new Party("Cafe Andino Exportadora SAS", "CO"),
        new Bank("BARCGB22", "Barclays Bank PLC"),
        new Bank("BCOLCOBM", "Bancolombia"),
        Money.of(amount, "USD"),
        tolerance,
        LocalDate.parse("2026-09-30"),
        "GB-LON",
        LocalDate.parse("2026-08-31"),
        21,
        true,
        AvailableBy.SIGHT_PAYMENT,
        ConfirmationInstruction.WITHOUT,
        "Green arabica coffee beans",
        null);
  }

  static ApplicationSubmitted submitted(LcTerms terms) {
    return new ApplicationSubmitted(LC, terms, LocalDate.parse("2026-03-02"), MAKER, T0);
  }

  static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private final ApplicationSubmitted application;
  private final List<SagaInput> history;

  private SagaFixture(ApplicationSubmitted application, List<SagaInput> history) {
    this.application = application;
    this.history = history;
  }

  static SagaFixture given(ApplicationSubmitted application, SagaInput... history) {
    return new SagaFixture(application, List.of(history));
  }

  SagaState state() {
    SagaState state = IssuanceSaga.start(SAGA, application, POLICY).state();
    for (SagaInput input : history) {
      state = IssuanceSaga.on(state, input, POLICY).state();
    }
    return state;
  }

  Then when(SagaInput input) {
    return new Then(IssuanceSaga.on(state(), input, POLICY));
  }

  record Then(SagaTransition transition) {
    Then then(SagaAction... actions) {
      assertThat(transition.refusal()).as("refusal").isEmpty();
      assertThat(transition.actions()).containsExactly(actions);
      return this;
    }

    Then at(SagaStep step) {
      assertThat(transition.state().step()).isEqualTo(step);
      return this;
    }

    Then refused(String reason) {
      assertThat(transition.refusal()).hasValueSatisfying(r -> assertThat(r).contains(reason));
      assertThat(transition.actions()).isEmpty();
      return this;
    }
  }
}
