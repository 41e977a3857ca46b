package dev.tradeflow.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Consumed records as the layers above the stored bytes see them. */
public final class KafkaRecords {

  private KafkaRecords() {}

  /**
   * {@code record} with another key and value (decoded, or decrypted): its topic, partition,
   * offset, timestamp, sizes as stored, headers and leader epoch stay.
   */
  public static <K, V> ConsumerRecord<K, V> withKeyAndValue(
      ConsumerRecord<?, ?> record, K key, V value) {
    return new ConsumerRecord<>(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.timestampType(),
        record.serializedKeySize(),
        record.serializedValueSize(),
        key,
        value,
        record.headers(),
        record.leaderEpoch());
  }
}
