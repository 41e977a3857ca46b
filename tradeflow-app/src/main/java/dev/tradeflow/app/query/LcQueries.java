package dev.tradeflow.app.query;

import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.processor.AggregateSnapshot;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.processor.RememberedOutcome;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.schemas.EventSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries over the command processor's stores. Each instance answers for the partitions
 * it holds; {@link #ownerOf} tells the API where to send a query for another one.
 */
public final class LcQueries {

  private final KafkaStreams streams;
  private final HostInfo self;
  private final EventSerde eventSerde;

  public LcQueries(KafkaStreams streams, HostInfo self, EventSerde eventSerde) {
    this.streams = streams;
    this.self = self;
    this.eventSerde = eventSerde;
  }

  /** The instance that holds this LC's partition: empty when it is this one. */
  public Optional<HostInfo> remoteOwnerOf(LcId lcId) {
    return remoteOwnerOf(streams, self, CommandProcessor.AGGREGATE_STORE, lcId.value());
  }

  /**
   * The instance whose active task holds {@code key} in {@code store} (a store partitioned by that
   * key): empty when it is {@code self}.
   */
  public static Optional<HostInfo> remoteOwnerOf(
      KafkaStreams streams, HostInfo self, String store, String key) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, new StringSerializer());
    if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
      // The partitions are being (re)assigned: nobody can answer for this key right now.
      throw new InvalidStateStoreException("the partition of " + key + " is being reassigned");
    }
    if (metadata.activeHost().equals(self)) {
      return Optional.empty();
    }
    return Optional.of(metadata.activeHost());
  }

  /** The other instances of this application, for queries that span every partition. */
  public Set<HostInfo> otherInstances() {
    return streams.metadataForAllStreamsClients().stream()
        .map(StreamsMetadata::hostInfo)
        .filter(host -> !host.equals(self))
        .collect(Collectors.toSet());
  }

  public Optional<AggregateSnapshot> snapshot(LcId lcId) {
    return Optional.ofNullable(aggregates().get(lcId.value()));
  }

  /** The remembered outcome of one of the LC's commands (held by the LC's instance). */
  public Optional<CommandResult> outcome(LcId lcId, CommandId commandId) {
    ReadOnlyWindowStore<String, RememberedOutcome> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                CommandProcessor.OUTCOME_STORE,
                QueryableStoreTypes.<String, RememberedOutcome>windowStore()));
    CommandResult latest = null;
    try (WindowStoreIterator<RememberedOutcome> it =
        store.fetch(
            RememberedOutcome.key(lcId.value(), commandId.value()), Instant.EPOCH, Instant.now())) {
      while (it.hasNext()) {
        latest = it.next().value.result();
      }
    }
    return Optional.ofNullable(latest);
  }

  public Optional<LcView> view(LcId lcId) {
    return snapshot(lcId).map(snapshot -> LcView.of(lcId, snapshot));
  }

  /** The LC's events in version order, as stored in the log. */
  public List<RecordedEvent<LcEvent>> history(LcId lcId) {
    ReadOnlyKeyValueStore<String, byte[]> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                CommandProcessor.HISTORY_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore()));
    List<RecordedEvent<LcEvent>> events = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it =
        store.prefixScan(
            CommandProcessor.historyPrefix(lcId.value()), Serdes.String().serializer())) {
      while (it.hasNext()) {
        events.add(eventSerde.deserialize(Topics.LC_EVENTS, it.next().value));
      }
    }
    return events;
  }

  /** The LCs this instance holds, optionally only those in one status, ordered by id. */
  public List<LcSummary> localList(Optional<LcStatus> status) {
    List<LcSummary> list = new ArrayList<>();
    try (KeyValueIterator<String, AggregateSnapshot> it = aggregates().all()) {
      while (it.hasNext()) {
        KeyValue<String, AggregateSnapshot> entry = it.next();
        AggregateSnapshot snapshot = entry.value;
        if (status.isEmpty() || snapshot.state().status() == status.get()) {
          list.add(LcSummary.of(new LcId(entry.key), snapshot.head().version(), snapshot.state()));
        }
      }
    }
    list.sort(Comparator.comparing(s -> s.lcId().value()));
    return list;
  }

  private ReadOnlyKeyValueStore<String, AggregateSnapshot> aggregates() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            CommandProcessor.AGGREGATE_STORE,
            QueryableStoreTypes.<String, AggregateSnapshot>keyValueStore()));
  }
}
