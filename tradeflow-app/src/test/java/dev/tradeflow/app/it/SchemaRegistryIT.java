package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The service runs the embedded schema registry, with event subjects kept FULL_TRANSITIVE. */
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

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
