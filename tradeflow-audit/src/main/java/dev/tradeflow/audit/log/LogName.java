package dev.tradeflow.audit.log;

import java.util.Objects;

/**
 * Which Merkle log: one per audited topic-partition, named {@code <origin>/<topic>/<partition>} in
 * its checkpoints, so that a checkpoint of one partition never passes for another's.
 */
public record LogName(String origin, String topic, int partition) {

  public LogName {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(topic, "topic");
  }

  /** The checkpoint origin line. */
  public String checkpointOrigin() {
    return origin + "/" + topic + "/" + partition;
  }

  /** The key of this log's records in the audit topics. */
  public String key() {
    return keyOf(topic, partition);
  }

  /** The key of a partition's log: {@code topic/partition}. */
  public static String keyOf(String topic, int partition) {
    return topic + "/" + partition;
  }

  /**
   * The log of a key.
   *
   * @throws IllegalArgumentException when {@code key} is not {@code topic/partition}
   */
  public static LogName parse(String origin, String key) {
    int slash = key.lastIndexOf('/');
    try {
      return new LogName(
          origin, key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a topic/partition: " + key, e);
    }
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
