package dev.tradeflow.registry.internals;

import dev.tradeflow.registry.CompatibilityLevel;
import dev.tradeflow.registry.RegistryMode;
import dev.tradeflow.registry.internals.RegistryState.Version;
import dev.tradeflow.runtime.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state, kept in a one-partition compacted topic. Every instance reads the topic to
 * its end before it answers or writes. Writes go through a transactional producer whose
 * transactional id every instance shares: starting one fences the previous writer, so of two
 * instances deciding an id at once, only the one that read the latest state commits; the other is
 * fenced, reads again and decides again. No id is ever given to two schemas, nor two ids to one.
 */
public final class SchemaStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);
  private static final int WRITE_ATTEMPTS = 10;

  private final KafkaClients clients;
  private final Duration timeout;
  private final TopicPartition partition;
  private final KafkaConsumer<byte[], byte[]> reader;
  private final RegistryState state;
  private KafkaProducer<byte[], byte[]> writer;

  /**
   * @param timeout how long a read or a write may wait for Kafka before the request fails (500)
   */
  public SchemaStore(
      KafkaClients clients, String topic, CompatibilityLevel defaultLevel, Duration timeout) {
    this.clients = clients;
    this.timeout = timeout;
    this.partition = new TopicPartition(topic, 0);
    this.state = new RegistryState(defaultLevel);
    Map<String, Object> readerProps = new HashMap<>(clients.readerProps());
    // Every answer waits for the reader to reach the end: an idle fetch must not hold it for the
    // default half second.
    readerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    this.reader =
        new KafkaConsumer<>(readerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    reader.assign(List.of(partition));
    reader.seekToBeginning(List.of(partition));
  }

  /** What a write decides from the current state: the records to append and the answer. */
  record Decision<T>(List<StoreRecord> records, T answer) {
    static <T> Decision<T> answer(T answer) {
      return new Decision<>(List.of(), answer);
    }
  }

  /** Reads the log to its end. */
  public synchronized void readToEnd() {
    catchUp();
  }

  /** Reads the log to its end, then answers from the state. */
  synchronized <T> T read(Function<RegistryState, T> query) {
    catchUp();
    return query.apply(state);
  }

  /**
   * Reads the log to its end, decides, appends what was decided in a transaction and reads it back.
   * Fenced by another instance's write, it starts over from the newer state.
   */
  synchronized <T> T write(Function<RegistryState, Decision<T>> decide) {
    KafkaException failure = null;
    for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      try {
        KafkaProducer<byte[], byte[]> producer = writer();
        // After the producer's own fencing, so that everything an earlier writer committed is read.
        catchUp();
        Decision<T> decision = decide.apply(state);
        if (decision.records().isEmpty()) {
          return decision.answer();
        }
        producer.beginTransaction();
        Future<RecordMetadata> last = null;
        for (StoreRecord record : decision.records()) {
          last =
              producer.send(
                  new ProducerRecord<>(
                      partition.topic(), partition.partition(), record.key(), record.value()));
        }
        producer.commitTransaction();
        // The commit markers are written after commitTransaction returns: wait to read our own
        // records back, or the next decision could miss them.
        readPast(last.get().offset());
        return decision.answer();
      } catch (ProducerFencedException | InvalidProducerEpochException e) {
        LOG.info(
            "another registry instance wrote to {}; reading again (attempt {})",
            partition,
            attempt);
        closeWriter();
      } catch (RegistryError e) {
        throw e;
      } catch (KafkaException | ExecutionException e) {
        // Seen when the other instance fences this one during the commit: the transaction may
        // have committed or not, so start over from what the log says (a register finds its own
        // schema there and answers its id).
        LOG.warn("write to {} failed (attempt {}): {}", partition, attempt, e.toString());
        closeWriter();
        failure = e instanceof KafkaException k ? k : new KafkaException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryError.timeout("interrupted while writing to " + partition.topic());
      }
    }
    throw RegistryError.storeFailure(
        "could not write to "
            + partition.topic()
            + " in "
            + WRITE_ATTEMPTS
            + " attempts"
            + (failure == null ? "" : ": " + failure.getMessage()));
  }

  /** The schema parsed, in the normalized form that identifies it. */
  static Schema parse(String text) {
    if (text == null || text.isBlank()) {
      throw RegistryError.invalidSchema("the request has no schema");
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException | NullPointerException e) {
      throw RegistryError.invalidSchema(e.getMessage());
    }
  }

  /**
   * Registers {@code schema} under {@code subject}, or returns the id it has there already.
   *
   * @param imported the id to use, only in IMPORT mode
   */
  public int register(String subject, String schemaText, Optional<Integer> imported) {
    Schema schema = parse(schemaText);
    return write(s -> registrations(s, Map.of(subject, schema), imported)).get(subject);
  }

  /**
   * Registers several schemas, one per subject, in one transaction (or finds them registered);
   * their ids by subject. All or none are registered.
   */
  public Map<String, Integer> registerAll(Map<String, Schema> bySubject) {
    return write(s -> registrations(s, bySubject, Optional.empty()));
  }

  private static Decision<Map<String, Integer>> registrations(
      RegistryState s, Map<String, Schema> bySubject, Optional<Integer> imported) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    Map<String, Integer> newIds = new HashMap<>();
    List<StoreRecord> records = new ArrayList<>();
    for (Map.Entry<String, Schema> entry : bySubject.entrySet()) {
      String subject = entry.getKey();
      String canonical = entry.getValue().toString();
      if (s.mode() == RegistryMode.READONLY) {
        throw RegistryError.notPermitted("Subject " + subject + " is in read-only mode");
      }
      if (imported.isPresent() && s.mode() != RegistryMode.IMPORT) {
        throw RegistryError.notPermitted(
            "an id may be given only in IMPORT mode; the registry is in " + s.mode());
      }
      List<Version> live = s.versions(subject, false);
      Optional<Version> same = live.stream().filter(v -> v.schema().equals(canonical)).findFirst();
      if (same.isPresent()) {
        ids.put(subject, same.get().id());
        continue;
      }
      List<Schema> earlier = new ArrayList<>();
      live.forEach(v -> earlier.add(parse(v.schema())));
      List<String> problems =
          Compatibility.problems(s.effectiveConfig(subject), entry.getValue(), earlier);
      if (!problems.isEmpty()) {
        throw RegistryError.incompatible(
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\", details: "
                + problems);
      }
      // A schema new to the registry gets the next free id, once, however many subjects use it.
      int id =
          imported.orElseGet(
              () ->
                  s.idOf(canonical)
                      .orElseGet(
                          () ->
                              newIds.computeIfAbsent(canonical, c -> s.nextId() + newIds.size())));
      if (imported.isPresent()
          && s.schema(id).isPresent()
          && !s.schema(id).get().equals(canonical)) {
        throw RegistryError.notPermitted("id " + id + " is already used by a different schema");
      }
      records.add(
          new StoreRecord.SchemaVersion(
              subject,
              Optional.of(new Version(subject, s.nextVersion(subject), id, canonical, false))));
      ids.put(subject, id);
    }
    return new Decision<>(records, ids);
  }

  /** The subject's version holding this schema. */
  public Version lookup(String subject, String schemaText, boolean deleted) {
    String canonical = parse(schemaText).toString();
    return read(
        s -> {
          if (!s.hasSubject(subject)) {
            throw RegistryError.subjectNotFound(subject);
          }
          return s.versions(subject, deleted).stream()
              .filter(v -> v.schema().equals(canonical))
              .reduce((first, second) -> second)
              .orElseThrow(() -> RegistryError.schemaNotFound("for subject " + subject));
        });
  }

  /** A version of a subject; {@code latest} (or -1) is its newest live one. */
  public Version version(String subject, String versionText, boolean deleted) {
    int requested = versionNumber(versionText);
    return read(s -> find(s, subject, requested, deleted));
  }

  private static Version find(RegistryState s, String subject, int requested, boolean deleted) {
    List<Version> versions = s.versions(subject, deleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    if (requested == -1) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream()
        .filter(v -> v.version() == requested)
        .findFirst()
        .orElseThrow(() -> RegistryError.versionNotFound(subject, requested));
  }

  /** Soft-deletes every live version, or removes the soft-deleted ones for good; their numbers. */
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return write(
        s -> {
          requireWritable(s, subject);
          List<Version> all = s.versions(subject, true);
          if (all.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
          }
          List<Version> live = s.versions(subject, false);
          List<StoreRecord> records = new ArrayList<>();
          if (permanent) {
            if (!live.isEmpty()) {
              throw RegistryError.subjectNotSoftDeleted(subject);
            }
            all.forEach(v -> records.add(new StoreRecord.PermanentDelete(subject, v.version())));
            records.add(new StoreRecord.Config(Optional.of(subject), Optional.empty()));
            return new Decision<>(records, all.stream().map(Version::version).toList());
          }
          if (live.isEmpty()) {
            throw RegistryError.subjectSoftDeleted(subject);
          }
          live.forEach(v -> records.add(softDeleted(v)));
          return new Decision<>(records, live.stream().map(Version::version).toList());
        });
  }

  /** Soft-deletes a version, or removes a soft-deleted one for good; its number. */
  public int deleteVersion(String subject, String versionText, boolean permanent) {
    int requested = versionNumber(versionText);
    return write(
        s -> {
          requireWritable(s, subject);
          Version version = find(s, subject, requested, permanent);
          if (permanent) {
            if (!version.deleted()) {
              throw RegistryError.versionNotSoftDeleted(subject, version.version());
            }
            return new Decision<>(
                List.of(new StoreRecord.PermanentDelete(subject, version.version())),
                version.version());
          }
          if (version.deleted()) {
            throw RegistryError.versionSoftDeleted(subject, version.version());
          }
          return new Decision<>(List.of(softDeleted(version)), version.version());
        });
  }

  /**
   * What keeps {@code schemaText} from following the given version of the subject at the subject's
   * compatibility level; empty when compatible.
   */
  public List<String> compatibility(String subject, String versionText, String schemaText) {
    Schema candidate = parse(schemaText);
    int requested = versionNumber(versionText);
    return read(
        s -> {
          Version against = find(s, subject, requested, false);
          CompatibilityLevel level = s.effectiveConfig(subject);
          // One version is checked, so the transitive levels mean their plain counterparts here.
          return Compatibility.problems(level, candidate, List.of(parse(against.schema())));
        });
  }

  public CompatibilityLevel setConfig(Optional<String> subject, CompatibilityLevel level) {
    return write(
        s -> new Decision<>(List.of(new StoreRecord.Config(subject, Optional.of(level))), level));
  }

  public RegistryMode setMode(RegistryMode mode) {
    return write(s -> new Decision<>(List.of(new StoreRecord.Mode(mode)), mode));
  }

  @Override
  public synchronized void close() {
    closeWriter();
    reader.close();
  }

  private static void requireWritable(RegistryState s, String subject) {
    if (s.mode() == RegistryMode.READONLY) {
      throw RegistryError.notPermitted("Subject " + subject + " is in read-only mode");
    }
  }

  private static StoreRecord softDeleted(Version v) {
    return new StoreRecord.SchemaVersion(
        v.subject(), Optional.of(new Version(v.subject(), v.version(), v.id(), v.schema(), true)));
  }

  /** A version number 1..2^31-1, or -1 for {@code latest}. */
  static int versionNumber(String text) {
    if ("latest".equals(text) || "-1".equals(text)) {
      return -1;
    }
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw RegistryError.invalidVersion(text);
  }

  private void catchUp() {
    try {
      readPast(reader.endOffsets(List.of(partition), timeout).get(partition) - 1);
    } catch (KafkaException e) {
      throw RegistryError.storeFailure("cannot read " + partition.topic() + ": " + e.getMessage());
    }
  }

  /** Applies records until the reader is past {@code offset}, once the log shows it committed. */
  private void readPast(long offset) {
    long end = offset + 1;
    try {
      Instant deadline = Instant.now().plus(timeout);
      while (reader.position(partition, timeout) < end) {
        if (Instant.now().isAfter(deadline)) {
          throw RegistryError.timeout("reading " + partition.topic() + " to its end");
        }
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
          apply(record);
        }
      }
    } catch (KafkaException e) {
      throw RegistryError.storeFailure("cannot read " + partition.topic() + ": " + e.getMessage());
    }
  }

  /** A record this registry cannot read is skipped, loudly: the ones after it still count. */
  private void apply(ConsumerRecord<byte[], byte[]> record) {
    try {
      StoreRecord.parse(record.key(), record.value()).ifPresent(state::apply);
    } catch (RuntimeException e) {
      LOG.error(
          "skipping an unreadable record at {}@{}: {}", partition, record.offset(), e.getMessage());
    }
  }

  private KafkaProducer<byte[], byte[]> writer() {
    if (writer == null) {
      Map<String, Object> props =
          new HashMap<>(
              clients.transactionalProducerProps("tradeflow-schema-registry-" + partition.topic()));
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
      KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      try {
        producer.initTransactions();
      } catch (KafkaException e) {
        producer.close(Duration.ZERO);
        throw e;
      }
      writer = producer;
    }
    return writer;
  }

  private void closeWriter() {
    if (writer != null) {
      writer.close(Duration.ZERO);
      writer = null;
    }
  }
}
