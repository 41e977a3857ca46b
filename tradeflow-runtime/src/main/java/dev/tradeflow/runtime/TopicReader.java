package dev.tradeflow.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their beginning to their end as of the call, committed records only, without a
 * consumer group: for tools and verifiers that need everything a topic holds.
 */
public final class TopicReader {

  private static final Duration POLL = Duration.ofMillis(200);

  private TopicReader() {}

  /** The partitions of {@code topics}; a topic that does not exist has none. */
  public static List<TopicPartition> partitionsOf(
      KafkaClients clients, Collection<String> topics, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer = newReader(clients)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos != null) {
          infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
      }
      return partitions;
    }
  }

  /** Every record of {@code topics}, partition by partition in offset order, to {@code each}. */
  public static void readToEnd(
      KafkaClients clients,
      Collection<String> topics,
      Duration stall,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    readPartitionsToEnd(clients, partitionsOf(clients, topics, stall), stall, each);
  }

  /**
   * Every record of {@code partitions} up to their end as of now, in offset order per partition.
   *
   * @throws KafkaException when no record arrives for {@code stall} before the end is reached
   */
  public static void readPartitionsToEnd(
      KafkaClients clients,
      List<TopicPartition> partitions,
      Duration stall,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    if (partitions.isEmpty()) {
      return;
    }
    try (KafkaConsumer<byte[], byte[]> consumer = newReader(clients)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stall);
      Instant deadline = Instant.now().plus(stall);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new KafkaException(
              "could not read " + partitions + " to their end: nothing arrived in " + stall);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          deadline = Instant.now().plus(stall);
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            each.accept(record);
          }
        }
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> newReader(KafkaClients clients) {
    return new KafkaConsumer<>(
        clients.readerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
