package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @TempDir Path dataDir;

  private TradeflowConfig configFor(int port, int controllerPort) {
    return ConfigLoader.load(
        Optional.empty(),
        Map.of(
            "TRADEFLOW_DATA_DIR", dataDir.toString(),
            "TRADEFLOW_KAFKA_PORT", Integer.toString(port),
            "TRADEFLOW_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort)));
  }

  @Test
  void keeps_topics_and_records_across_a_restart_on_the_same_dir() throws Exception {
    int[] ports = FreePorts.take(2);
    TradeflowConfig config = configFor(ports[0], ports[1]);
    String clusterId;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config, false)) {
      clusterId = broker.clusterId();
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
      assertThat(EmbeddedKafkaBroker.isReachable(broker.bootstrapServers(), Duration.ofSeconds(5)))
          .isTrue();
      KafkaClients clients = new KafkaClients(config, broker.bootstrapServers());
      try (Admin admin = Admin.create(clients.adminProps())) {
        assertThat(TopicAdmin.ensureTopics(admin, Topics.catalogue(config)))
            .containsExactlyInAnyOrderElementsOf(
                Topics.catalogue(config).stream().map(TopicSpec::name).toList());
        assertThat(retentionMs(admin, Topics.LC_EVENTS)).isEqualTo("-1");
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              clients.producerProps(), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.LC_EVENTS, "LC-1", "CreditIssued")).get();
      }
      assertThat(readAll(clients, "before-restart")).containsExactly("LC-1=CreditIssued");
    }
    assertThat(dataDir.resolve("kafka/meta.properties")).isRegularFile();

    // A restart may even move the controller: the voter set is static, not in the log.
    int[] newPorts = FreePorts.take(2);
    TradeflowConfig restarted = configFor(newPorts[0], newPorts[1]);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(restarted, false)) {
      assertThat(broker.clusterId()).isEqualTo(clusterId);
      KafkaClients clients = new KafkaClients(restarted, broker.bootstrapServers());
      try (Admin admin = Admin.create(clients.adminProps())) {
        assertThat(TopicAdmin.ensureTopics(admin, Topics.catalogue(restarted))).isEmpty();
      }
      assertThat(readAll(clients, "after-restart")).containsExactly("LC-1=CreditIssued");
    }
  }

  @Test
  void fresh_starts_from_an_empty_log() throws Exception {
    int[] ports = FreePorts.take(2);
    TradeflowConfig config = configFor(ports[0], ports[1]);
    String firstClusterId;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config, false)) {
      firstClusterId = broker.clusterId();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        TopicAdmin.ensureTopics(admin, Topics.catalogue(config));
      }
    }

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config, true)) {
      assertThat(broker.clusterId()).isNotEqualTo(firstClusterId);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).doesNotContain(Topics.LC_EVENTS);
      }
    }
  }

  @Test
  void refuses_to_start_twice_on_one_dir_or_port_and_leaves_the_running_one_intact()
      throws Exception {
    int[] ports = FreePorts.take(4);
    Path dir = dataDir.resolve("kafka");
    try (EmbeddedKafkaBroker running = EmbeddedKafkaBroker.start(dir, ports[0], ports[1], false)) {
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, ports[2], ports[3], true))
          .isInstanceOf(BrokerStartException.class)
          .hasMessage(
              "another Tradeflow broker is already running with data dir "
                  + dir
                  + ": stop it, or use --fresh with another data dir (data.dir /"
                  + " TRADEFLOW_DATA_DIR)");

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, ports[0], ports[1], false))
          .hasMessageStartingWith(
              "another Tradeflow broker is already running on 127.0.0.1:"
                  + ports[0]
                  + " with data dir "
                  + dir);

      Path otherDir = dataDir.resolve("other");
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(otherDir, ports[0], ports[3], false))
          .isInstanceOf(BrokerStartException.class)
          .hasMessage(
              "another Kafka broker is already running on 127.0.0.1:"
                  + ports[0]
                  + ": stop it, connect to it with kafka.bootstrap-servers=127.0.0.1:"
                  + ports[0]
                  + ", or give the embedded broker another port (kafka.embedded.port /"
                  + " TRADEFLOW_KAFKA_PORT)");

      assertThat(dir.resolve("meta.properties")).isRegularFile();
      assertThat(EmbeddedKafkaBroker.isReachable(running.bootstrapServers(), Duration.ofSeconds(5)))
          .isTrue();
    }
  }

  @Test
  void refuses_a_port_another_program_holds() throws Exception {
    int[] ports = FreePorts.take(2);
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), ports[1]));

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, ports[0], ports[1], false))
          .isInstanceOf(BrokerStartException.class)
          .hasMessage(
              "port "
                  + ports[1]
                  + " on 127.0.0.1 is in use by another program: free it, or give the embedded"
                  + " broker another port (kafka.embedded.controller-port /"
                  + " TRADEFLOW_KAFKA_CONTROLLER_PORT)");
    }
  }

  @Test
  void fresh_refuses_to_wipe_a_dir_that_is_not_kafkas() throws Exception {
    Files.writeString(dataDir.resolve("ledger.csv"), "keep me");
    int[] ports = FreePorts.take(2);

    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, ports[0], ports[1], true))
        .isInstanceOf(BrokerStartException.class)
        .hasMessageStartingWith("refusing to wipe " + dataDir.toAbsolutePath().normalize());
    assertThat(dataDir.resolve("ledger.csv")).hasContent("keep me");
  }

  @Test
  void close_is_idempotent_and_frees_the_port() throws IOException {
    int[] ports = FreePorts.take(2);
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, ports[0], ports[1], false);

    broker.close();
    broker.close();

    assertThat(EmbeddedKafkaBroker.isReachable(broker.bootstrapServers(), Duration.ofMillis(500)))
        .isFalse();
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), ports[0]));
    }
  }

  @Test
  void nothing_is_reachable_on_a_free_port_or_an_unknown_host() {
    int port = FreePorts.take(1)[0];

    assertThat(EmbeddedKafkaBroker.isReachable("127.0.0.1:" + port, Duration.ofMillis(300)))
        .isFalse();
    assertThat(EmbeddedKafkaBroker.isReachable("no-such-host.invalid:9092", Duration.ofMillis(300)))
        .isFalse();
  }

  private static String retentionMs(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get()
        .get(resource)
        .get("retention.ms")
        .value();
  }

  private static List<String> readAll(KafkaClients clients, String groupId) {
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            clients.consumerProps(groupId), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.LC_EVENTS));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          records.add(record.key() + "=" + record.value());
        }
      }
    }
    return records;
  }
}
