package dev.tradeflow.registry;

import static dev.tradeflow.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.registry.RegistryHttp.Answer;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.SharedBroker;
import dev.tradeflow.runtime.TradeflowConfig;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every endpoint and error code, with Confluent's request and response shapes, over HTTP. */
@ExtendWith(SharedBroker.class)
class SchemaRegistryApiTest {

  static final String V1 =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}";

  /** V1 plus an optional field: compatible every way. */
  static final String V2 =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"},"
          + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

  /** V1 without {@code amount}, which has no default: old readers cannot read it. */
  static final String AMOUNT_REMOVED =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"}]}";

  /** V1 with {@code id} as an int. */
  static final String ID_RETYPED =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"test\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"amount\",\"type\":\"double\"}]}";

  private static SchemaRegistryServer server;
  private static RegistryHttp http;

  @BeforeAll
  static void start(EmbeddedKafkaBroker broker) {
    server =
        SchemaRegistryServer.start(
            new KafkaClients(TradeflowConfig.defaults(), broker.bootstrapServers()),
            new SchemaRegistryServer.Settings(
                "127.0.0.1",
                0,
                "_schemas-" + UUID.randomUUID(),
                1,
                1,
                CompatibilityLevel.BACKWARD));
    http = new RegistryHttp(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String subject() {
    return "payments-" + UUID.randomUUID().toString().substring(0, 8) + "-value";
  }

  @Test
  void registers_once_and_answers_the_same_id_for_the_same_schema() {
    String subject = subject();
    Answer first = http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    Answer again =
        http.post(
            "/subjects/" + subject + "/versions",
            schemaBody(V1.replace(",", ", ")),
            "application/json");
    Answer elsewhere =
        http.post(
            "/subjects/" + subject() + "/versions",
            schemaBody(V1),
            "application/vnd.schemaregistry+json");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    int id = first.json().get("id").asInt();
    assertThat(again.json().get("id").asInt()).isEqualTo(id);
    assertThat(elsewhere.json().get("id").asInt()).isEqualTo(id);
    assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1]");
    assertThat(http.get("/subjects").json().toString()).contains("\"" + subject + "\"");
  }

  @Test
  void versions_schemas_and_lookups_read_back_as_registered() {
    String subject = subject();
    int id1 =
        http.post("/subjects/" + subject + "/versions", schemaBody(V1)).json().get("id").asInt();
    int id2 =
        http.post("/subjects/" + subject + "/versions", schemaBody(V2)).json().get("id").asInt();

    Answer latest = http.get("/subjects/" + subject + "/versions/latest");
    assertThat(latest.json().get("subject").asText()).isEqualTo(subject);
    assertThat(latest.json().get("version").asInt()).isEqualTo(2);
    assertThat(latest.json().get("id").asInt()).isEqualTo(id2);
    assertThat(http.get("/subjects/" + subject + "/versions/1").json().get("id").asInt())
        .isEqualTo(id1);
    assertThat(http.get("/subjects/" + subject + "/versions/1/schema").json().get("name").asText())
        .isEqualTo("Payment");
    assertThat(http.get("/schemas/ids/" + id1).json().get("schema").asText()).contains("amount");
    // Other tests register V2 too: the same schema has one id across subjects.
    assertThat(http.get("/schemas/ids/" + id2 + "/versions").json().toString())
        .contains("{\"subject\":\"" + subject + "\",\"version\":2}");
    assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");

    Answer found = http.post("/subjects/" + subject, schemaBody(V1));
    assertThat(found.json().get("version").asInt()).isEqualTo(1);
    assertThat(found.json().get("id").asInt()).isEqualTo(id1);
    assertThat(http.post("/subjects/" + subject, schemaBody(ID_RETYPED)).errorCode())
        .isEqualTo(40403);
    assertThat(http.post("/subjects/nobody", schemaBody(V1)).errorCode()).isEqualTo(40401);
  }

  @Test
  void errors_carry_confluents_codes_and_never_a_stack_trace() {
    String subject = subject();
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));

    assertError(http.get("/subjects/nobody/versions"), 404, 40401);
    assertError(http.get("/subjects/" + subject + "/versions/7"), 404, 40402);
    assertError(http.get("/schemas/ids/987654"), 404, 40403);
    assertError(http.get("/subjects/" + subject + "/versions/zero"), 422, 42202);
    assertError(http.get("/subjects/" + subject + "/versions/0"), 422, 42202);
    assertError(
        http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"recrod\"}")),
        422,
        42201);
    assertError(http.post("/subjects/" + subject + "/versions", "{}"), 422, 42201);
    assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertError(http.put("/mode", "{\"mode\":\"SOMETIMES\"}"), 422, 42204);
    Answer unreadable = http.post("/subjects/" + subject + "/versions", "{not json");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.text()).doesNotContain("at dev.").doesNotContain("Exception");
  }

  @Test
  void a_breaking_change_is_refused_with_409_naming_the_field() {
    String subject = subject();
    assertThat(
            http.put("/config/" + subject, "{\"compatibility\":\"FULL_TRANSITIVE\"}")
                .json()
                .toString())
        .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));

    Answer removed = http.post("/subjects/" + subject + "/versions", schemaBody(AMOUNT_REMOVED));
    Answer retyped = http.post("/subjects/" + subject + "/versions", schemaBody(ID_RETYPED));
    Answer added = http.post("/subjects/" + subject + "/versions", schemaBody(V2));

    assertError(removed, 409, 409);
    assertThat(removed.json().get("message").asText()).contains("amount");
    assertError(retyped, 409, 409);
    assertThat(retyped.json().get("message").asText()).contains("/fields/0/type");
    assertThat(added.status()).isEqualTo(200);
  }

  @Test
  void compatibility_checks_answer_with_verbose_messages() {
    String subject = subject();
    http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}");
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));

    Answer compatible =
        http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(V2));
    Answer incompatible =
        http.post(
            "/compatibility/subjects/" + subject + "/versions/1?verbose=true",
            schemaBody(AMOUNT_REMOVED));

    assertThat(compatible.json().toString()).isEqualTo("{\"is_compatible\":true}");
    assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(incompatible.json().get("messages").toString()).contains("amount");
    assertError(
        http.post("/compatibility/subjects/nobody/versions/latest", schemaBody(V1)), 404, 40401);
  }

  @Test
  void configuration_is_global_or_per_subject() {
    String subject = subject();
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isNotBlank();
    assertError(http.get("/config/" + subject), 404, 40408);
    assertThat(
            http.get("/config/" + subject + "?defaultToGlobal=true")
                .json()
                .has("compatibilityLevel"))
        .isTrue();

    http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");

    assertThat(http.get("/config/" + subject).json().toString())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    // Under NONE anything goes, a breaking change included.
    assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(ID_RETYPED)).status())
        .isEqualTo(200);
  }

  @Test
  void deletion_is_soft_first_then_permanent() {
    String subject = subject();
    http.post("/subjects/" + subject + "/versions", schemaBody(V1));
    http.post("/subjects/" + subject + "/versions", schemaBody(V2));

    assertError(http.delete("/subjects/" + subject + "/versions/1?permanent=true"), 404, 40407);
    assertThat(http.delete("/subjects/" + subject + "/versions/1").text()).isEqualTo("1");
    assertError(http.delete("/subjects/" + subject + "/versions/1"), 404, 40402);
    assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[2]");
    assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json().toString())
        .isEqualTo("[1,2]");
    assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").text())
        .isEqualTo("1");

    assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40405);
    assertThat(http.delete("/subjects/" + subject).json().toString()).isEqualTo("[2]");
    assertError(http.delete("/subjects/" + subject), 404, 40404);
    assertThat(http.get("/subjects").json().toString()).doesNotContain(subject);
    assertThat(http.get("/subjects?deleted=true").json().toString()).contains(subject);
    assertThat(http.delete("/subjects/" + subject + "?permanent=true").json().toString())
        .isEqualTo("[2]");
    assertError(http.get("/subjects/" + subject + "/versions?deleted=true"), 404, 40401);
  }

  @Test
  void read_only_mode_refuses_writes() {
    String subject = subject();
    assertThat(http.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
    assertThat(http.put("/mode", "{\"mode\":\"READONLY\"}").json().toString())
        .isEqualTo("{\"mode\":\"READONLY\"}");
    try {
      assertError(http.post("/subjects/" + subject + "/versions", schemaBody(V1)), 422, 42205);
    } finally {
      http.put("/mode", "{\"mode\":\"READWRITE\"}");
    }
    assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(V1)).status())
        .isEqualTo(200);
  }

  private static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.errorCode()).as(answer.text()).isEqualTo(errorCode);
    assertThat(answer.json().get("message").asText()).isNotBlank();
    assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
  }
}
