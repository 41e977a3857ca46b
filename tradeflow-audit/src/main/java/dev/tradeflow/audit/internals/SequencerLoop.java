package dev.tradeflow.audit.internals;

import dev.tradeflow.audit.AuditSequencer;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.audit.checkpoint.SigningKey;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.audit.log.SequencerState;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig.AuditSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sequencer's thread: poll, append, and now and then checkpoint in one transaction. */
public final class SequencerLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SequencerLoop.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaClients clients;
  private final AuditSettings settings;
  private final List<SigningKey> keys;
  private final Clock clock;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String transactionalId;
  private KafkaProducer<String, byte[]> producer;
  private final Map<TopicPartition, PartitionLog> logs = new HashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong appended = new AtomicLong();
  private volatile Instant oldestPending;
  private final Counter checkpoints;
  private final Thread thread;

  private SequencerLoop(
      KafkaClients clients,
      AuditSettings settings,
      List<SigningKey> keys,
      String instanceId,
      MeterRegistry meters,
      Clock clock) {
    this.clients = clients;
    this.settings = settings;
    this.keys = List.copyOf(keys);
    this.clock = clock;
    this.transactionalId = AuditSequencer.GROUP_ID + "-" + instanceId;
    this.consumer =
        new KafkaConsumer<>(
            clients.consumerProps(AuditSequencer.GROUP_ID),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    try {
      this.producer = newProducer();
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    FunctionCounter.builder("tradeflow.audit.leaves", appended, AtomicLong::get).register(meters);
    this.checkpoints = meters.counter("tradeflow.audit.checkpoints");
    this.thread = new Thread(this::run, "audit-sequencer");
  }

  public static SequencerLoop start(
      KafkaClients clients,
      AuditSettings settings,
      List<SigningKey> keys,
      String instanceId,
      MeterRegistry meters,
      Clock clock) {
    SequencerLoop loop = new SequencerLoop(clients, settings, keys, instanceId, meters, clock);
    try {
      // Fences a predecessor with this id: its unfinished checkpoint is aborted now.
      loop.producer.initTransactions();
    } catch (RuntimeException e) {
      loop.consumer.close();
      loop.producer.close();
      throw e;
    }
    loop.thread.start();
    return loop;
  }

  public boolean isRunning() {
    return stopped.getCount() > 0;
  }

  private void run() {
    try {
      consumer.subscribe(Topics.audited(), new Rebalance());
      while (running.get()) {
        poll();
      }
      checkpoint(); // what was read before the close, so that a stopped service leaves none out
    } catch (ProducerFencedException e) {
      log.error(
          "audit sequencer stopped: another instance runs with the same id ({})", e.getMessage());
    } catch (RuntimeException e) {
      log.error("audit sequencer stopped", e);
    } finally {
      closeClients();
      stopped.countDown();
    }
  }

  private void poll() {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(untilCheckpointDue());
    } catch (WakeupException e) {
      return; // closing
    }
    Instant now = clock.instant();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      PartitionLog partition = logs.get(new TopicPartition(record.topic(), record.partition()));
      if (partition != null) {
        partition.append(KafkaAuditSource.audited(record), now);
        appended.incrementAndGet();
      }
    }
    if (logs.values().stream()
        .anyMatch(l -> l.due(settings.checkpointRecords(), settings.checkpointInterval(), now))) {
      checkpoint();
    }
    oldestPending =
        logs.values().stream()
            .flatMap(l -> l.firstPendingAt().stream())
            .min(Instant::compareTo)
            .orElse(null);
  }

  /**
   * How long the next poll may wait: {@link #POLL}, or less when the oldest record not yet in a
   * checkpoint would otherwise wait longer than the interval promises.
   */
  private Duration untilCheckpointDue() {
    Instant oldest = oldestPending;
    if (oldest == null) {
      return POLL;
    }
    Duration left = Duration.between(clock.instant(), oldest.plus(settings.checkpointInterval()));
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return left.compareTo(POLL) < 0 ? left : POLL;
  }

  /** Records appended to the trees since the start (each counted once, re-reads included). */
  public long leavesAppended() {
    return appended.get();
  }

  /** How long the oldest record not yet in a checkpoint has waited; zero when none waits. */
  public Duration checkpointLag() {
    Instant oldest = oldestPending;
    return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
  }

  /**
   * Checkpoints every partition with new leaves, in one transaction with their states and the
   * group's offsets. When the transaction fails, the partitions go back to their last checkpoint.
   */
  private void checkpoint() {
    if (logs.values().stream().allMatch(l -> l.pendingLeaves() == 0)) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    List<PartitionLog> written = new ArrayList<>();
    producer.beginTransaction();
    try {
      for (Map.Entry<TopicPartition, PartitionLog> entry : logs.entrySet()) {
        PartitionLog partition = entry.getValue();
        Optional<CheckpointRecord> record = partition.checkpoint(keys);
        if (record.isEmpty()) {
          continue;
        }
        String key = partition.name().key();
        producer.send(new ProducerRecord<>(Topics.AUDIT_CHECKPOINTS, key, record.get().toJson()));
        producer.send(
            new ProducerRecord<>(Topics.AUDIT_SEQUENCER_STATE, key, partition.state().toJson()));
        offsets.put(entry.getKey(), new OffsetAndMetadata(partition.nextOffset()));
        written.add(partition);
      }
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn("audit checkpoint failed; resuming from the last one", e);
      abortOrReplaceProducer();
      resume(new ArrayList<>(logs.keySet()));
      return;
    }
    written.forEach(PartitionLog::checkpointed);
    checkpoints.increment(written.size());
  }

  private KafkaProducer<String, byte[]> newProducer() {
    return new KafkaProducer<>(
        clients.transactionalProducerProps(transactionalId),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /**
   * Aborts the failed checkpoint; a producer that cannot abort (its commit timed out, say) is
   * replaced by a new one with the same id, whose start aborts what the old one left open.
   */
  private void abortOrReplaceProducer() {
    try {
      producer.abortTransaction();
    } catch (KafkaException | IllegalStateException e) {
      log.warn("audit checkpoint could not be aborted; starting a new producer", e);
      producer.close(Duration.ZERO);
      producer = newProducer();
      producer.initTransactions();
    }
  }

  /** The partitions' trees as of their last checkpoint, and the consumer positioned after it. */
  private void resume(Collection<TopicPartition> partitions) {
    Map<String, SequencerState> states = StateReader.read(clients, partitions);
    for (TopicPartition partition : partitions) {
      LogName name = new LogName(settings.origin(), partition.topic(), partition.partition());
      SequencerState state = states.getOrDefault(name.key(), new SequencerState(0, 0, List.of()));
      logs.put(partition, new PartitionLog(name, state));
      consumer.seek(partition, state.nextOffset());
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // What was not checkpointed is read again by the next owner, from the last checkpoint.
      partitions.forEach(logs::remove);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(logs::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        resume(partitions);
      }
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        log.warn("audit sequencer did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeClients() {
    try {
      consumer.close();
    } finally {
      producer.close();
    }
  }
}
