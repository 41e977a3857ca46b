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
}
