package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.replay.ReplayReport;
import dev.tradeflow.app.replay.ReplayVerifier;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.schemas.EventSerde;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code replay --verify} against a real log: it agrees with the store, and catches tampering. */
class ReplayIT {

  /** The events' encoding with the registry of the service under test. */
  private EventSerde serde;

  @Test
  void the_state_rebuilt_from_the_log_equals_the_live_store() {
    TradeflowService service = SharedKafka.service();
    ApiClient api = SharedKafka.client(service);
    for (int i = 0; i < 3; i++) {
      String lcId = "REPLAY-" + UUID.randomUUID().toString().substring(0, 8);
      TestCommands.issuedAndAdvised()
          .forEach(
              c ->
                  assertThat(api.post("/api/v1/lcs/" + lcId + "/commands", c).status())
                      .isEqualTo(200));
    }

    ReplayReport report = verifier(service.config(), service.bootstrapServers()).verify();

    assertThat(report.divergences()).isEmpty();
    assertThat(report.eventsRead()).isGreaterThanOrEqualTo(12);
    assertThat(report.creditsRebuilt())
        .isEqualTo(report.creditsInLiveStore())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void a_copy_of_a_stored_event_with_one_field_changed_is_named() throws Exception {
    onItsOwnBroker(
        "TAMPER-1",
        (clients, verifier) -> {
          assertThat(verifier.verify().agrees()).isTrue();
          ConsumerRecord<String, byte[]> stored = storedEvent(clients, "TAMPER-1", 2);
          RecordedEvent<LcEvent> original = serde.deserialize(Topics.LC_EVENTS, stored.value());
          RecordedEvent<LcEvent> altered =
              new RecordedEvent<>(
                  original.eventId(),
                  original.aggregateId(),
                  original.aggregateVersion(),
                  original.occurredAt(),
                  original.causationId(),
                  original.correlationId(),
                  "mallory",
                  original.prevHash(),
                  original.hash(),
                  original.payload());
          append(clients, stored.partition(), altered);

          ReplayReport report = verifier.verify();

          assertThat(report.agrees()).isFalse();
          ReplayReport.Divergence first = report.divergences().get(0);
          assertThat(first.lcId()).isEqualTo("TAMPER-1");
          assertThat(first.version()).isEqualTo(2);
          assertThat(first.reason()).contains("follows version");
          assertThat(first.where())
              .isEqualTo(
                  Topics.LC_EVENTS
                      + "-"
                      + stored.partition()
                      + "@"
                      + lastOffset(clients, stored.partition()));
        });
  }

  @Test
  void a_forged_next_event_whose_hash_does_not_cover_its_content_is_named() throws Exception {
    onItsOwnBroker(
        "FORGED-1",
        (clients, verifier) -> {
          ConsumerRecord<String, byte[]> last = storedEvent(clients, "FORGED-1", 4);
          RecordedEvent<LcEvent> advised = serde.deserialize(Topics.LC_EVENTS, last.value());
          // The next version, linked to the real head, but its hash copied rather than computed.
          RecordedEvent<LcEvent> forged =
              new RecordedEvent<>(
                  UUID.randomUUID(),
                  "FORGED-1",
                  5,
                  advised.occurredAt(),
                  "forged",
                  advised.correlationId(),
                  "mallory",
                  advised.hash(),
                  advised.hash(),
                  new LcEvent.CreditClosed(TestCommands.APPLIED.plusDays(9)));
          append(clients, last.partition(), forged);

          ReplayReport report = verifier.verify();

          assertThat(report.divergences())
              .singleElement()
              .satisfies(
                  d -> {
                    assertThat(d.lcId()).isEqualTo("FORGED-1");
                    assertThat(d.version()).isEqualTo(5);
                    assertThat(d.reason()).contains("does not match its content");
                  });
        });
  }

  @Test
  void an_event_missing_from_the_history_the_api_serves_is_named() throws Exception {
    onItsOwnBroker(
        "HISTORY-1",
        (clients, verifier) -> {
          int partition = storedEvent(clients, "HISTORY-1", 3).partition();
          try (KafkaProducer<String, byte[]> producer =
              new KafkaProducer<>(
                  clients.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
            producer
                .send(
                    new ProducerRecord<>(
                        SharedKafka.config(Map.of()).streams().applicationId()
                            + "-"
                            + CommandProcessor.HISTORY_STORE
                            + "-changelog",
                        partition,
                        CommandProcessor.historyKey("HISTORY-1", 3),
                        null))
                .get();
          }

          ReplayReport report = verifier.verify();

          assertThat(report.divergences())
              .singleElement()
              .satisfies(
                  d -> {
                    assertThat(d.lcId()).isEqualTo("HISTORY-1");
                    assertThat(d.version()).isEqualTo(3);
                    assertThat(d.reason()).contains("missing from the history store");
                  });
        });
  }

  /** What a tampering test does to a log that holds one issued and advised credit. */
  private interface Tampering {
    void run(KafkaClients clients, ReplayVerifier verifier) throws Exception;
  }

  /** A broker and a service of the test's own, so tampering never touches the suite's log. */
  private void onItsOwnBroker(String lcId, Tampering tampering) throws Exception {
    try (EmbeddedKafkaBroker broker = SharedKafka.startBroker()) {
      TradeflowConfig config =
          SharedKafka.config(Map.of("TRADEFLOW_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
      try (TradeflowService service = TradeflowService.start(config, false)) {
        serde = TradeflowService.eventSerde(config);
        ApiClient api = SharedKafka.client(service);
        TestCommands.issuedAndAdvised()
            .forEach(
                c ->
                    assertThat(api.post("/api/v1/lcs/" + lcId + "/commands", c).status())
                        .isEqualTo(200));
        tampering.run(
            new KafkaClients(config, broker.bootstrapServers()),
            verifier(config, broker.bootstrapServers()));
      }
    }
  }

  private void append(KafkaClients clients, int partition, RecordedEvent<LcEvent> event)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            clients.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.LC_EVENTS,
                  partition,
                  event.aggregateId(),
                  serde.serialize(Topics.LC_EVENTS, event)))
          .get();
    }
  }

  private ReplayVerifier verifier(TradeflowConfig config, String bootstrap) {
    return new ReplayVerifier(
        new KafkaClients(config, bootstrap),
        TradeflowService.eventSerde(config),
        config.streams().applicationId());
  }

  private ConsumerRecord<String, byte[]> storedEvent(
      KafkaClients clients, String lcId, long version) {
    for (ConsumerRecord<String, byte[]> record : SharedKafka.readEvents(clients)) {
      if (record.key().equals(lcId)
          && serde.deserialize(Topics.LC_EVENTS, record.value()).aggregateVersion() == version) {
        return record;
      }
    }
    throw new AssertionError("no event " + lcId + " v" + version);
  }

  private static long lastOffset(KafkaClients clients, int partition) {
    long last = -1;
    for (ConsumerRecord<String, byte[]> record : SharedKafka.readEvents(clients)) {
      if (record.partition() == partition) {
        last = Math.max(last, record.offset());
      }
    }
    return last;
  }
}
