package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.cli.Cli;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter queues over the API and the CLI: a command the processor cannot read is parked
 * with its headers, shown, purged with a reason, and replayed onto its topic.
 */
class DeadLetterIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TradeflowService service;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    service = SharedKafka.service();
    api = SharedKafka.client(service);
  }

  @Test
  void an_unreadable_command_is_parked_shown_and_purged_with_a_reason() throws Exception {
    String lcId = "DLQ-" + UUID.randomUUID().toString().substring(0, 8);
    sendGarbage(lcId);
    Map<String, Object> parked = awaitOpen(lcId, 1).get(0);

    assertThat(parked)
        .containsEntry("originalTopic", Topics.LC_COMMANDS)
        .containsEntry("reason", "deserialization-failed")
        .containsEntry("consumerGroup", service.config().streams().applicationId())
        .containsEntry("attempts", "1")
        .containsKeys("exceptionClass", "exceptionMessage", "decodeError", "payloadBase64");
    String id = (String) parked.get("id");
    assertThat(api.get("/api/v1/dlq/" + id).body()).containsEntry("key", lcId);
    assertThat(api.get("/api/v1/dlq/not-an-id").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/dlq/" + Topics.dlqOf(Topics.LC_COMMANDS) + ":0:999999").status())
        .isEqualTo(404);

    assertThat(api.post("/api/v1/dlq/" + id + "/purge", Map.of()).problemCode())
        .isEqualTo("DLQ_NO_REASON");
    ApiClient.Response purged =
        api.post("/api/v1/dlq/" + id + "/purge", Map.of("reason", "test garbage, not a command"));
    assertThat(purged.status()).isEqualTo(200);
    assertThat(purged.body()).containsEntry("kind", "PURGED").containsEntry("deadLetter", id);
    assertThat(api.post("/api/v1/dlq/" + id + "/purge", Map.of("reason", "again")).status())
        .isEqualTo(409);
    assertThat(openOf(lcId)).isEmpty();
    assertThat(list("/api/v1/dlq?all=true&topic=" + Topics.LC_COMMANDS))
        .filteredOn(d -> id.equals(d.get("id")))
        .singleElement()
        .satisfies(d -> assertThat(d.get("resolution").toString()).contains("not a command"));
  }

  @Test
  void a_replayed_dead_letter_goes_back_to_its_topic_with_replay_headers() throws Exception {
    String lcId = "DLQ-" + UUID.randomUUID().toString().substring(0, 8);
    sendGarbage(lcId);
    String id = (String) awaitOpen(lcId, 1).get(0).get("id");

    ApiClient.Response replay =
        api.post("/api/v1/dlq/replay", Map.of("key", lcId, "topic", Topics.LC_COMMANDS));

    assertThat(replay.status()).isEqualTo(200);
    // Still garbage: the processor parks the replay again, which says what it replays.
    Map<String, Object> again = awaitOpen(lcId, 1).get(0);
    assertThat(again.get("id")).isNotEqualTo(id);
    assertThat(((Map<?, ?>) again.get("headers")).get("tf-replay-of")).isEqualTo(id);
    assertThat(api.post("/api/v1/dlq/replay", Map.of()).status()).isEqualTo(400);
    // The projection parks nothing here: every event it met was applied.
    assertThat(api.getText("/api/v1/dlq/parked-keys")).isEqualTo("[]");
  }

  @Test
  void the_cli_lists_and_shows_dead_letters() throws Exception {
    String lcId = "DLQ-" + UUID.randomUUID().toString().substring(0, 8);
    sendGarbage(lcId);
    String id = (String) awaitOpen(lcId, 1).get(0).get("id");
    Path config = SharedKafka.cliConfig();
    String listed = cli("-c", config.toString(), "dlq", "list", "--topic", Topics.LC_COMMANDS);
    String shown = cli("-c", config.toString(), "dlq", "show", id);

    assertThat(listed).contains(id).contains(lcId).contains("deserialization-failed");
    assertThat(shown).contains("\"id\" : \"" + id + "\"").contains("\"key\" : \"" + lcId + "\"");
    assertThat(cli("-c", config.toString(), "dlq", "show", "nope"))
        .contains("expected a dead letter id");
  }

  private static void sendGarbage(String lcId) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            new KafkaClients(service.config(), service.bootstrapServers())
                .interactiveProducerProps(),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.LC_COMMANDS, lcId, new byte[] {(byte) 0xde, (byte) 0xad, 0x00, 0x7b}))
          .get();
    }
  }

  private static List<Map<String, Object>> awaitOpen(String lcId, int count) {
    return await().atMost(WAIT).until(() -> openOf(lcId), open -> open.size() == count);
  }

  private static List<Map<String, Object>> openOf(String lcId) {
    return list("/api/v1/dlq?topic=" + Topics.LC_COMMANDS).stream()
        .filter(d -> lcId.equals(d.get("key")))
        .toList();
  }

  private static List<Map<String, Object>> list(String path) {
    try {
      return Json.mapper()
          .readValue(api.getText(path), new TypeReference<List<Map<String, Object>>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(path + " did not answer a JSON list", e);
    }
  }

  private static String cli(String... args) {
    return Cli.run(args).output();
  }
}
