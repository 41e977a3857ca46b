package dev.tradeflow.runtime.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicReader;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's view of every dead-letter topic ({@code *.dlq}): list and show dead letters,
 * replay them onto their original topic, purge them with a reason. Each replay and purge is
 * recorded in {@code tf.dlq.actions}, which is also what marks a dead letter resolved.
 *
 * <p>A replay re-publishes the original key, value and headers to the original partition, in
 * dead-letter order, without the {@code tf-dlq-*} headers and with {@link
 * DeadLetterHeaders#REPLAY_OF} and {@link DeadLetterHeaders#REPLAY_ORIGINAL}: a {@code
 * ReliableConsumer} that parked the key releases it on the first replayed record, and its
 * idempotency store keeps an effect from being applied twice.
 */
public final class DeadLetterQueues implements AutoCloseable {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaClients clients;
  private final Clock clock;
  private Producer<byte[], byte[]> producer;

  public DeadLetterQueues(KafkaClients clients, Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Dead letters by id, of one original topic (or its dead-letter topic) or of all.
   *
   * @param includeResolved also those replayed or purged already
   */
  public List<DeadLetterEntry> list(Optional<String> topic, boolean includeResolved) {
    Map<DeadLetterId, DeadLetterAction> actions = actions();
    List<DeadLetterEntry> entries = new ArrayList<>();
    for (DeadLetter letter : read(deadLetterTopics(topic))) {
      DeadLetterEntry entry =
          new DeadLetterEntry(letter, Optional.ofNullable(actions.get(letter.id())));
      if (includeResolved || entry.isOpen()) {
        entries.add(entry);
      }
    }
    return entries;
  }

  public Optional<DeadLetterEntry> find(DeadLetterId id) {
    return list(Optional.of(id.topic()), true).stream()
        .filter(entry -> entry.letter().id().equals(id))
        .findFirst();
  }

  /**
   * The dead letter with this id.
   *
   * @throws DeadLetterRefused when there is none
   */
  public DeadLetterEntry get(DeadLetterId id) {
    return find(id)
        .orElseThrow(
            () -> new DeadLetterRefused(DeadLetterRefused.Why.NOT_FOUND, "no dead letter " + id));
  }

  /**
   * Re-publishes the selected open dead letters to their original topics, oldest first, and records
   * each replay.
   *
   * @throws DeadLetterRefused when the selection names an unknown or resolved dead letter, or one
   *     that an older open dead letter of its key must precede
   */
  public List<DeadLetterAction> replay(ReplaySelection selection, String actor) {
    List<DeadLetterEntry> selected = select(selection);
    List<DeadLetterAction> done = new ArrayList<>();
    for (DeadLetterEntry entry : selected) {
      DeadLetter letter = entry.letter();
      RecordMetadata written =
          await(
              producer()
                  .send(
                      new ProducerRecord<>(
                          letter.originalTopic(),
                          letter.originalPartition(),
                          letter.key(),
                          letter.value(),
                          replayHeaders(letter))),
              "replay " + letter.id() + " to " + letter.originalTopic());
      done.add(
          record(
              new DeadLetterAction(
                  letter.id(),
                  DeadLetterAction.Kind.REPLAYED,
                  clock.instant(),
                  actor,
                  Optional.empty(),
                  Optional.of(
                      written.topic() + ":" + written.partition() + ":" + written.offset()))));
    }
    return done;
  }

  /**
   * Resolves a dead letter without replaying it, with the reason in the audit trail.
   *
   * @throws DeadLetterRefused when the reason is blank or the dead letter unknown or resolved
   */
  public DeadLetterAction purge(DeadLetterId id, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw new DeadLetterRefused(
          DeadLetterRefused.Why.NO_REASON, "a purge needs a reason for the audit trail");
    }
    DeadLetterEntry entry = openEntry(id);
    return record(
        new DeadLetterAction(
            entry.letter().id(),
            DeadLetterAction.Kind.PURGED,
            clock.instant(),
            actor,
            Optional.of(reason.strip()),
            Optional.empty()));
  }

  /**
   * The keys a consumer group has open dead letters for, per original topic, each with the oldest
   * one: what a restarted {@code ReliableConsumer} keeps parking behind.
   */
  public Set<ParkedKey> openParkedKeys(String groupId, Collection<String> topics) {
    Map<String, ParkedKey> oldest = new LinkedHashMap<>();
    for (DeadLetterEntry entry : list(Optional.empty(), false)) {
      DeadLetter letter = entry.letter();
      if (letter.key() == null
          || !groupId.equals(letter.consumerGroup())
          || !topics.contains(letter.originalTopic())) {
        continue;
      }
      oldest.putIfAbsent(
          letter.originalTopic() + '\u0000' + letter.keyHex(),
          new ParkedKey(
              letter.originalTopic(),
              letter.originalPartition(),
              letter.keyHex(),
              letter.originalOffset()));
    }
    return Set.copyOf(oldest.values());
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close();
    }
  }

  private List<DeadLetterEntry> select(ReplaySelection selection) {
    if (selection instanceof ReplaySelection.One one) {
      DeadLetterEntry entry = openEntry(one.id());
      DeadLetter letter = entry.letter();
      list(Optional.of(letter.id().topic()), false).stream()
          .map(DeadLetterEntry::letter)
          .filter(
              older ->
                  older.id().compareTo(letter.id()) < 0
                      && older.keyHex() != null
                      && older.keyHex().equals(letter.keyHex())
                      && older.consumerGroup().equals(letter.consumerGroup()))
          .findFirst()
          .ifPresent(
              older -> {
                throw new DeadLetterRefused(
                    DeadLetterRefused.Why.OUT_OF_ORDER,
                    "dead letter "
                        + older.id()
                        + " of the same key is older and still open: replay it first, or"
                        + " replay the key, so that the key's records keep their order");
              });
      return List.of(entry);
    }
    if (selection instanceof ReplaySelection.ByKey byKey) {
      byte[] key = byKey.key().getBytes(StandardCharsets.UTF_8);
      String keyHex = java.util.HexFormat.of().formatHex(key);
      List<DeadLetterEntry> entries =
          list(byKey.topic(), false).stream()
              .filter(entry -> keyHex.equals(entry.letter().keyHex()))
              .toList();
      if (entries.isEmpty()) {
        throw new DeadLetterRefused(
            DeadLetterRefused.Why.NOT_FOUND,
            "no open dead letter has the key \"" + byKey.key() + "\"");
      }
      return entries;
    }
    return list(((ReplaySelection.All) selection).topic(), false);
  }

  private DeadLetterEntry openEntry(DeadLetterId id) {
    DeadLetterEntry entry = get(id);
    entry
        .resolution()
        .ifPresent(
            done -> {
              throw new DeadLetterRefused(
                  DeadLetterRefused.Why.RESOLVED,
                  "dead letter "
                      + id
                      + " was "
                      + done.kind().name().toLowerCase(Locale.ROOT)
                      + " already");
            });
    return entry;
  }

  private Headers replayHeaders(DeadLetter letter) {
    Headers headers = new RecordHeaders();
    for (Header header : letterHeaders(letter)) {
      headers.add(header);
    }
    DeadLetterHeaders.add(headers, DeadLetterHeaders.REPLAY_OF, letter.id().toString());
    DeadLetterHeaders.add(
        headers,
        DeadLetterHeaders.REPLAY_ORIGINAL,
        letter.originalTopic() + ":" + letter.originalPartition() + ":" + letter.originalOffset());
    DeadLetterHeaders.add(headers, DeadLetterHeaders.REPLAYED_AT, clock.instant().toString());
    return headers;
  }

  /** The record's own headers: those the parking and any earlier replay added are left out. */
  private static List<Header> letterHeaders(DeadLetter letter) {
    return letter.recordHeaders().stream()
        .filter(
            h ->
                !h.key().startsWith(DeadLetterHeaders.PREFIX)
                    && !h.key().equals(DeadLetterHeaders.REPLAY_OF)
                    && !h.key().equals(DeadLetterHeaders.REPLAY_ORIGINAL)
                    && !h.key().equals(DeadLetterHeaders.REPLAYED_AT))
        .toList();
  }

  private DeadLetterAction record(DeadLetterAction action) {
    ObjectNode json = JSON.createObjectNode();
    json.put("deadLetter", action.deadLetter().toString());
    json.put("kind", action.kind().name());
    json.put("at", action.at().toString());
    json.put("actor", action.actor());
    action.reason().ifPresent(reason -> json.put("reason", reason));
    action.replayedTo().ifPresent(to -> json.put("replayedTo", to));
    await(
        producer()
            .send(
                new ProducerRecord<>(
                    Topics.DLQ_ACTIONS,
                    action.deadLetter().toString().getBytes(StandardCharsets.UTF_8),
                    json.toString().getBytes(StandardCharsets.UTF_8))),
        "record the " + action.kind() + " of " + action.deadLetter() + " in " + Topics.DLQ_ACTIONS);
    return action;
  }

  /** The latest action on each dead letter. */
  private Map<DeadLetterId, DeadLetterAction> actions() {
    Map<DeadLetterId, DeadLetterAction> actions = new HashMap<>();
    RecordEncryption encryption = clients.encryption();
    readRaw(
        List.of(Topics.DLQ_ACTIONS),
        record -> {
          DeadLetterAction action = parseAction(encryption.open(record));
          actions.put(action.deadLetter(), action);
        });
    return actions;
  }

  private static DeadLetterAction parseAction(byte[] value) {
    try {
      JsonNode json = JSON.readTree(value);
      return new DeadLetterAction(
          DeadLetterId.parse(json.path("deadLetter").asText()),
          DeadLetterAction.Kind.valueOf(json.path("kind").asText()),
          Instant.parse(json.path("at").asText()),
          json.path("actor").asText(),
          Optional.ofNullable(json.get("reason")).map(JsonNode::asText),
          Optional.ofNullable(json.get("replayedTo")).map(JsonNode::asText));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          Topics.DLQ_ACTIONS + " holds a record that is not an action: " + e.getMessage(), e);
    }
  }

  private List<String> deadLetterTopics(Optional<String> topic) {
    if (topic.isPresent()) {
      String name = topic.get().strip();
      return List.of(Topics.isDeadLetterTopic(name) ? name : Topics.dlqOf(name));
    }
    try (Admin admin = Admin.create(clients.adminProps())) {
      return admin.listTopics().names().get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
          .filter(Topics::isDeadLetterTopic)
          .sorted()
          .toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("could not list the dead-letter topics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while listing the dead-letter topics", e);
    }
  }

  private List<DeadLetter> read(List<String> topics) {
    List<DeadLetter> letters = new ArrayList<>();
    readRaw(
        topics,
        record -> {
          letters.add(
              new DeadLetter(
                  new DeadLetterId(record.topic(), record.partition(), record.offset()),
                  Instant.ofEpochMilli(record.timestamp()),
                  record.key(),
                  record.value(),
                  List.of(record.headers().toArray())));
        });
    letters.sort(Comparator.comparing(DeadLetter::id));
    return letters;
  }

  /** Reads the topics from the beginning to their current end; a missing topic reads as empty. */
  private void readRaw(List<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> each) {
    TopicReader.readToEnd(clients, topics, READ_TIMEOUT, each);
  }

  private synchronized Producer<byte[], byte[]> producer() {
    if (producer == null) {
      producer =
          clients
              .encryption()
              .producer(clients.interactiveProducerProps(), new ByteArraySerializer());
    }
    return producer;
  }

  private static RecordMetadata await(
      java.util.concurrent.Future<RecordMetadata> send, String what) {
    try {
      return send.get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("could not " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while trying to " + what, e);
    }
  }
}
