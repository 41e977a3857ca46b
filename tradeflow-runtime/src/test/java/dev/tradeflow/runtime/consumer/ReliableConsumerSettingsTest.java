package dev.tradeflow.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ReliableConsumerSettingsTest {

  private final ReliableConsumerSettings settings =
      ReliableConsumerSettings.of("g", List.of("t"))
          .withRetries(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 10);

  @Test
  void backoff_grows_exponentially_up_to_the_maximum() {
    assertThat(settings.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.backoff(4, 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(settings.backoff(5, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoff(60, 0.0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitter_takes_off_at_most_its_share_of_the_delay() {
    assertThat(settings.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(180));
    assertThat(settings.backoff(2, 0.999)).isGreaterThan(Duration.ofMillis(160));
  }

  @Test
  void retries_kafka_retriable_and_transient_failures_only() {
    FailureClassifier classifier = FailureClassifier.defaults();

    assertThat(classifier.isRetryable(new TimeoutException("slow broker"))).isTrue();
    assertThat(classifier.isRetryable(new Flaky())).isTrue();
    assertThat(classifier.isRetryable(new IllegalStateException("bad record"))).isFalse();
  }

  @Test
  void refuses_settings_that_cannot_work() {
    assertThatThrownBy(() -> settings.withRetries(Duration.ofSeconds(2), 2.0, Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialBackoff <= maxBackoff");
    assertThatThrownBy(() -> settings.withRetries(Duration.ZERO, 2.0, Duration.ZERO, 0))
        .hasMessage("g: maxAttempts is at least 1, got 0");
    assertThatThrownBy(() -> ReliableConsumerSettings.of("g", List.of()))
        .hasMessage("g: at least one topic is required");
  }

  private static final class Flaky extends RuntimeException implements TransientFailure {}
}
