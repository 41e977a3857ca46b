package dev.tradeflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.registry.RegistryHttp.Answer;
import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With its Kafka cluster gone, the registry answers 500 with a 500xx code, not a stack trace. */
class StoreUnavailableTest {

  @Test
  void a_store_that_cannot_be_reached_answers_50001() throws Exception {
    Path dir = Files.createTempDirectory("tradeflow-registry-store");
    TradeflowConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "TRADEFLOW_DATA_DIR", dir.toString(),
                "TRADEFLOW_KAFKA_PORT", Integer.toString(freePort()),
                "TRADEFLOW_KAFKA_CONTROLLER_PORT", Integer.toString(freePort())));
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config, true);
    KafkaClients clients = new KafkaClients(config, broker.bootstrapServers());
    try (SchemaRegistryServer registry =
        SchemaRegistryServer.start(
            clients,
            new SchemaRegistryServer.Settings(
                "127.0.0.1", 0, "_schemas-" + UUID.randomUUID(), 1, 1, CompatibilityLevel.BACKWARD),
            Duration.ofSeconds(2))) {
      RegistryHttp http = new RegistryHttp(registry.port());
      assertThat(http.get("/subjects").status()).isEqualTo(200);

      broker.close();
      Answer answer = http.get("/subjects");

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.errorCode()).isEqualTo(50001);
      assertThat(answer.json().get("message").asText())
          .startsWith("Error in the backend data store");
      assertThat(answer.text()).doesNotContain("\tat ").doesNotContain(".java:");
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
