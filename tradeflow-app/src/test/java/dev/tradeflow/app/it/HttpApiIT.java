package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.demo.ApiClient.Response;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.IssueCredit;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP API over HTTP, against the real service on the suite's broker. */
class HttpApiIT {

  private static TradeflowService service;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    service = SharedKafka.service();
    api = SharedKafka.client(service);
  }

  private static String newLcId() {
    return "HTTP-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Response send(String lcId, LcCommand command) {
    return api.post("/api/v1/lcs/" + lcId + "/commands", command);
  }

  private static HttpResponse<String> postRaw(String lcId, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(service.apiBase().resolve("/api/v1/lcs/" + lcId + "/commands"))
                .header("Content-Type", "application/json")
                .header("Authorization", SharedKafka.bearer(service, "maker.mary", Role.MAKER))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_accepted_command_answers_200_with_its_version_and_events() {
    String lcId = newLcId();
    Response response = send(lcId, TestCommands.apply("c1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .containsEntry("outcome", "ACCEPTED")
        .containsEntry("version", 1)
        .containsEntry("lcId", lcId);
    assertThat((List<?>) response.body().get("events")).hasSize(1);
  }

  @Test
  void a_repeated_command_id_answers_the_original_outcome() {
    String lcId = newLcId();
    Response first = send(lcId, TestCommands.apply("c1"));
    Response again = send(lcId, TestCommands.apply("c1"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(api.get("/api/v1/lcs/" + lcId).body()).containsEntry("version", 1);
  }

  @Test
  void a_command_id_reused_for_another_command_answers_409() {
    String lcId = newLcId();
    send(lcId, TestCommands.apply("c1"));

    Response reused = send(lcId, new IssueCredit(new CommandId("c1"), TestCommands.APPLIED));

    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.problemCode()).isEqualTo("COMMAND_ID_REUSED");
  }

  @Test
  void a_legal_hold_is_placed_and_released_by_compliance_only_and_recorded_as_events() {
    String lcId = newLcId();
    assertThat(send(lcId, TestCommands.apply("c1")).status()).isEqualTo(200);
    LcCommand hold =
        new LcCommand.PlaceLegalHold(
            new CommandId("hold-1"), "SEC-2026-0113", "subpoena", TestCommands.APPLIED);
    Response refused =
        api.post(
            "/api/v1/lcs/" + lcId + "/commands",
            hold,
            SharedKafka.as(service, "maker.mary", Role.MAKER));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.problemCode()).isEqualTo("NOT_AUTHORISED");

    Map<String, String> compliance = SharedKafka.as(service, "legal.lee", Role.COMPLIANCE);
    assertThat(api.post("/api/v1/lcs/" + lcId + "/commands", hold, compliance).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/lcs/" + lcId).body().toString())
        .contains("legalHolds=[SEC-2026-0113]");
    assertThat(
            api.post(
                    "/api/v1/lcs/" + lcId + "/commands",
                    new LcCommand.ReleaseLegalHold(
                        new CommandId("release-1"),
                        "SEC-2026-0113",
                        "matter closed",
                        TestCommands.APPLIED),
                    compliance)
                .status())
        .isEqualTo(200);
    assertThat(api.getText("/api/v1/lcs/" + lcId + "/events"))
        .contains("LegalHoldPlaced")
        .contains("LegalHoldReleased");
    assertThat(api.get("/api/v1/lcs/" + lcId).body().toString()).contains("legalHolds=[]");
  }

  @Test
  void every_read_of_a_credit_is_recorded_with_who_read_it_before_it_is_served() {
    String lcId = newLcId();
    assertThat(send(lcId, TestCommands.apply("c1")).status()).isEqualTo(200);
    HttpRequest.Builder read =
        HttpRequest.newBuilder(service.apiBase().resolve("/api/v1/lcs/" + lcId))
            .header("Authorization", SharedKafka.bearer(service, "auditor.ann", Role.AUDITOR));
    assertThat(api.get("/api/v1/lcs/" + lcId).status()).isEqualTo(200);
    // A client sending the forwarding header is recorded all the same.
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(service.apiBase().resolve("/api/v1/lcs/" + lcId))
            .header("Authorization", SharedKafka.bearer(service, SharedKafka.TESTER, Role.AUDITOR))
            .header("X-Tradeflow-Forwarded", "1");
    try {
      for (HttpRequest.Builder request : List.of(read, forwarded)) {
        assertThat(
                HttpClient.newHttpClient()
                    .send(request.GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode())
            .isEqualTo(200);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    List<String> reads =
        SharedKafka.readTopic(
                new KafkaClients(service.config(), service.bootstrapServers()), Topics.AUDIT_ACCESS)
            .stream()
            .filter(r -> r.key().equals("/api/v1/lcs/" + lcId))
            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .toList();
    assertThat(reads).hasSize(3);
    assertThat(reads.get(1))
        .contains("\"actor\":\"auditor.ann\"")
        .contains("\"roles\":[\"AUDITOR\"]")
        .contains("\"method\":\"GET\"");
  }

  @Test
  void a_card_number_in_a_free_text_field_is_masked_before_it_is_stored() throws Exception {
    String lcId = newLcId();
    String body =
        Json.mapper()
            .writeValueAsString(TestCommands.apply("c1"))
            .replace("Cotton fabric", "Cotton fabric, deposit by card 4111 1111 1111 1111");
    assertThat(postRaw(lcId, body).statusCode()).isEqualTo(200);

    String history = api.getText("/api/v1/lcs/" + lcId + "/events");
    assertThat(history)
        .contains("deposit by card 4111 11** **** 1111")
        .doesNotContain("4111 1111 1111 1111");
  }

  @Test
  void the_view_and_the_history_show_the_credit_and_its_hash_chain() throws Exception {
    String lcId = newLcId();
    TestCommands.issuedAndAdvised().forEach(c -> assertThat(send(lcId, c).status()).isEqualTo(200));

    Response view = api.get("/api/v1/lcs/" + lcId);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).containsEntry("status", "ADVISED").containsEntry("version", 4);

    List<Map<String, Object>> history =
        Json.mapper()
            .readValue(
                api.getText("/api/v1/lcs/" + lcId + "/events"),
                new TypeReference<List<Map<String, Object>>>() {});
    assertThat(history)
        .extracting(e -> e.get("eventType"))
        .containsExactly("CreditApplied", "ApplicationApproved", "CreditIssued", "CreditAdvised");
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).get("prevHash")).isEqualTo(history.get(i - 1).get("hash"));
    }
    assertThat(view.body().get("lastHash")).isEqualTo(history.get(3).get("hash"));
  }

  @Test
  void the_list_filters_by_status() throws Exception {
    String advised = newLcId();
    String applied = newLcId();
    TestCommands.issuedAndAdvised().forEach(c -> send(advised, c));
    send(applied, TestCommands.apply("c1"));

    List<Map<String, Object>> list =
        Json.mapper()
            .readValue(
                api.getText("/api/v1/lcs?status=ADVISED"),
                new TypeReference<List<Map<String, Object>>>() {});
    assertThat(list).extracting(s -> s.get("lcId")).contains(advised).doesNotContain(applied);
    assertThat(list).allSatisfy(s -> assertThat(s.get("status")).isEqualTo("ADVISED"));
    assertThat(api.get("/api/v1/lcs?status=BOGUS").status()).isEqualTo(400);
  }

  @Test
  void a_broken_business_rule_answers_422_with_its_reason_code() throws Exception {
    String lcId = newLcId();
    send(lcId, TestCommands.apply("c1"));

    HttpResponse<String> response =
        postRaw(
            lcId,
            new String(Json.toBytes(new IssueCredit(new CommandId("c2"), TestCommands.APPLIED))));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    Map<String, Object> problem =
        Json.mapper().readValue(response.body(), new TypeReference<>() {});
    assertThat(problem)
        .containsEntry("status", 422)
        .containsEntry("code", "ILLEGAL_STATE")
        .containsKeys("type", "title", "detail", "instance");
  }

  @Test
  void an_unknown_credit_answers_404() {
    String lcId = newLcId();
    assertThat(api.get("/api/v1/lcs/" + lcId).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/lcs/" + lcId + "/events").status()).isEqualTo(404);
    Response command = send(lcId, new IssueCredit(new CommandId("c1"), TestCommands.APPLIED));
    assertThat(command.status()).isEqualTo(404);
    assertThat(command.problemCode()).isEqualTo("LC_NOT_FOUND");
  }

  @Test
  void malformed_json_answers_400() throws Exception {
    HttpResponse<String> response = postRaw(newLcId(), "{\"type\": \"ApplyForCredit\",");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("malformed JSON");
  }

  @Test
  void an_unknown_command_type_answers_400_naming_the_known_ones() throws Exception {
    HttpResponse<String> response =
        postRaw(newLcId(), "{\"type\":\"LaunchRocket\",\"commandId\":\"c1\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    Map<String, Object> problem =
        Json.mapper().readValue(response.body(), new TypeReference<>() {});
    assertThat(problem).containsEntry("field", "type");
    assertThat((String) problem.get("detail")).contains("LaunchRocket").contains("ApplyForCredit");
  }

  @Test
  void a_missing_field_answers_400_naming_it() throws Exception {
    HttpResponse<String> response =
        postRaw(newLcId(), "{\"type\":\"IssueCredit\",\"commandId\":\"c1\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    Map<String, Object> problem =
        Json.mapper().readValue(response.body(), new TypeReference<>() {});
    assertThat(problem).containsEntry("field", "issuedOn");
  }

  @Test
  void an_invalid_nested_value_answers_400_naming_its_path() throws Exception {
    Map<String, Object> command =
        Json.mapper().convertValue(TestCommands.apply("c1"), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> terms = (Map<String, Object>) command.get("terms");
    terms.put("amount", Map.of("amount", "10.001", "currency", "USD"));
    HttpResponse<String> response = postRaw(newLcId(), Json.mapper().writeValueAsString(command));

    assertThat(response.statusCode()).isEqualTo(400);
    Map<String, Object> problem =
        Json.mapper().readValue(response.body(), new TypeReference<>() {});
    assertThat((String) problem.get("field")).startsWith("terms.amount");
    assertThat((String) problem.get("detail")).contains("minor units");
  }

  @Test
  void an_invalid_lc_id_in_the_path_answers_400() throws Exception {
    HttpResponse<String> response = postRaw("bad%20id", "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("lcId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "42",
        "\"text\"",
        "{}",
        "{\"type\":null}",
        "{\"type\":42,\"commandId\":\"c1\"}",
        "{\"type\":\"ApplyForCredit\"}",
        "{\"type\":\"ApplyForCredit\",\"commandId\":\"c1\",\"terms\":[],\"appliedOn\":\"2026-01-01\"}",
        "{\"type\":\"IssueCredit\",\"commandId\":\"c1\",\"issuedOn\":\"yesterday\"}",
        "{\"type\":\"IssueCredit\",\"commandId\":\"bad id\",\"issuedOn\":\"2026-01-01\"}",
        "{\"type\":\"IssueCredit\",\"commandId\":{\"x\":1},\"issuedOn\":\"2026-01-01\"}",
        "{\"type\":\"IssueCredit\",\"commandId\":\"c1\",\"issuedOn\":\"2026-01-01\",\"extra\":1}",
        "{\"type\":\"PresentDocuments\",\"commandId\":\"c1\",\"presentationId\":\"p\",\"amount\":{\"amount\":\"1e999999999\",\"currency\":\"USD\"},\"shipmentDate\":\"2026-01-01\",\"presentedOn\":\"2026-01-02\"}",
        "{\"type\":\"PresentDocuments\",\"commandId\":\"c1\",\"presentationId\":\"p\",\"amount\":{\"amount\":\"1\",\"currency\":\"ZZZ\"},\"shipmentDate\":\"2026-01-01\",\"presentedOn\":\"2026-01-02\"}",
        "{\"type\":\"HonourPresentation\",\"commandId\":\"c1\",\"presentationId\":\"p\",\"honouredOn\":\"2026-01-01\",\"mode\":\"BARTER\"}",
        "{\"type\":\"CancelCredit\",\"commandId\":\"c1\",\"reason\":\"r\",\"beneficiaryConsent\":null,\"cancelledOn\":\"2026-01-01\"}",
        "{\"type\":\"IssueCredit\",\"commandId\":\"c1\",\"issuedOn\":\"+6000000-01-01\"}",
        "{\"type\":\"IssueCredit\",\"commandId\":\"c1\",\"issuedOn\":\"1899-12-31\"}",
        "{\"type\":\"PresentDocuments\",\"commandId\":\"c1\",\"presentationId\":\"p\",\"amount\":{\"amount\":\"1000000000000000000.00\",\"currency\":\"USD\"},\"shipmentDate\":\"2026-01-01\",\"presentedOn\":\"2026-01-02\"}",
        "{\"type\":\"PresentDocuments\",\"commandId\":\"c1\",\"presentationId\":\"p\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"shipmentDate\":\"2026-01-01\",\"presentedOn\":\"2026-01-02\",\"quantity\":\"0.0000001\"}",
        "{\"type\":\"PresentDocuments\",\"commandId\":\"c1\",\"presentationId\":\"p\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"shipmentDate\":\"2026-01-01\",\"presentedOn\":\"2026-01-02\",\"quantity\":\"-5\"}"
      })
  void no_malformed_command_produces_a_server_error(String body) throws Exception {
    HttpResponse<String> response = postRaw(newLcId(), body);
    assertThat(response.statusCode()).as(body + " -> " + response.body()).isBetween(400, 499);
  }

  @Test
  void an_unreadable_outcome_on_the_results_topic_does_not_stop_the_answers() throws Exception {
    KafkaClients clients = new KafkaClients(service.config(), service.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            clients.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      for (int partition = 0; partition < service.config().kafka().partitions(); partition++) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.LC_COMMAND_RESULTS,
                    partition,
                    "garbage",
                    "{not json".getBytes(StandardCharsets.UTF_8)))
            .get();
      }
    }
    assertThat(send(newLcId(), TestCommands.apply("c1")).status()).isEqualTo(200);
  }

  @Test
  void health_reports_the_processor_and_the_audit_sequencer_running() {
    Response health = api.get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body())
        .containsEntry("status", "UP")
        .containsEntry("commandProcessor", "RUNNING")
        .containsEntry("auditSequencer", "RUNNING");
  }

  @Test
  void metrics_show_the_commands_and_the_command_processor_in_prometheus_format() throws Exception {
    assertThat(send(newLcId(), TestCommands.apply("c1")).status()).isEqualTo(200);

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(service.apiBase().resolve("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("tradeflow_api_commands_total{")
                    .contains("outcome=\"ACCEPTED\"")
                    .contains("type=\"ApplyForCredit\""))
        .anySatisfy(line -> assertThat(line).startsWith("tradeflow_api_command_latency_seconds"))
        // KafkaStreamsMetrics: the processor's threads, and the client's own state.
        .anySatisfy(line -> assertThat(line).startsWith("kafka_stream_thread_process_total{"))
        .anySatisfy(line -> assertThat(line).startsWith("kafka_stream_client_state{"))
        .anySatisfy(line -> assertThat(line).startsWith("jvm_memory_used_bytes"));
  }

  @Test
  void a_call_without_a_valid_token_is_401_and_one_without_the_role_403() throws Exception {
    for (String authorization : List.of("", "Bearer forged.token.here")) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(service.apiBase().resolve("/api/v1/lcs")).GET();
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> refused =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm=\"tradeflow\""));
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("UNAUTHENTICATED");
    }
    // Probes and scrapers need none.
    assertThat(new ApiClient(service.apiBase()).get("/health").status()).isEqualTo(200);

    Response auditorCommand =
        api.post(
            "/api/v1/lcs/" + newLcId() + "/commands",
            TestCommands.apply("c1"),
            SharedKafka.as(service, "auditor.ann", Role.AUDITOR));
    assertThat(auditorCommand.status()).isEqualTo(403);
    assertThat(auditorCommand.problemCode()).isEqualTo("NOT_AUTHORISED");
    assertThat(auditorCommand.body().get("detail").toString())
        .isEqualTo("auditor.ann may not send ApplyForCredit: that needs the maker or admin role");
    Response makerReplay =
        api.post(
            "/api/v1/dlq/replay",
            Map.of("all", true),
            SharedKafka.as(service, "maker.mary", Role.MAKER));
    assertThat(makerReplay.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/dlq", SharedKafka.as(service, "maker.mary", Role.MAKER)).status())
        .isEqualTo(403);
  }

  @Test
  void unknown_paths_answer_404() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(service.apiBase() + "/api/v1/nothing"))
                    .header("Authorization", SharedKafka.bearer(service, SharedKafka.TESTER))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }
}
