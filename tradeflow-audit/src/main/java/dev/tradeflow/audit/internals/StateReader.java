package dev.tradeflow.audit.internals;

import dev.tradeflow.audit.log.SequencerState;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the sequencer's compacted state topic to its end: the latest state per partition. */
final class StateReader {

  private StateReader() {}

  /** The states of {@code partitions}, by {@code topic/partition}; absent ones have none yet. */
  static Map<String, SequencerState> read(
      KafkaClients clients, Collection<TopicPartition> partitions) {
    Set<String> wanted =
        partitions.stream().map(p -> p.topic() + "/" + p.partition()).collect(Collectors.toSet());
    Map<String, SequencerState> states = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> reader =
        new KafkaConsumer<>(
            clients.readerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> statePartitions =
          reader.partitionsFor(Topics.AUDIT_SEQUENCER_STATE).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      reader.assign(statePartitions);
      reader.seekToBeginning(statePartitions);
      Map<TopicPartition, Long> end = reader.endOffsets(statePartitions);
      while (statePartitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          if (wanted.contains(key)) {
            if (record.value() == null) {
              states.remove(key);
            } else {
              states.put(key, SequencerState.fromJson(record.value()));
            }
          }
        }
      }
    }
    return states;
  }
}
