package dev.tradeflow.audit.internals;

import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.audit.log.SequencerState;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicReader;
import dev.tradeflow.runtime.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Reads the sequencer's compacted state topic to its end: the latest state per partition. */
final class StateReader {

  private static final Duration READ_STALL = Duration.ofSeconds(30);

  private StateReader() {}

  /** The states of {@code partitions}, by {@code topic/partition}; absent ones have none yet. */
  static Map<String, SequencerState> read(
      KafkaClients clients, Collection<TopicPartition> partitions) {
    Set<String> wanted =
        partitions.stream()
            .map(p -> LogName.keyOf(p.topic(), p.partition()))
            .collect(Collectors.toSet());
    Map<String, SequencerState> states = new HashMap<>();
    TopicReader.readToEnd(
        clients,
        List.of(Topics.AUDIT_SEQUENCER_STATE),
        READ_STALL,
        record -> {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          if (wanted.contains(key)) {
            if (record.value() == null) {
              states.remove(key);
            } else {
              states.put(key, SequencerState.fromJson(record.value()));
            }
          }
        });
    return states;
  }
}
