package dev.tradeflow.app.processor;

import static dev.tradeflow.app.TestCommands.apply;
import static dev.tradeflow.app.TestCommands.envelope;
import static dev.tradeflow.app.TestCommands.issuedAndAdvised;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.domain.calendar.BankingCalendar;
import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.IssueCredit;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import dev.tradeflow.schemas.AvroSingleObjectSerde;
import dev.tradeflow.schemas.EventSerde;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandProcessorTest {

  private final EventSerde serde = new AvroSingleObjectSerde();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> commands;
  private TestOutputTopic<String, byte[]> events;
  private TestOutputTopic<String, CommandResult> results;
  private TestOutputTopic<String, byte[]> dlq;
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk telemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            CommandProcessor.topology(
                BankingCalendar.weekendsOnly(),
                serde,
                Duration.ofDays(7),
                new KafkaTracing(telemetry),
                RecordEncryption.none()),
            props);
    start(driver);
  }

  private void start(TopologyTestDriver driver) {
    commands =
        driver.createInputTopic(
            Topics.LC_COMMANDS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    events =
        driver.createOutputTopic(
            Topics.LC_EVENTS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    results =
        driver.createOutputTopic(
            Topics.LC_COMMAND_RESULTS,
            Serdes.String().deserializer(),
            JsonSerde.of(CommandResult.class).deserializer());
    dlq =
        driver.createOutputTopic(
            Topics.dlqOf(Topics.LC_COMMANDS),
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    telemetry.close();
  }

  private void send(String lcId, LcCommand command) {
    commands.pipeInput(lcId, Json.toBytes(envelope(lcId, command)));
  }

  private List<RecordedEvent<LcEvent>> readEvents() {
    return events.readValuesToList().stream()
        .map(bytes -> serde.deserialize(Topics.LC_EVENTS, bytes))
        .toList();
  }

  @Test
  void an_accepted_command_writes_its_events_and_an_accepted_outcome() {
    send("LC-1", apply("c1"));

    List<RecordedEvent<LcEvent>> written = readEvents();
    assertThat(written).hasSize(1);
    RecordedEvent<LcEvent> applied = written.get(0);
    assertThat(applied.payload()).isInstanceOf(LcEvent.CreditApplied.class);
    assertThat(applied.aggregateId()).isEqualTo("LC-1");
    assertThat(applied.aggregateVersion()).isEqualTo(1);
    assertThat(applied.causationId()).isEqualTo("c1");
    assertThat(applied.correlationId()).isEqualTo("corr-LC-1");
    assertThat(applied.actor()).isEqualTo("tester");
    assertThat(applied.prevHash()).isEqualTo(EventHash.GENESIS);
    assertThat(HashChain.verifyNext(ChainHead.EMPTY, applied)).isEmpty();

    CommandResult result = results.readValue();
    assertThat(result.isAccepted()).isTrue();
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.events())
        .singleElement()
        .satisfies(e -> assertThat(e.hash()).isEqualTo(applied.hash()));
  }

  @Test
  void processing_continues_the_commands_trace_into_its_events_and_outcome() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String senderSpanId = "00f067aa0ba902b7";
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        "traceparent",
        ("00-" + traceId + "-" + senderSpanId + "-01").getBytes(StandardCharsets.UTF_8));

    commands.pipeInput(
        new TestRecord<>("LC-1", Json.toBytes(envelope("LC-1", apply("c1"))), headers));

    SpanData process = spans.getFinishedSpanItems().get(0);
    assertThat(process.getName()).isEqualTo("tf.lc.commands process");
    assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(process.getTraceId()).isEqualTo(traceId);
    assertThat(process.getParentSpanId()).isEqualTo(senderSpanId);
    assertThat(process.getAttributes().get(KafkaTracing.PARTITION)).isEqualTo(0L);
    assertThat(process.getAttributes().get(KafkaTracing.OFFSET)).isEqualTo(0L);
    assertThat(process.getAttributes().get(KafkaTracing.CONSUMER_GROUP))
        .isEqualTo("processor-test");
    assertThat(process.getAttributes().get(KafkaTracing.MESSAGE_KEY)).isEqualTo("LC-1");
    String continued = "00-" + traceId + "-" + process.getSpanId() + "-";
    assertThat(traceparent(events.readRecord().headers().lastHeader("traceparent")))
        .startsWith(continued);
    assertThat(traceparent(results.readRecord().headers().lastHeader("traceparent")))
        .startsWith(continued);
  }

  @Test
  void a_command_sent_without_a_trace_starts_one() {
    send("LC-1", apply("c1"));

    SpanData process = spans.getFinishedSpanItems().get(0);
    assertThat(process.getParentSpanContext().isValid()).isFalse();
    assertThat(traceparent(events.readRecord().headers().lastHeader("traceparent")))
        .contains(process.getTraceId());
  }

  private static String traceparent(Header header) {
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void events_of_one_credit_form_a_gap_free_hash_chain() {
    issuedAndAdvised().forEach(command -> send("LC-2", command));

    List<RecordedEvent<LcEvent>> written = readEvents();
    assertThat(written).extracting(RecordedEvent::aggregateVersion).containsExactly(1L, 2L, 3L, 4L);
    ChainHead head = ChainHead.EMPTY;
    for (RecordedEvent<LcEvent> event : written) {
      assertThat(HashChain.verifyNext(head, event)).isEmpty();
      head = ChainHead.of(event);
    }
    KeyValueStore<String, AggregateSnapshot> store =
        driver.getKeyValueStore(CommandProcessor.AGGREGATE_STORE);
    AggregateSnapshot snapshot = store.get("LC-2");
    assertThat(snapshot.state().status()).isEqualTo(LcStatus.ADVISED);
    assertThat(snapshot.head()).isEqualTo(head);
    KeyValueStore<String, byte[]> history = driver.getKeyValueStore(CommandProcessor.HISTORY_STORE);
    assertThat(
            serde.deserialize(
                Topics.LC_EVENTS, history.get(CommandProcessor.historyKey("LC-2", 3))))
        .isEqualTo(written.get(2));
  }

  @Test
  void a_repeated_command_id_gets_the_original_outcome_and_writes_nothing() {
    send("LC-3", apply("c1"));
    CommandResult first = results.readValue();
    readEvents();

    send("LC-3", apply("c1"));

    assertThat(events.isEmpty()).isTrue();
    assertThat(results.readValue()).isEqualTo(first);
  }

  @Test
  void a_command_id_is_remembered_however_many_commands_follow() {
    issuedAndAdvised().forEach(command -> send("LC-4", command));
    for (int i = 0; i < 50; i++) {
      send(
          "LC-4",
          new IssueCredit(new CommandId("bad-" + i), dev.tradeflow.app.TestCommands.APPLIED));
    }
    results.readValuesToList();
    readEvents();

    send("LC-4", apply("c1"));

    CommandResult repeated = results.readValue();
    assertThat(repeated.isAccepted()).isTrue();
    assertThat(repeated.version()).isEqualTo(1);
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void a_rejection_on_an_unknown_credit_is_remembered_too() {
    send("LC-11", new IssueCredit(new CommandId("c1"), dev.tradeflow.app.TestCommands.APPLIED));
    assertThat(results.readValue().rejection().code()).isEqualTo(RejectionCode.LC_NOT_FOUND);
    send("LC-11", apply("c0"));
    results.readValue();

    send("LC-11", new IssueCredit(new CommandId("c1"), dev.tradeflow.app.TestCommands.APPLIED));

    assertThat(results.readValue().rejection().code()).isEqualTo(RejectionCode.LC_NOT_FOUND);
  }

  @Test
  void a_command_id_reused_for_a_different_command_is_refused() {
    send("LC-12", apply("c1"));
    results.readValue();
    readEvents();

    send("LC-12", new IssueCredit(new CommandId("c1"), dev.tradeflow.app.TestCommands.APPLIED));

    CommandResult result = results.readValue();
    assertThat(result.rejection().code()).isEqualTo(RejectionCode.COMMAND_ID_REUSED);
    assertThat(result.rejection().detail()).contains("ApplyForCredit");
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void a_rejected_command_writes_only_its_outcome() {
    issuedAndAdvised().forEach(command -> send("LC-5", command));
    readEvents();
    results.readValuesToList();

    send("LC-5", new IssueCredit(new CommandId("c9"), dev.tradeflow.app.TestCommands.APPLIED));

    assertThat(events.isEmpty()).isTrue();
    CommandResult result = results.readValue();
    assertThat(result.isAccepted()).isFalse();
    assertThat(result.rejection().code()).isEqualTo(RejectionCode.ILLEGAL_STATE);
    assertThat(result.version()).isEqualTo(4);
  }

  @Test
  void a_command_on_an_unknown_credit_is_rejected_without_creating_it() {
    send("LC-6", new IssueCredit(new CommandId("c1"), dev.tradeflow.app.TestCommands.APPLIED));

    assertThat(results.readValue().rejection().code()).isEqualTo(RejectionCode.LC_NOT_FOUND);
    assertThat(driver.getKeyValueStore(CommandProcessor.AGGREGATE_STORE).get("LC-6")).isNull();
  }

  @Test
  void an_unreadable_command_is_parked_in_the_dead_letter_topic_with_the_reason() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    commands.pipeInput("LC-7", garbage);

    TestRecord<String, byte[]> parked = dlq.readRecord();
    assertThat(parked.key()).isEqualTo("LC-7");
    assertThat(parked.value()).isEqualTo(garbage);
    assertThat(
            new String(parked.headers().lastHeader("tf-dlq-topic").value(), StandardCharsets.UTF_8))
        .isEqualTo(Topics.LC_COMMANDS);
    assertThat(parked.headers().lastHeader("tf-dlq-exception-message")).isNotNull();
    assertThat(results.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void a_command_that_cannot_be_recorded_is_parked_answered_and_writes_nothing() {
    driver.close();
    EventSerde failing =
        new EventSerde() {
          @Override
          public byte[] serialize(String topic, RecordedEvent<LcEvent> event) {
            throw new IllegalArgumentException("cannot encode " + event.eventType());
          }

          @Override
          public RecordedEvent<LcEvent> deserialize(String topic, byte[] data) {
            return serde.deserialize(topic, data);
          }
        };
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-test-failing");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("failing").toString());
    driver =
        new TopologyTestDriver(
            CommandProcessor.topology(
                BankingCalendar.weekendsOnly(),
                failing,
                Duration.ofDays(7),
                new KafkaTracing(OpenTelemetry.noop()),
                RecordEncryption.none()),
            props);
    start(driver);

    send("LC-9", apply("c1"));

    assertThat(events.isEmpty()).isTrue();
    assertThat(dlq.readRecord().headers().lastHeader("tf-dlq-exception-message").value())
        .asString(StandardCharsets.UTF_8)
        .contains("cannot encode CreditApplied");
    CommandResult result = results.readValue();
    assertThat(result.rejection().code()).isEqualTo(RejectionCode.INVALID_COMMAND);
    assertThat(driver.getKeyValueStore(CommandProcessor.AGGREGATE_STORE).get("LC-9")).isNull();
  }

  @Test
  void a_command_without_a_key_is_parked() {
    commands.pipeInput((String) null, Json.toBytes(envelope("LC-10", apply("c1"))));

    assertThat(
            new String(
                dlq.readRecord().headers().lastHeader("tf-dlq-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("no key");
  }

  @Test
  void a_command_whose_key_is_not_its_lc_is_parked() {
    commands.pipeInput("LC-8", Json.toBytes(envelope("LC-OTHER", apply("c1"))));

    assertThat(dlq.readRecord().key()).isEqualTo("LC-8");
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void a_store_key_belongs_to_the_credit_it_starts_with() {
    assertThat(CommandProcessor.creditOf("LC-2026-0001")).isEqualTo("LC-2026-0001");
    assertThat(CommandProcessor.creditOf(CommandProcessor.historyKey("LC-1", 7))).isEqualTo("LC-1");
    assertThat(CommandProcessor.creditOf("LC-1:A1:s1:1")).isEqualTo("LC-1");
  }
}
