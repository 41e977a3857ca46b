package dev.tradeflow.registry;

import static dev.tradeflow.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.SharedBroker;
import dev.tradeflow.runtime.TradeflowConfig;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A record in the schemas topic that the registry cannot read (another tool's, a corrupt one) is
 * skipped: the records around it count, and the registry keeps answering.
 */
@ExtendWith(SharedBroker.class)
class UnreadableStoreRecordTest {

  @Test
  void an_unreadable_record_is_skipped_and_the_ones_after_it_still_count(EmbeddedKafkaBroker broker)
      throws Exception {
    KafkaClients clients = new KafkaClients(TradeflowConfig.defaults(), broker.bootstrapServers());
    String topic = "_schemas-" + UUID.randomUUID();
    SchemaRegistryServer.Settings settings =
        new SchemaRegistryServer.Settings("127.0.0.1", 0, topic, 1, 1, CompatibilityLevel.BACKWARD);
    try (SchemaRegistryServer writer = SchemaRegistryServer.start(clients, settings)) {
      RegistryHttp http = new RegistryHttp(writer.port());
      String first = "{\"type\":\"record\",\"name\":\"First\",\"fields\":[]}";
      String second = "{\"type\":\"record\",\"name\":\"Second\",\"fields\":[]}";
      assertThat(http.post("/subjects/a-value/versions", schemaBody(first)).status())
          .isEqualTo(200);
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              clients.interactiveProducerProps(),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    topic, "not json".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2}))
            .get();
      }
      assertThat(http.post("/subjects/b-value/versions", schemaBody(second)).status())
          .isEqualTo(200);
    }
    // A fresh instance reads the whole topic, the bad record in the middle included.
    try (SchemaRegistryServer reader = SchemaRegistryServer.start(clients, settings)) {
      RegistryHttp http = new RegistryHttp(reader.port());
      assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"a-value\",\"b-value\"]");
      assertThat(http.get("/subjects/b-value/versions/latest").json().get("id").asInt())
          .isEqualTo(2);
    }
  }
}
