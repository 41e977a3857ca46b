package dev.tradeflow.registry;

import static dev.tradeflow.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.registry.RegistryHttp.Answer;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.SharedBroker;
import dev.tradeflow.runtime.TradeflowConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two registry instances on one topic, registering at the same time, some schemas on both: one id
 * per schema, never one id for two schemas, and both instances answer alike.
 */
@ExtendWith(SharedBroker.class)
class TwoRegistriesTest {

  private static final int SCHEMAS = 12;

  @Test
  void concurrent_registrations_never_share_or_split_an_id(EmbeddedKafkaBroker broker)
      throws Exception {
    KafkaClients clients = new KafkaClients(TradeflowConfig.defaults(), broker.bootstrapServers());
    SchemaRegistryServer.Settings settings =
        new SchemaRegistryServer.Settings(
            "127.0.0.1", 0, "_schemas-" + UUID.randomUUID(), 1, 1, CompatibilityLevel.NONE);
    try (SchemaRegistryServer a = SchemaRegistryServer.start(clients, settings);
        SchemaRegistryServer b = SchemaRegistryServer.start(clients, settings)) {
      RegistryHttp onA = new RegistryHttp(a.port());
      RegistryHttp onB = new RegistryHttp(b.port());
      String shared = "shared-value";
      List<Callable<Map<String, Integer>>> work = new ArrayList<>();
      // Both register the same schemas under the same subject, and their own under their own.
      work.add(() -> registerAll(onA, shared, "Shared"));
      work.add(() -> registerAll(onB, shared, "Shared"));
      work.add(() -> registerAll(onA, "only-a-value", "OnlyA"));
      work.add(() -> registerAll(onB, "only-b-value", "OnlyB"));
      ExecutorService pool = Executors.newFixedThreadPool(work.size());
      List<Map<String, Integer>> results = new ArrayList<>();
      try {
        for (Future<Map<String, Integer>> done : pool.invokeAll(work)) {
          results.add(done.get());
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(results.get(0)).isEqualTo(results.get(1));
      Map<String, Integer> idBySchema = new HashMap<>();
      results.forEach(idBySchema::putAll);
      assertThat(idBySchema).hasSize(3 * SCHEMAS);
      Set<Integer> ids = new HashSet<>(idBySchema.values());
      assertThat(ids).as("one id per distinct schema").hasSize(3 * SCHEMAS);
      for (Map.Entry<String, Integer> entry : idBySchema.entrySet()) {
        for (RegistryHttp instance : List.of(onA, onB)) {
          Answer schema = instance.get("/schemas/ids/" + entry.getValue());
          assertThat(RegistryHttp.JSON.readTree(schema.json().get("schema").asText()))
              .isEqualTo(RegistryHttp.JSON.readTree(entry.getKey()));
        }
      }
      assertThat(onA.get("/subjects/" + shared + "/versions").json())
          .isEqualTo(onB.get("/subjects/" + shared + "/versions").json())
          .hasSize(SCHEMAS);
    }
  }

  private static Map<String, Integer> registerAll(
      RegistryHttp registry, String subject, String name) {
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < SCHEMAS; i++) {
      String schema =
          "{\"type\":\"record\",\"name\":\""
              + name
              + i
              + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
      Answer answer = registry.post("/subjects/" + subject + "/versions", schemaBody(schema));
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      ids.put(schema, answer.json().get("id").asInt());
    }
    return ids;
  }
}
