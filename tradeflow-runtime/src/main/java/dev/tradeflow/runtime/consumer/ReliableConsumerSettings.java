package dev.tradeflow.runtime.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ReliableConsumer} consumes and retries. A failed record is attempted at most {@code
 * maxAttempts} times; before attempt {@code n + 1} it waits {@code initialBackoff * multiplier^(n -
 * 1)}, capped at {@code maxBackoff}, less a random share of up to {@code jitter} of it so that
 * consumers failing together do not retry together.
 *
 * @param jitter 0 (none) to 1 (anywhere between zero and the full delay)
 */
public record ReliableConsumerSettings(
    String groupId,
    List<String> topics,
    Duration initialBackoff,
    double backoffMultiplier,
    Duration maxBackoff,
    double jitter,
    int maxAttempts,
    FailureClassifier classifier) {

  public ReliableConsumerSettings {
    Objects.requireNonNull(groupId, "groupId");
    if (groupId.isBlank()) {
      throw new IllegalArgumentException("groupId is required, got a blank one");
    }
    topics = List.copyOf(topics);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException(groupId + ": at least one topic is required");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(classifier, "classifier");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          groupId
              + ": backoff needs 0 <= initialBackoff <= maxBackoff, got "
              + initialBackoff
              + " and "
              + maxBackoff);
    }
    if (!(backoffMultiplier >= 1.0)) {
      throw new IllegalArgumentException(
          groupId + ": backoffMultiplier is at least 1, got " + backoffMultiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException(groupId + ": jitter is 0-1, got " + jitter);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          groupId + ": maxAttempts is at least 1, got " + maxAttempts);
    }
  }

  /**
   * Five attempts, 100 ms doubling up to 30 s with 20% jitter, the {@link
   * FailureClassifier#defaults() default classifier}.
   */
  public static ReliableConsumerSettings of(String groupId, List<String> topics) {
    return new ReliableConsumerSettings(
        groupId,
        topics,
        Duration.ofMillis(100),
        2.0,
        Duration.ofSeconds(30),
        0.2,
        5,
        FailureClassifier.defaults());
  }

  public ReliableConsumerSettings withRetries(
      Duration initialBackoff, double backoffMultiplier, Duration maxBackoff, int maxAttempts) {
    return new ReliableConsumerSettings(
        groupId,
        topics,
        initialBackoff,
        backoffMultiplier,
        maxBackoff,
        jitter,
        maxAttempts,
        classifier);
  }

  public ReliableConsumerSettings withClassifier(FailureClassifier classifier) {
    return new ReliableConsumerSettings(
        groupId,
        topics,
        initialBackoff,
        backoffMultiplier,
        maxBackoff,
        jitter,
        maxAttempts,
        classifier);
  }

  /**
   * The wait before the next attempt.
   *
   * @param failedAttempts how many attempts have failed so far, at least 1
   * @param random a uniform draw from [0, 1), which picks the jitter
   */
  public Duration backoff(int failedAttempts, double random) {
    double base =
        initialBackoff.toNanos() * Math.pow(backoffMultiplier, Math.max(0, failedAttempts - 1));
    double capped = Math.min(base, maxBackoff.toNanos());
    return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
  }
}
