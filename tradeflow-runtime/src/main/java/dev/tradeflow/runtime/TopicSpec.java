package dev.tradeflow.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic as Tradeflow needs it.
 *
 * @param configs topic-level configs such as {@code retention.ms}
 */
public record TopicSpec(
    String name, int partitions, int replicationFactor, Map<String, String> configs) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a topic name is not blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions is at least 1, got " + partitions);
    }
    if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + ": replicationFactor is 1-" + Short.MAX_VALUE + ", got " + replicationFactor);
    }
    configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
  }

  /**
   * True for a log of record (an events topic): deleting by time or size is off and it is never
   * compacted, so every event ever written can be replayed.
   */
  public boolean keepsEveryRecord() {
    return TopicConfig.CLEANUP_POLICY_DELETE.equals(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG))
        && "-1".equals(configs.get(TopicConfig.RETENTION_MS_CONFIG));
  }
}
