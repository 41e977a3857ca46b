package dev.tradeflow.runtime.consumer;

import org.apache.kafka.common.errors.RetriableException;

/** Tells a failure that a later attempt may cure from one that will fail the same way again. */
@FunctionalInterface
public interface FailureClassifier {

  boolean isRetryable(Throwable failure);

  /**
   * Kafka's {@link RetriableException}s and exceptions marked {@link TransientFailure} are
   * retryable; anything else is a property of the record and is parked at once.
   */
  static FailureClassifier defaults() {
    return failure -> failure instanceof RetriableException || failure instanceof TransientFailure;
  }
}
