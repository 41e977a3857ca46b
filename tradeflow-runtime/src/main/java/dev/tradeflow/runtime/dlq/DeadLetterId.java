package dev.tradeflow.runtime.dlq;

import java.util.Objects;

/**
 * Where a dead letter sits: its dead-letter topic, partition and offset, written {@code
 * <topic>:<partition>:<offset>} (Kafka topic names cannot hold a colon).
 */
public record DeadLetterId(String topic, int partition, long offset)
    implements Comparable<DeadLetterId> {

  public DeadLetterId {
    Objects.requireNonNull(topic, "topic");
    if (topic.isBlank() || topic.contains(":")) {
      throw new IllegalArgumentException("not a topic name: \"" + topic + "\"");
    }
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException("partition and offset are never negative");
    }
  }

  /**
   * Reads {@code <topic>:<partition>:<offset>}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static DeadLetterId parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split(":", -1);
    try {
      if (parts.length == 3) {
        return new DeadLetterId(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
      }
    } catch (IllegalArgumentException e) {
      // reported below with the expected form
    }
    throw new IllegalArgumentException(
        "expected a dead letter id <topic>:<partition>:<offset> such as tf.lc.events.dlq:0:12, got \""
            + text
            + "\"");
  }

  @Override
  public int compareTo(DeadLetterId other) {
    int byTopic = topic.compareTo(other.topic);
    if (byTopic != 0) {
      return byTopic;
    }
    int byPartition = Integer.compare(partition, other.partition);
    return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
  }

  @Override
  public String toString() {
    return topic + ":" + partition + ":" + offset;
  }
}
