package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.schemas.registry.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/**
 * The service runs the embedded schema registry, with event subjects kept FULL_TRANSITIVE, and
 * writes its events in Confluent's wire format with the registered ids.
 */
class SchemaRegistryIT {

  @Test
  void the_service_serves_the_registry_with_full_transitive_compatibility() throws Exception {
    TradeflowService service = SharedKafka.service();
    URI registry = URI.create(TradeflowService.registryUrl(service.config()));

    HttpResponse<String> config = get(registry.resolve("/config"));
    HttpResponse<String> types = get(registry.resolve("/schemas/types"));

    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("Content-Type"))
        .contains("application/vnd.schemaregistry.v1+json");
    JsonNode level = Json.mapper().readTree(config.body());
    assertThat(level.get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
    assertThat(types.body()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void events_are_framed_with_magic_byte_0_and_a_registered_id() throws Exception {
    TradeflowService service = SharedKafka.service();
    String lcId = "WIRE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    ApiClient api = SharedKafka.client(service);
    assertThat(api.post("/api/v1/lcs/" + lcId + "/commands", TestCommands.apply("c1")).status())
        .isEqualTo(200);
    RegistryClient registry = new RegistryClient(TradeflowService.registryUrl(service.config()));

    byte[] stored = firstEventOf(service, lcId);

    assertThat(stored[0]).isZero();
    int id = ByteBuffer.wrap(stored, 1, 4).getInt();
    Schema writer = registry.schemaById(id).orElseThrow();
    assertThat(writer.getFullName()).isEqualTo("dev.tradeflow.schemas.avro.lc.CreditApplied");
    assertThat(registry.lookup(Topics.LC_EVENTS + "-" + writer.getFullName(), writer)).contains(id);
    GenericRecord decoded =
        new GenericDatumReader<GenericRecord>(writer)
            .read(null, DecoderFactory.get().binaryDecoder(stored, 5, stored.length - 5, null));
    assertThat(decoded.get("envelope").toString()).contains(lcId);
  }

  private static byte[] firstEventOf(TradeflowService service, String lcId) {
    return SharedKafka.readEvents(new KafkaClients(service.config(), service.bootstrapServers()))
        .stream()
        .filter(record -> lcId.equals(record.key()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event of " + lcId + " in " + Topics.LC_EVENTS))
        .value();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
