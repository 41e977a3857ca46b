package dev.tradeflow.runtime.consumer;

import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.RetriableException;

/** Tells a failure that a later attempt may cure from one that will fail the same way again. */
@FunctionalInterface
public interface FailureClassifier {

  boolean isRetryable(Throwable failure);

  /**
   * Kafka's {@link RetriableException}s, exceptions marked {@link TransientFailure} and {@link
   * UncheckedIOException}s (a service such as the schema registry that did not answer) are
   * retryable; anything else is a property of the record and is parked at once.
   */
  static FailureClassifier defaults() {
    return failure ->
        failure instanceof RetriableException
            || failure instanceof TransientFailure
            || failure instanceof UncheckedIOException;
  }
}
