package dev.tradeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.audit.AuditReport.PartitionReport;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.FreePorts;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.TradeflowConfig.AuditSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequencer against a real broker: every committed record of the audited topics becomes a leaf
 * of its partition's tree, checkpoints are signed and continue each other across restarts, and the
 * verifier names the offset where the log departs from them.
 */
class AuditLogTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void checkpoints_cover_every_committed_record_across_restarts_and_verify() throws Exception {
    try (Cluster cluster = new Cluster(dir)) {
      String instance = UUID.randomUUID().toString();
      try (AuditSequencer sequencer = cluster.startSequencer(instance)) {
        cluster.produce(Topics.LC_EVENTS, 17, true);
        cluster.produceAborted(Topics.LC_EVENTS, 3);
        cluster.produce(Topics.DLQ_ACTIONS, 4, false);
        AuditReport report = cluster.awaitCheckpointed(21);
        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(sequencer.isRunning()).isTrue();
      }
      cluster.produce(Topics.LC_EVENTS, 9, true); // while no sequencer runs
      try (AuditSequencer restarted = cluster.startSequencer(instance)) {
        cluster.produce(Topics.LC_EVENTS, 5, true);
        AuditReport report = cluster.awaitCheckpointed(35);

        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(report.partitions().stream().mapToLong(PartitionReport::treeSize).sum())
            .as("leaves: the committed records, each once")
            .isEqualTo(35);
        assertThat(report.partitions().stream().mapToInt(PartitionReport::checkpoints).sum())
            .isGreaterThan(5);
      }
      try (KafkaAuditSource source = new KafkaAuditSource(cluster.clients)) {
        CheckpointRecord any = source.checkpoints().get(0);
        assertThat(any.note().format()).startsWith("test.example/audit/" + any.topic() + "/");
        assertThat(any.note().format()).contains("\n\n\u2014 test.example/audit ");
      }
    }
  }

  @Test
  void checkpoints_signed_by_a_key_the_auditor_does_not_trust_fail() throws Exception {
    try (Cluster cluster = new Cluster(dir)) {
      try (AuditSequencer sequencer = cluster.startSequencer("one")) {
        cluster.produce(Topics.LC_EVENTS, 3, false);
        cluster.awaitCheckpointed(3);
      }
      KeyRing other = KeyRing.loadOrGenerate(dir.resolve("other-keys"), "test.example/audit");

      AuditReport report =
          cluster.verify(new AuditVerifier("test.example/audit", other.verifierKeys()));

      assertThat(report.passed()).isFalse();
      assertThat(report.firstDivergence().orElseThrow().reason())
          .contains("is not valid: no trusted key signed the note");
    }
  }

  @Test
  void records_deleted_from_the_log_are_named_by_their_offset() throws Exception {
    try (Cluster cluster = new Cluster(dir)) {
      try (AuditSequencer sequencer = cluster.startSequencer("one")) {
        cluster.produceTo(Topics.LC_EVENTS, 2, 4);
        cluster.awaitCheckpointed(4);
      }
      try (Admin admin = Admin.create(cluster.clients.adminProps())) {
        admin
            .deleteRecords(
                Map.of(new TopicPartition(Topics.LC_EVENTS, 2), RecordsToDelete.beforeOffset(2)))
            .all()
            .get();
      }

      AuditReport report = cluster.verify();

      assertThat(report.passed()).isFalse();
      assertThat(report.firstDivergence().orElseThrow())
          .hasToString("tf.lc.events-2@0: the audited record is missing (offset 2 in its place)");
    }
  }

  /** A broker of the test's own, its topics, and the sequencer's settings and keys. */
  private static final class Cluster implements AutoCloseable {
    final EmbeddedKafkaBroker broker;
    final KafkaClients clients;
    final AuditSettings settings;
    final KeyRing keys;
    final KafkaProducer<String, String> producer;
    private final KafkaProducer<String, String> transactional;

    Cluster(Path dir) throws Exception {
      int[] ports = FreePorts.take(2);
      broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), ports[0], ports[1], false);
      TradeflowConfig config = TradeflowConfig.defaults();
      clients = new KafkaClients(config, broker.bootstrapServers());
      try (Admin admin = Admin.create(clients.adminProps())) {
        TopicAdmin.ensureTopics(admin, Topics.catalogue(config));
      }
      settings =
          new AuditSettings("test.example/audit", 5, Duration.ofMillis(200), dir.resolve("keys"));
      keys = KeyRing.loadOrGenerate(settings.keysDir(), settings.origin());
      producer =
          new KafkaProducer<>(
              clients.interactiveProducerProps(), new StringSerializer(), new StringSerializer());
      transactional =
          new KafkaProducer<>(
              clients.transactionalProducerProps("test-" + UUID.randomUUID()),
              new StringSerializer(),
              new StringSerializer());
      transactional.initTransactions();
    }

    AuditSequencer startSequencer(String instance) {
      return AuditSequencer.start(
          clients, settings, keys, instance, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** {@code count} records with headers, in a transaction or not. */
    void produce(String topic, int count, boolean inTransaction) throws Exception {
      if (inTransaction) {
        transactional.beginTransaction();
      }
      KafkaProducer<String, String> sender = inTransaction ? transactional : producer;
      for (int i = 0; i < count; i++) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("tf-test", ("header " + i).getBytes(StandardCharsets.UTF_8));
        sender.send(
            new ProducerRecord<>(topic, null, "LC-" + i, "payload " + UUID.randomUUID(), headers));
      }
      if (inTransaction) {
        transactional.commitTransaction();
      } else {
        producer.flush();
      }
    }

    void produceAborted(String topic, int count) {
      transactional.beginTransaction();
      for (int i = 0; i < count; i++) {
        transactional.send(new ProducerRecord<>(topic, "LC-" + i, "aborted"));
      }
      transactional.flush();
      transactional.abortTransaction();
    }

    void produceTo(String topic, int partition, int count) throws Exception {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, partition, "LC-" + i, "payload " + i)).get();
      }
    }

    AuditReport verify() {
      return verify(new AuditVerifier(settings.origin(), keys.verifierKeys()));
    }

    AuditReport verify(AuditVerifier verifier) {
      try (KafkaAuditSource source = new KafkaAuditSource(clients)) {
        return verifier.verify(source);
      }
    }

    /** Waits until {@code records} committed records are read and all are checkpointed. */
    AuditReport awaitCheckpointed(long records) {
      AuditReport[] last = new AuditReport[1];
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                last[0] = verify();
                return last[0].partitions().stream().mapToLong(PartitionReport::records).sum()
                        == records
                    && last[0].partitions().stream().allMatch(p -> p.notYetCheckpointed() == 0);
              });
      return last[0];
    }

    @Override
    public void close() {
      producer.close();
      transactional.close();
      broker.close();
    }
  }
}
