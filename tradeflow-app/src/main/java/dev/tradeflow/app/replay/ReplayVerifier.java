package dev.tradeflow.app.replay;

import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.app.processor.AggregateSnapshot;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.replay.ReplayReport.Divergence;
import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LetterOfCredit;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.crypto.SealedStores;
import dev.tradeflow.schemas.EventSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Rebuilds every letter of credit from the log of record and proves it equals the live state: it
 * reads {@code tf.lc.events} from offset 0 with a fresh consumer, checks each aggregate's hash
 * chain, folds the events with {@code evolve}, then compares the result with the command
 * processor's store as kept in its changelog topic.
 */
public final class ReplayVerifier {

  private final Map<String, Object> consumerProps;
  private final RecordEncryption encryption;
  private final EventSerde eventSerde;
  private final String aggregateChangelog;
  private final String historyChangelog;

  public ReplayVerifier(KafkaClients clients, EventSerde eventSerde, String streamsApplicationId) {
    this.consumerProps = Map.copyOf(clients.readerProps());
    this.encryption = clients.encryption();
    this.eventSerde = eventSerde;
    this.aggregateChangelog =
        streamsApplicationId + "-" + CommandProcessor.AGGREGATE_STORE + "-changelog";
    this.historyChangelog =
        streamsApplicationId + "-" + CommandProcessor.HISTORY_STORE + "-changelog";
  }

  public ReplayReport verify() {
    long started = System.nanoTime();
    // The processor writes an LC's events and its store update in one transaction. The store is
    // read first and the log after, to ends taken after the store's: every event committed before
    // the store was read (offsets below eventsBefore) must be reflected in it, and later ones may
    // run ahead of it without being a divergence.
    Map<TopicPartition, Long> eventsBefore = endOffsets(Topics.LC_EVENTS);
    Map<String, AggregateSnapshot> live = readStore();
    Map<String, byte[]> history = readHistory();
    Map<TopicPartition, Long> eventsAfter = endOffsets(Topics.LC_EVENTS);
    Map<String, Rebuilt> rebuilt = new HashMap<>();
    List<Divergence> divergences = new ArrayList<>();
    long[] eventsRead = {0};
    readAll(
        eventsAfter,
        record -> {
          eventsRead[0]++;
          boolean beforeStore =
              record.offset()
                  < eventsBefore.getOrDefault(
                      new TopicPartition(record.topic(), record.partition()), 0L);
          replay(record, beforeStore, live, history, rebuilt, divergences);
        });
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    compare(rebuilt, live, divergences);
    history.keySet().stream()
        .filter(key -> !rebuilt.getOrDefault(key.substring(0, key.indexOf('/')), NONE).broken)
        .sorted()
        .forEach(
            key ->
                divergences.add(
                    new Divergence(
                        key.substring(0, key.indexOf('/')),
                        Long.parseLong(key.substring(key.indexOf('/') + 1)),
                        "history store",
                        "the history store holds an event the log does not")));
    return new ReplayReport(eventsRead[0], rebuilt.size(), live.size(), elapsed, divergences);
  }

  /** The event history the API serves, as kept in its changelog: key to stored event bytes. */
  private Map<String, byte[]> readHistory() {
    Map<String, byte[]> history = new HashMap<>();
    readAll(
        endOffsets(historyChangelog),
        record -> {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          byte[] value = opened(CommandProcessor.HISTORY_STORE, key, record.value());
          if (value == null) {
            history.remove(key);
          } else {
            history.put(key, value);
          }
        });
    return history;
  }

  /**
   * A changelog value as its store reads it; null for a tombstone, and for a shredded credit's,
   * which the store passes over too.
   */
  private byte[] opened(String store, String key, byte[] stored) {
    return stored == null
        ? null
        : SealedStores.openUnlessShredded(
                encryption, store, key, CommandProcessor.creditOf(key), stored)
            .orElse(null);
  }

  private Map<String, AggregateSnapshot> readStore() {
    Map<String, AggregateSnapshot> live = new HashMap<>();
    var snapshots = JsonSerde.of(AggregateSnapshot.class).deserializer();
    readAll(
        endOffsets(aggregateChangelog),
        record -> {
          String lcId = new String(record.key(), StandardCharsets.UTF_8);
          byte[] value = opened(CommandProcessor.AGGREGATE_STORE, lcId, record.value());
          if (value == null) {
            live.remove(lcId);
          } else {
            live.put(lcId, snapshots.deserialize(aggregateChangelog, value));
          }
        });
    return live;
  }

  private void replay(
      ConsumerRecord<byte[], byte[]> record,
      boolean beforeStore,
      Map<String, AggregateSnapshot> live,
      Map<String, byte[]> history,
      Map<String, Rebuilt> rebuilt,
      List<Divergence> divergences) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    String key = record.key() == null ? "?" : new String(record.key(), StandardCharsets.UTF_8);
    RecordedEvent<LcEvent> event;
    byte[] plaintext;
    try {
      plaintext = encryption.open(record);
      event = eventSerde.deserialize(record.topic(), plaintext);
    } catch (RuntimeException e) {
      divergences.add(new Divergence(key, 0, where, "undecodable event: " + e.getMessage()));
      rebuilt.computeIfAbsent(key, k -> new Rebuilt()).broken = true;
      return;
    }
    Rebuilt lc = rebuilt.computeIfAbsent(event.aggregateId(), k -> new Rebuilt());
    if (lc.broken) {
      return;
    }
    if (!event.aggregateId().equals(key)) {
      divergences.add(
          new Divergence(
              event.aggregateId(),
              event.aggregateVersion(),
              where,
              "stored under key " + key + ", not its aggregate id"));
      lc.broken = true;
      return;
    }
    Optional<HashChain.ChainBreak> chainBreak = HashChain.verifyNext(lc.head, event);
    if (chainBreak.isPresent()) {
      divergences.add(
          new Divergence(
              event.aggregateId(), event.aggregateVersion(), where, chainBreak.get().reason()));
      lc.broken = true;
      return;
    }
    // The API serves an LC's events from the history store: each must be the stored event.
    byte[] served = history.remove(CommandProcessor.historyKey(key, event.aggregateVersion()));
    if (served == null ? beforeStore : !Arrays.equals(served, plaintext)) {
      divergences.add(
          new Divergence(
              key,
              event.aggregateVersion(),
              where,
              served == null
                  ? "the event is missing from the history store"
                  : "the history store holds other bytes for this event"));
    }
    try {
      lc.state = Optional.of(LetterOfCredit.evolve(lc.state, event.payload()));
      lc.head = ChainHead.of(event);
      if (beforeStore) {
        lc.versionBeforeStore = event.aggregateVersion();
      }
      AggregateSnapshot stored = live.get(event.aggregateId());
      if (stored != null && stored.head().version() == event.aggregateVersion()) {
        lc.atStoreVersion = lc.state;
        lc.headAtStoreVersion = lc.head;
      }
    } catch (RuntimeException e) {
      divergences.add(
          new Divergence(
              event.aggregateId(),
              event.aggregateVersion(),
              where,
              "cannot fold: " + e.getMessage()));
      lc.broken = true;
    }
  }

  private static void compare(
      Map<String, Rebuilt> rebuilt,
      Map<String, AggregateSnapshot> live,
      List<Divergence> divergences) {
    Set<String> ids = new TreeSet<>(rebuilt.keySet());
    ids.addAll(live.keySet());
    for (String lcId : ids) {
      Rebuilt fromLog = rebuilt.getOrDefault(lcId, new Rebuilt());
      AggregateSnapshot stored = live.get(lcId);
      long storedVersion = stored == null ? 0 : stored.head().version();
      if (fromLog.broken) {
        continue;
      }
      if (storedVersion < fromLog.versionBeforeStore) {
        divergences.add(
            new Divergence(
                lcId,
                fromLog.versionBeforeStore,
                "live store",
                "the log holds version "
                    + fromLog.versionBeforeStore
                    + " but the store "
                    + (stored == null ? "has no such credit" : "is at version " + storedVersion)));
      } else if (storedVersion > fromLog.head.version()) {
        divergences.add(
            new Divergence(
                lcId,
                storedVersion,
                "live store",
                "the store is at version "
                    + storedVersion
                    + " but the log only reaches version "
                    + fromLog.head.version()));
      } else if (stored != null
          && (!stored.head().equals(fromLog.headAtStoreVersion)
              || !fromLog.atStoreVersion.map(s -> s.equals(stored.state())).orElse(false))) {
        divergences.add(
            new Divergence(
                lcId,
                storedVersion,
                "live store",
                "the stored state or hash at version "
                    + storedVersion
                    + " differs from the one rebuilt from the log"));
      }
    }
  }

  /** The last stable offsets of a topic's partitions (none when the topic does not exist). */
  private Map<TopicPartition, Long> endOffsets(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.listTopics(Duration.ofSeconds(30)).getOrDefault(topic, List.of()).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions);
    }
  }

  /** Reads partitions from their beginning up to the given end offsets. */
  private void readAll(
      Map<TopicPartition, Long> end, Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = List.copyOf(end.keySet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Set<TopicPartition> remaining = new HashSet<>();
      for (TopicPartition tp : partitions) {
        if (end.get(tp) > consumer.position(tp)) {
          remaining.add(tp);
        }
      }
      while (!remaining.isEmpty()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < end.get(tp)) {
            onRecord.accept(record);
          }
        }
        remaining.removeIf(tp -> consumer.position(tp) >= end.get(tp));
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static final Rebuilt NONE = new Rebuilt();

  /** One LC as the log rebuilds it, and as it stood at the version the store holds. */
  private static final class Rebuilt {
    ChainHead head = ChainHead.EMPTY;
    Optional<LcState> state = Optional.empty();
    long versionBeforeStore;
    ChainHead headAtStoreVersion;
    Optional<LcState> atStoreVersion = Optional.empty();
    boolean broken;
  }
}
