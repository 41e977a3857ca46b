package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.dlq.DeadLetterEntry;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import dev.tradeflow.runtime.dlq.DeadLetterQueues;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Records on the log of record that name a schema id the registry does not know, or carry a bad
 * magic byte, are parked by the reporting projection with the reason, and it goes on with the rest.
 * On a broker of its own: such records must never reach the suite's log.
 */
class UnreadableEventIT {

  @Test
  void an_unknown_schema_id_or_a_bad_magic_byte_is_parked_and_the_projection_goes_on()
      throws Exception {
    try (EmbeddedKafkaBroker broker = SharedKafka.startBroker()) {
      TradeflowConfig config =
          SharedKafka.config(Map.of("TRADEFLOW_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
      try (TradeflowService service = TradeflowService.start(config, false)) {
        KafkaClients clients = new KafkaClients(config, broker.bootstrapServers());
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).array();
        byte[] badMagic = {7, 0, 0, 0, 1, 2, 3};
        try (KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(
                clients.interactiveProducerProps(),
                new StringSerializer(),
                new ByteArraySerializer())) {
          producer.send(new ProducerRecord<>(Topics.LC_EVENTS, "ROGUE-1", unknownId)).get();
          producer.send(new ProducerRecord<>(Topics.LC_EVENTS, "ROGUE-2", badMagic)).get();
        }
        ApiClient api = SharedKafka.client(service);
        TestCommands.issuedAndAdvised()
            .forEach(
                c ->
                    assertThat(api.post("/api/v1/lcs/GOOD-1/commands", c).status()).isEqualTo(200));

        try (DeadLetterQueues queues = new DeadLetterQueues(clients, Clock.systemUTC())) {
          List<DeadLetterEntry> parked =
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(
                      () -> queues.list(Optional.of(Topics.LC_EVENTS), false),
                      letters -> letters.size() == 2);
          assertThat(parked)
              .extracting(e -> e.letter().keyText().orElseThrow())
              .containsExactlyInAnyOrder("ROGUE-1", "ROGUE-2");
          assertThat(parked)
              .allSatisfy(
                  e ->
                      assertThat(e.letter().reason())
                          .isEqualTo(DeadLetterHeaders.REASON_DESERIALIZATION));
          assertThat(parked)
              .extracting(e -> e.letter().header(DeadLetterHeaders.EXCEPTION_MESSAGE).orElse(""))
              .anyMatch(m -> m.contains("unknown schema id 987654"))
              .anyMatch(m -> m.contains("bad magic byte 7"));
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    service.reporting().queries().register(Optional.empty()).stream()
                        .anyMatch(r -> r.lcId().equals("GOOD-1") && r.version() == 4));
        assertThat(service.reporting().isRunning()).isTrue();
      }
    }
  }
}
