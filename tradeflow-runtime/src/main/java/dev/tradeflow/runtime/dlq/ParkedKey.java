package dev.tradeflow.runtime.dlq;

import java.util.Objects;

/**
 * A key whose records a {@code ReliableConsumer} sends to the dead-letter queue instead of its
 * handler, because an earlier record with that key was parked there.
 *
 * @param keyHex the record key's bytes in lower-case hex, so that any key format is shown exactly
 * @param partition the partition of {@code topic} the first parked record came from
 * @param firstOffset the offset of the first parked record, which later ones are parked behind
 */
public record ParkedKey(String topic, int partition, String keyHex, long firstOffset) {

  public ParkedKey {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(keyHex, "keyHex");
  }
}
