package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedBroker.class)
class KafkaClientsTest {

  private final TradeflowConfig config =
      ConfigLoader.load(
          Optional.empty(),
          Map.of(
              "TRADEFLOW_STREAMS_COMMIT_INTERVAL_MS", "20",
              "TRADEFLOW_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips"));
  private final KafkaClients clients = new KafkaClients(config, "127.0.0.1:9092");

  @Test
  void producers_are_idempotent_with_large_batches() {
    assertThat(clients.producerProps())
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("batch.size", 131_072)
        .containsEntry("linger.ms", 5)
        .containsEntry("compression.type", "none")
        .containsEntry("client.dns.lookup", "use_all_dns_ips")
        .doesNotContainKey("transactional.id");
    assertThat(clients.transactionalProducerProps("tf-lc-0"))
        .containsEntry("transactional.id", "tf-lc-0")
        .containsEntry("acks", "all");
  }

  @Test
  void consumers_read_committed_records_from_the_start_and_commit_themselves() {
    assertThat(clients.consumerProps("tf-projection"))
        .containsEntry("group.id", "tf-projection")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("client.dns.lookup", "use_all_dns_ips");
  }

  @Test
  void streams_apps_run_exactly_once_with_the_configured_latency() {
    assertThat(clients.streamsProps(Optional.of("10.0.0.5:8080")))
        .containsEntry("application.id", "tradeflow-lc-processor")
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("commit.interval.ms", 20L)
        .containsEntry("num.stream.threads", 1)
        .containsEntry("state.dir", Path.of("./data/streams").toString())
        .containsEntry("replication.factor", 1)
        .containsEntry("topic.min.insync.replicas", 1)
        .containsEntry("producer.batch.size", 131_072)
        .containsEntry("producer.linger.ms", 100)
        .containsEntry("application.server", "10.0.0.5:8080");
    assertThat(clients.streamsProps("tf-saga", Optional.empty()))
        .containsEntry("application.id", "tf-saga")
        .doesNotContainKey("application.server");
  }

  @Test
  void an_aborted_transaction_is_invisible_to_consumers(EmbeddedKafkaBroker broker)
      throws Exception {
    KafkaClients live = new KafkaClients(TradeflowConfig.defaults(), broker.bootstrapServers());
    String topic = "it.transactions";
    try (Admin admin = Admin.create(live.adminProps())) {
      TopicAdmin.ensureTopics(admin, List.of(new TopicSpec(topic, 1, 1, Map.of())));
    }

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            live.transactionalProducerProps("it-tx"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "LC-1", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "LC-1", "committed"));
      producer.commitTransaction();
    }

    assertThat(readValues(live, topic, 1)).containsExactly("committed");
  }

  @Test
  void a_streams_app_runs_exactly_once_on_the_embedded_broker(
      EmbeddedKafkaBroker broker, @TempDir Path dataDir) throws Exception {
    TradeflowConfig local =
        ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_DATA_DIR", dataDir.toString()));
    KafkaClients live = new KafkaClients(local, broker.bootstrapServers());
    try (Admin admin = Admin.create(live.adminProps())) {
      TopicAdmin.ensureTopics(
          admin,
          List.of(
              new TopicSpec("it.streams.in", 2, 1, Map.of()),
              new TopicSpec("it.streams.out", 2, 1, Map.of())));
    }
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("it.streams.in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(value -> value.toUpperCase())
        .to("it.streams.out", Produced.with(Serdes.String(), Serdes.String()));
    Properties streamsProps = new Properties();
    streamsProps.putAll(live.streamsProps("it-uppercase", Optional.empty()));

    try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsProps);
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                live.producerProps(), new StringSerializer(), new StringSerializer())) {
      streams.start();
      producer.send(new ProducerRecord<>("it.streams.in", "LC-7", "issue")).get();

      assertThat(readValues(live, "it.streams.out", 1)).containsExactly("ISSUE");
    }
  }

  private static List<String> readValues(KafkaClients clients, String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            clients.consumerProps("it-reader-" + topic),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          values.add(record.value());
        }
      }
      // One more poll: anything past the expected records would show a leak (an aborted write).
      consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
    }
    return values;
  }
}
