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
    return topic + "/" + partition;
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
