package dev.tradeflow.runtime.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work a {@link ReliableConsumer} does for one record. It may be called more than once for the
 * same record (after a retry, or after a crash before the commit), so its effect must be
 * idempotent. Throwing marks the record as failed: the {@link FailureClassifier} decides whether it
 * is retried.
 */
@FunctionalInterface
public interface RecordHandler<K, V> {

  void handle(ConsumerRecord<K, V> record) throws Exception;

  /**
   * Makes the effects of the records handled since the last call durable. A {@link
   * ReliableConsumer} calls it after each polled batch and before the batch's offsets are
   * committed, so a handler may group its records' effects (one database transaction for many); one
   * whose effects are durable when {@link #handle} returns has nothing to do.
   *
   * @throws Exception when they could not all be made durable: the records since the last call are
   *     read and handled again, so those that did take effect must be recognised then
   */
  default void flush() throws Exception {}
}
