package dev.tradeflow.runtime.consumer;

import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.KafkaRecords;
import dev.tradeflow.runtime.consumer.internals.ConsumerMetrics;
import dev.tradeflow.runtime.consumer.internals.DeadLetterWriter;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import dev.tradeflow.runtime.dlq.DeadLetterQueues;
import dev.tradeflow.runtime.dlq.ParkedKey;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poll loop on its own thread for consumers whose effects live outside Kafka, giving
 * at-least-once delivery: an offset is committed only after its record was handled or parked in the
 * dead-letter queue and the handler has {@linkplain RecordHandler#flush flushed}, synchronously
 * after each polled batch (once a second for an {@link OffsetStoringHandler}), when partitions are
 * revoked and on {@link #close()}.
 *
 * <p>A failing record is retried with exponential backoff while its partition is paused, so the
 * other partitions keep flowing. After its last attempt, at once when the failure is not retryable,
 * and when its key or value cannot be deserialized (or its value decrypted: {@link
 * RecordEncryption}), it is parked in {@code <topic>.dlq}. From then on, later records with its key
 * are parked behind it without being handled, so a key's records are never applied out of order;
 * records without a key have no order to keep and are never parked behind another.
 *
 * <p>A handler that is an {@link OffsetStoringHandler} keeps its own positions with its effects:
 * each partition it is assigned starts from there.
 *
 * <p>A parked key is released when an operator replays its dead letters (the first record that
 * carries {@link DeadLetterHeaders#REPLAY_OF}), so they and the key's later records flow in order.
 * The dead-letter topics are the record of what is parked: a restarted consumer reads its open dead
 * letters and keeps their keys parked.
 *
 * <p>Meters, tagged by {@code topic} and {@code group}: the counters {@code
 * tradeflow.consumer.records.processed}, {@code .failed} (each failed attempt), {@code .retried}
 * and {@code .parked}; the timers {@code tradeflow.consumer.processing} (handler duration) and
 * {@code tradeflow.consumer.end.to.end} (record timestamp to applied effect); and the gauge {@code
 * tradeflow.consumer.lag}, also tagged by {@code partition}, for each partition it owns.
 */
public final class ReliableConsumer<K, V> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReliableConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
  private static final Duration STORED_POSITIONS_COMMIT_INTERVAL = Duration.ofSeconds(1);
  private static final HexFormat HEX = HexFormat.of();

  private final ReliableConsumerSettings settings;
  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetterWriter deadLetters;
  private final DeadLetterQueues deadLetterQueues;
  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;
  private final RecordHandler<K, V> handler;
  private final ConsumerMetrics metrics;
  private final KafkaTracing tracing;
  private final RecordEncryption encryption;
  private final Thread thread;
  private final AtomicBoolean closing = new AtomicBoolean();

  // Touched by the poll thread only (the rebalance listener runs inside poll).
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private final Map<TopicPartition, Retry> retries = new HashMap<>();
  // The first offset of each partition handled or parked since the handler last flushed.
  private final Map<TopicPartition, Long> unflushed = new HashMap<>();
  private long lastCommitNanos = System.nanoTime();
  private boolean parkedSinceCommit;

  /** By topic and key hex; read by {@link #parkedKeys()} from any thread. */
  private final Map<String, ParkedKey> parked = new ConcurrentHashMap<>();

  private ReliableConsumer(
      KafkaClients clients,
      ReliableConsumerSettings settings,
      Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer,
      RecordHandler<K, V> handler,
      MeterRegistry meters,
      KafkaTracing tracing) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
    this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.metrics =
        new ConsumerMetrics(Objects.requireNonNull(meters, "meters"), settings.groupId());
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    this.encryption = clients.encryption();
    // Bytes in, so that a record the user's deserializer cannot read is parked instead of
    // failing inside poll() where the loop could never get past it.
    this.consumer =
        new KafkaConsumer<>(
            clients.consumerProps(settings.groupId()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    try {
      this.deadLetters = new DeadLetterWriter(clients, settings.groupId());
    } catch (RuntimeException e) {
      consumer.close(); // no loop will ever close it
      throw e;
    }
    this.deadLetterQueues = new DeadLetterQueues(clients, Clock.systemUTC());
    this.thread = new Thread(this::run, "reliable-consumer-" + settings.groupId());
  }

  /**
   * Subscribes to {@code settings.topics()} and starts polling on a new thread.
   *
   * @param meters where the consumer's counters, timers and lag gauges are registered
   * @param tracing continues each record's trace (its {@code traceparent} header) with a "{@code
   *     <topic>} process" span around the handler
   */
  public static <K, V> ReliableConsumer<K, V> start(
      KafkaClients clients,
      ReliableConsumerSettings settings,
      Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer,
      RecordHandler<K, V> handler,
      MeterRegistry meters,
      KafkaTracing tracing) {
    ReliableConsumer<K, V> consumer =
        new ReliableConsumer<>(
            clients, settings, keyDeserializer, valueDeserializer, handler, meters, tracing);
    consumer.thread.start();
    return consumer;
  }

  /** The keys whose records are currently parked, as seen by this consumer since it started. */
  public Set<ParkedKey> parkedKeys() {
    return Set.copyOf(parked.values());
  }

  /** True until the loop has stopped, after {@link #close()} or a fatal error. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Lets the record being handled finish, commits what was done, leaves the group and waits for the
   * loop to stop. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      consumer.wakeup();
    }
    if (Thread.currentThread() == thread) {
      return; // called from the handler: the loop stops after this record
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      restoreParkedKeys();
      consumer.subscribe(settings.topics(), new CommitOnRevoke());
      while (!closing.get()) {
        resumeDueRetries();
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(pollTimeout());
        } catch (WakeupException e) {
          break; // close() was called
        }
        recordLag();
        process(records);
        flushAndCommit();
      }
      flushAndCommit();
    } catch (RuntimeException e) {
      log.error("reliable consumer {} stopped: {}", settings.groupId(), e.toString(), e);
    } finally {
      consumer.close();
      deadLetters.close();
      deadLetterQueues.close();
    }
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (closing.get()) {
          return; // the rest is redelivered to the next owner
        }
        unflushed.putIfAbsent(partition, record.offset());
        if (!handleOrPark(record)) {
          break; // paused for a retry: the partition's later records wait behind this one
        }
        pending.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
  }

  /** False when the record must be attempted again later and its partition is now paused. */
  private boolean handleOrPark(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    String keyHex = record.key() == null ? null : HEX.formatHex(record.key());
    try {
      ParkedKey blocker = keyHex == null ? null : parked.get(parkedId(record.topic(), keyHex));
      if (blocker != null && record.headers().lastHeader(DeadLetterHeaders.REPLAY_OF) != null) {
        // An operator replays the key's dead letters, oldest first: they and what follows flow.
        parked.remove(parkedId(record.topic(), keyHex));
        log.info(
            "{} releases key {} of {} on a replay", settings.groupId(), keyHex, record.topic());
        blocker = null;
      }
      if (blocker != null
          && blocker.partition() == record.partition()
          && blocker.firstOffset() == record.offset()) {
        return true; // the parked record itself, read again after a rewind: it is parked already
      }
      if (blocker != null) {
        deadLetters.parkBehind(record, blocker.firstOffset());
        parkedSinceCommit = true;
        metrics.parked(record.topic());
        retries.remove(partition);
        return true;
      }
      Retry retry = attempt(record, partition);
      if (retry == null) {
        retries.remove(partition);
        return true;
      }
      String reason;
      if (retry.deserialization && !settings.classifier().isRetryable(retry.failure)) {
        // Unreadable bytes stay unreadable; a schema registry that did not answer may answer.
        reason = DeadLetterHeaders.REASON_DESERIALIZATION;
      } else if (!settings.classifier().isRetryable(retry.failure)) {
        reason = DeadLetterHeaders.REASON_NON_RETRYABLE;
      } else if (retry.attempts >= settings.maxAttempts()) {
        reason = DeadLetterHeaders.REASON_RETRIES_EXHAUSTED;
      } else {
        pause(partition, retry, settings.backoff(retry.attempts, random()));
        metrics.retryScheduled(record.topic());
        return false;
      }
      parkedSinceCommit = true;
      deadLetters.park(
          record, reason, retry.failure, retry.attempts, retry.firstFailure, retry.lastFailure);
      metrics.parked(record.topic());
      retries.remove(partition);
      if (keyHex != null) {
        parked.put(
            parkedId(record.topic(), keyHex),
            new ParkedKey(record.topic(), record.partition(), keyHex, record.offset()));
      }
      return true;
    } catch (KafkaException deadLetterQueueDown) {
      // Only the DLQ write throws here: never commit past a record that is neither handled nor
      // parked, so wait as long as retries may and try the record again.
      log.error(
          "could not park a record of {}, retrying in {}",
          partition,
          settings.maxBackoff(),
          deadLetterQueueDown);
      Retry retry = retries.computeIfAbsent(partition, p -> new Retry(record.offset()));
      pause(partition, retry, settings.maxBackoff());
      return false;
    }
  }

  /** Keys parked before a restart stay parked: their dead letters are still open. */
  private void restoreParkedKeys() {
    try {
      for (ParkedKey key : deadLetterQueues.openParkedKeys(settings.groupId(), settings.topics())) {
        parked.put(parkedId(key.topic(), key.keyHex()), key);
      }
      if (!parked.isEmpty()) {
        log.info("{} keeps {} keys parked: {}", settings.groupId(), parked.size(), parked.values());
      }
    } catch (KafkaException e) {
      // Without them a key's later records are handled before its parked one: say so loudly.
      log.error(
          "{} could not read its open dead letters; keys parked before the restart are released",
          settings.groupId(),
          e);
    }
  }

  /** Null when the handler succeeded; otherwise the record's failure so far. */
  private Retry attempt(ConsumerRecord<byte[], byte[]> record, TopicPartition partition) {
    K key;
    V value;
    try {
      key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
      value =
          valueDeserializer.deserialize(record.topic(), record.headers(), encryption.open(record));
    } catch (RuntimeException e) {
      metrics.deserializationFailed(record.topic());
      Retry retry = failed(record, partition, e);
      retry.deserialization = true;
      return retry;
    }
    long start = System.nanoTime();
    Span span =
        tracing.startProcess(
            tracing.extract(record.headers()),
            record.topic(),
            record.partition(),
            record.offset(),
            settings.groupId(),
            key == null ? null : key.toString());
    try (Scope scope = span.makeCurrent()) {
      handler.handle(KafkaRecords.withKeyAndValue(record, key, value));
      metrics.processed(record.topic(), since(start), record.timestamp());
      return null;
    } catch (Exception e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      metrics.handlerFailed(record.topic(), since(start));
      return failed(record, partition, e);
    } finally {
      span.end();
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** After a poll, when the fetch responses have told the consumer where each partition ends. */
  private void recordLag() {
    for (TopicPartition partition : consumer.assignment()) {
      metrics.lag(partition, consumer.currentLag(partition));
    }
  }

  private Retry failed(
      ConsumerRecord<byte[], byte[]> record, TopicPartition partition, Exception failure) {
    Retry retry = retries.get(partition);
    if (retry == null || retry.offset != record.offset()) {
      retry = new Retry(record.offset());
      retries.put(partition, retry);
    }
    Instant now = Instant.now();
    retry.attempts++;
    retry.failure = failure;
    if (retry.firstFailure == null) {
      retry.firstFailure = now;
    }
    retry.lastFailure = now;
    log.warn(
        "{} failed on {}@{} (attempt {}): {}",
        settings.groupId(),
        partition,
        record.offset(),
        retry.attempts,
        failure.toString());
    return retry;
  }

  private void pause(TopicPartition partition, Retry retry, Duration delay) {
    consumer.pause(Set.of(partition));
    retry.resumeAtNanos = System.nanoTime() + delay.toNanos();
    retry.paused = true;
  }

  private void resumeDueRetries() {
    long now = System.nanoTime();
    for (Map.Entry<TopicPartition, Retry> entry : retries.entrySet()) {
      Retry retry = entry.getValue();
      if (retry.paused && retry.resumeAtNanos - now <= 0) {
        // The consumer fetched past the failed record: go back to it before fetching again.
        consumer.seek(entry.getKey(), retry.offset);
        consumer.resume(Set.of(entry.getKey()));
        retry.paused = false;
      }
    }
  }

  /** Until the next paused partition is due, so a retry is not late by a whole poll. */
  private Duration pollTimeout() {
    long now = System.nanoTime();
    long wait = POLL_TIMEOUT.toNanos();
    for (Retry retry : retries.values()) {
      if (retry.paused) {
        wait = Math.min(wait, Math.max(1_000_000L, retry.resumeAtNanos - now));
      }
    }
    return Duration.ofNanos(wait);
  }

  private void flushAndCommit() {
    if (flush() && commitDue()) {
      lastCommitNanos = System.nanoTime();
      parkedSinceCommit = false;
      commit(pending);
    }
  }

  /**
   * After every batch; but a handler storing its own positions resumes each partition from them,
   * and Kafka's offsets then only count the records parked without an effect (committed at once)
   * and show the lag: for it, once a second.
   */
  private boolean commitDue() {
    return !(handler instanceof OffsetStoringHandler)
        || parkedSinceCommit
        || closing.get()
        || System.nanoTime() - lastCommitNanos >= STORED_POSITIONS_COMMIT_INTERVAL.toNanos();
  }

  /**
   * Has the handler make the effects of the records since its last flush durable. When it cannot,
   * they are read again from the first (the handler recognises those that did take effect), their
   * offsets are not committed, and their retries start afresh; false then.
   */
  private boolean flush() {
    try {
      handler.flush();
      unflushed.clear();
      return true;
    } catch (Exception e) {
      log.warn(
          "{} could not make the effects of its last records durable; reading them again from {}",
          settings.groupId(),
          unflushed,
          e);
      for (Map.Entry<TopicPartition, Long> entry : unflushed.entrySet()) {
        TopicPartition partition = entry.getKey();
        pending.remove(partition);
        retries.remove(partition);
        if (consumer.assignment().contains(partition)) {
          consumer.seek(partition, entry.getValue());
          consumer.resume(Set.of(partition));
        }
      }
      unflushed.clear();
      return false;
    }
  }

  /** Commits and forgets {@code offsets}, for the partitions this consumer still owns. */
  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(offsets);
    owned.keySet().retainAll(consumer.assignment());
    offsets.clear();
    if (owned.isEmpty()) {
      return;
    }
    try {
      try {
        consumer.commitSync(owned);
      } catch (WakeupException e) {
        // close() woke the consumer while it was committing; a wakeup fires once, so this is safe.
        consumer.commitSync(owned);
      }
    } catch (CommitFailedException | RebalanceInProgressException e) {
      log.warn(
          "{} could not commit {} (the group rebalanced): the new owner handles them again",
          settings.groupId(),
          owned,
          e);
    }
  }

  private static String parkedId(String topic, String keyHex) {
    return topic + '\u0000' + keyHex;
  }

  private static double random() {
    return ThreadLocalRandom.current().nextDouble();
  }

  /**
   * Commits the work done on partitions before they go, and drops their retries to the next owner.
   */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (flush()) {
        Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>(pending);
        revoked.keySet().retainAll(partitions);
        commit(revoked);
      }
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another consumer may own them already: committing now could move its offsets backwards.
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!(handler instanceof OffsetStoringHandler<?, ?> storing) || partitions.isEmpty()) {
        return; // a new owner starts from the offsets committed to Kafka
      }
      try {
        // The handler's own positions commit with its effects, so they may be ahead of Kafka's.
        // A partition it holds none of starts from Kafka's offset, which also counts the records
        // parked without an effect; so the handler's commits must be durable when they return
        // (the embedded H2 runs with WRITE_DELAY=0 for that).
        Map<TopicPartition, Long> stored = storing.storedPositions(partitions);
        stored.forEach(consumer::seek);
        // Kafka's offsets lag them after a crash between the two commits: bring them up, or they
        // would show a lag that is not there until the partition's next record.
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(stored.keySet());
        stored.forEach(
            (partition, offset) -> {
              OffsetAndMetadata kafkas = committed.get(partition);
              if (kafkas == null || kafkas.offset() < offset) {
                pending.put(partition, new OffsetAndMetadata(offset));
              }
            });
      } catch (Exception e) {
        // Only a shortcut: the handler skips what it has already applied by itself.
        log.warn(
            "{} could not read its stored positions; starting from Kafka's committed offsets",
            settings.groupId(),
            e);
      }
    }

    private void forget(Collection<TopicPartition> partitions) {
      pending.keySet().removeAll(partitions);
      retries.keySet().removeAll(partitions);
      unflushed.keySet().removeAll(partitions);
      metrics.forget(partitions);
    }
  }

  /** A record that failed and has not been handled or parked yet. */
  private static final class Retry {
    final long offset;
    int attempts;
    Exception failure;
    boolean deserialization;
    Instant firstFailure;
    Instant lastFailure;
    long resumeAtNanos;
    boolean paused;

    Retry(long offset) {
      this.offset = offset;
    }
  }
}
