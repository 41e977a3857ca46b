package dev.tradeflow.audit;

import static org.awaitility.Awaitility.await;

import dev.tradeflow.audit.AuditReport.PartitionReport;
import dev.tradeflow.audit.checkpoint.KeyRing;
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
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** A broker of the test's own, its topics, and the sequencer's settings and keys. */
public final class TestCluster implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(60);

  public final EmbeddedKafkaBroker broker;
  public final KafkaClients clients;
  public final AuditSettings settings;
  public final KeyRing keys;
  public final KafkaProducer<String, String> producer;
  private final KafkaProducer<String, String> transactional;

  public TestCluster(Path dir) throws Exception {
    int[] ports = FreePorts.take(2);
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), ports[0], ports[1], false);
    TradeflowConfig config = TradeflowConfig.defaults();
    clients = new KafkaClients(config, broker.bootstrapServers());
    try (Admin admin = Admin.create(clients.adminProps())) {
      TopicAdmin.ensureTopics(admin, Topics.catalogue(config));
    }
    settings =
        new AuditSettings(
            true, "test.example/audit", 5, Duration.ofMillis(200), dir.resolve("keys"));
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

  public AuditSequencer startSequencer(String instance) {
    return AuditSequencer.start(
        clients, settings, keys, instance, new SimpleMeterRegistry(), Clock.systemUTC());
  }

  /** {@code count} records with headers, in a transaction or not. */
  public void produce(String topic, int count, boolean inTransaction) throws Exception {
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

  public void produceAborted(String topic, int count) {
    transactional.beginTransaction();
    for (int i = 0; i < count; i++) {
      transactional.send(new ProducerRecord<>(topic, "LC-" + i, "aborted"));
    }
    transactional.flush();
    transactional.abortTransaction();
  }

  /** {@code count} records keyed {@code key} into one partition. */
  public void produceTo(String topic, int partition, String key, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      producer.send(new ProducerRecord<>(topic, partition, key, "payload " + i)).get();
    }
  }

  public AuditReport verify() {
    return verify(new AuditVerifier(settings.origin(), keys.verifierKeys()));
  }

  public AuditReport verify(AuditVerifier verifier) {
    return verifier.verify(new KafkaAuditSource(clients));
  }

  /** Waits until {@code records} committed records are read and all are checkpointed. */
  public AuditReport awaitCheckpointed(long records) {
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
