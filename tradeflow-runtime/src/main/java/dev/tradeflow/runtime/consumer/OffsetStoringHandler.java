package dev.tradeflow.runtime.consumer;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A handler that stores the position of each partition itself, with its effect, so that effect and
 * position commit or fail together. A {@link ReliableConsumer} seeks each partition it is assigned
 * to the position stored here, which may be ahead of the offset committed to Kafka: the consumer
 * commits that once a second for such a handler, and a crash may come between the two.
 */
public interface OffsetStoringHandler<K, V> extends RecordHandler<K, V> {

  /** The next offset to read of each partition that has a stored position; others are absent. */
  Map<TopicPartition, Long> storedPositions(Collection<TopicPartition> partitions) throws Exception;
}
