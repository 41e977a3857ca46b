package dev.tradeflow.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.SharedBroker;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.TopicSpec;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.consumer.internals.ConsumerMetrics;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import dev.tradeflow.runtime.dlq.ParkedKey;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedBroker.class)
class ReliableConsumerTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static KafkaClients clients;
  private static Admin admin;
  private static KafkaProducer<byte[], byte[]> producer;

  private final List<ReliableConsumer<?, ?>> started = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final KafkaTracing tracing =
      new KafkaTracing(
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder()
                      .addSpanProcessor(SimpleSpanProcessor.create(spans))
                      .build())
              .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
              .build());

  @BeforeAll
  static void connect(EmbeddedKafkaBroker broker) {
    clients = new KafkaClients(TradeflowConfig.defaults(), broker.bootstrapServers());
    admin = Admin.create(clients.adminProps());
    producer =
        new KafkaProducer<>(
            clients.interactiveProducerProps(),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    admin.close();
  }

  @AfterEach
  void stopConsumers() {
    started.forEach(ReliableConsumer::close);
  }

  @Test
  void retries_a_transient_failure_and_applies_the_effect_once() throws Exception {
    String topic = newTopic();
    AtomicInteger attempts = new AtomicInteger();
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, String> consumer =
        start(
            topic,
            "retrying",
            record -> {
              if (attempts.incrementAndGet() <= 3) {
                throw new Flaky("credit service unavailable");
              }
              applied.add(record.value());
            });
    send(topic, "lc-1", "issue");

    await(() -> applied.size() == 1);
    consumer.close();

    assertThat(attempts).hasValue(4);
    assertThat(applied).containsExactly("issue");
    assertThat(readDeadLetters(topic, 0)).isEmpty();
    String group = "retrying-" + topic;
    assertThat(count(ConsumerMetrics.FAILED, topic, group)).isEqualTo(3);
    assertThat(count(ConsumerMetrics.RETRIED, topic, group)).isEqualTo(3);
    assertThat(count(ConsumerMetrics.PROCESSED, topic, group)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.PARKED, topic, group)).isZero();
    assertThat(timer(ConsumerMetrics.PROCESSING, topic, group).count()).isEqualTo(4);
    assertThat(timer(ConsumerMetrics.END_TO_END, topic, group).count()).isEqualTo(1);
    List<String> afterRestart = Collections.synchronizedList(new ArrayList<>());
    start(topic, "retrying", record -> afterRestart.add(record.value()));
    send(topic, "lc-1", "advise");
    await(() -> afterRestart.contains("advise"));
    assertThat(afterRestart).containsExactly("advise");
  }

  @Test
  void continues_the_trace_a_record_carries_with_a_process_span() throws Exception {
    String topic = newTopic();
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    start(topic, "tracing", record -> applied.add(record.value()));
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parentId = "00f067aa0ba902b7";
    send(
        topic,
        "lc-1",
        "issue",
        new RecordHeaders().add("traceparent", bytes("00-" + traceId + "-" + parentId + "-01")));

    await(() -> applied.size() == 1);

    await(() -> !spans.getFinishedSpanItems().isEmpty());
    SpanData process = spans.getFinishedSpanItems().get(0);
    assertThat(process.getName()).isEqualTo(topic + " process");
    assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(process.getTraceId()).isEqualTo(traceId);
    assertThat(process.getParentSpanId()).isEqualTo(parentId);
    assertThat(process.getAttributes().get(KafkaTracing.CONSUMER_GROUP))
        .isEqualTo("tracing-" + topic);
    assertThat(process.getAttributes().get(KafkaTracing.OFFSET)).isZero();
  }

  @Test
  void pauses_only_the_failing_partition_while_it_waits_for_a_retry() throws Exception {
    String topic = newTopic(2);
    AtomicInteger attempts = new AtomicInteger();
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, String> consumer =
        ReliableConsumer.start(
            clients,
            settings(topic, "paused")
                .withRetries(Duration.ofMillis(1500), 2.0, Duration.ofSeconds(3), 3),
            new StringDeserializer(),
            new StringDeserializer(),
            record -> {
              if (record.partition() == 0 && attempts.incrementAndGet() == 1) {
                throw new Flaky("screening service unavailable");
              }
              applied.add(record.value());
            },
            meters,
            tracing);
    started.add(consumer);
    producer.send(new ProducerRecord<>(topic, 0, bytes("lc-1"), bytes("issue"))).get();
    await(() -> attempts.get() == 1);
    producer.send(new ProducerRecord<>(topic, 1, bytes("lc-2"), bytes("advise"))).get();

    await(() -> applied.size() == 2);

    assertThat(applied).containsExactly("advise", "issue");
    assertThat(attempts).hasValue(2);
    consumer.close();
    assertThat(count(ConsumerMetrics.FAILED, topic, "paused-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.RETRIED, topic, "paused-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.PROCESSED, topic, "paused-" + topic)).isEqualTo(2);
  }

  @Test
  void parks_a_non_retryable_failure_with_every_header_while_other_keys_flow() throws Exception {
    String topic = newTopic();
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, String> consumer =
        start(topic, "parking", failingOn("poison", applied));
    Instant before = Instant.now();
    send(topic, "lc-1", "poison", new RecordHeaders().add("traceparent", bytes("00-abc-01")));
    send(topic, "lc-2", "issue");

    await(() -> applied.contains("issue"));
    List<ConsumerRecord<byte[], byte[]>> parked = readDeadLetters(topic, 1);

    ConsumerRecord<byte[], byte[]> dead = parked.get(0);
    assertThat(dead.key()).isEqualTo(bytes("lc-1"));
    assertThat(dead.value()).isEqualTo(bytes("poison"));
    assertThat(header(dead, "traceparent")).isEqualTo("00-abc-01");
    assertThat(header(dead, DeadLetterHeaders.REASON))
        .isEqualTo(DeadLetterHeaders.REASON_NON_RETRYABLE);
    assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(topic);
    assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("0");
    assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("0");
    assertThat(Long.parseLong(header(dead, DeadLetterHeaders.TIMESTAMP)))
        .isGreaterThanOrEqualTo(before.toEpochMilli());
    assertThat(header(dead, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("parking-" + topic);
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("cannot apply poison");
    assertThat(header(dead, DeadLetterHeaders.STACK_TRACE_DIGEST)).matches("[0-9a-f]{64}");
    assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    Instant first = Instant.parse(header(dead, DeadLetterHeaders.FIRST_FAILURE));
    assertThat(first).isAfterOrEqualTo(before);
    assertThat(Instant.parse(header(dead, DeadLetterHeaders.LAST_FAILURE))).isAfterOrEqualTo(first);
    assertThat(applied).containsExactly("issue");
    assertThat(consumer.isRunning()).isTrue();
    consumer.close();
    assertThat(count(ConsumerMetrics.PARKED, topic, "parking-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.FAILED, topic, "parking-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.RETRIED, topic, "parking-" + topic)).isZero();
    assertThat(count(ConsumerMetrics.PROCESSED, topic, "parking-" + topic)).isEqualTo(1);
  }

  @Test
  void parks_later_records_of_a_parked_key_behind_it() throws Exception {
    String topic = newTopic();
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, String> consumer =
        start(topic, "sequenced", failingOn("poison", applied));
    send(topic, "lc-1", "poison");
    send(topic, "lc-1", "amend");
    send(topic, "lc-2", "issue");

    await(() -> applied.contains("issue"));
    List<ConsumerRecord<byte[], byte[]>> parked = readDeadLetters(topic, 2);

    assertThat(applied).containsExactly("issue");
    assertThat(parked)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("poison", "amend");
    ConsumerRecord<byte[], byte[]> behind = parked.get(1);
    assertThat(header(behind, DeadLetterHeaders.REASON))
        .isEqualTo(DeadLetterHeaders.REASON_PARKED_BEHIND);
    assertThat(header(behind, DeadLetterHeaders.PARKED_BEHIND_OFFSET)).isEqualTo("0");
    assertThat(header(behind, DeadLetterHeaders.OFFSET)).isEqualTo("1");
    assertThat(consumer.parkedKeys())
        .containsExactly(new ParkedKey(topic, 0, HexFormat.of().formatHex(bytes("lc-1")), 0));
    consumer.close();
    assertThat(count(ConsumerMetrics.PARKED, topic, "sequenced-" + topic)).isEqualTo(2);
    assertThat(count(ConsumerMetrics.FAILED, topic, "sequenced-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.PROCESSED, topic, "sequenced-" + topic)).isEqualTo(1);
  }

  @Test
  void parks_a_record_its_deserializer_cannot_read_and_keeps_running() throws Exception {
    String topic = newTopic();
    List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, Integer> consumer =
        ReliableConsumer.start(
            clients,
            settings(topic, "garbage"),
            new StringDeserializer(),
            new IntegerDeserializer(),
            record -> applied.add(record.value()),
            meters,
            tracing);
    started.add(consumer);
    send(topic, "lc-1", new byte[] {(byte) 0xde, (byte) 0xad});
    send(topic, "lc-2", ByteBuffer.allocate(4).putInt(7).array());

    await(() -> applied.contains(7));
    ConsumerRecord<byte[], byte[]> dead = readDeadLetters(topic, 1).get(0);

    assertThat(dead.value()).containsExactly(0xde, 0xad);
    assertThat(header(dead, DeadLetterHeaders.REASON))
        .isEqualTo(DeadLetterHeaders.REASON_DESERIALIZATION);
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS))
        .isEqualTo(SerializationException.class.getName());
    assertThat(consumer.isRunning()).isTrue();
    consumer.close();
    assertThat(count(ConsumerMetrics.FAILED, topic, "garbage-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.PARKED, topic, "garbage-" + topic)).isEqualTo(1);
    assertThat(count(ConsumerMetrics.PROCESSED, topic, "garbage-" + topic)).isEqualTo(1);
    // No handler ran for the unreadable record: only the good one was timed.
    assertThat(timer(ConsumerMetrics.PROCESSING, topic, "garbage-" + topic).count()).isEqualTo(1);
  }

  @Test
  void close_commits_what_was_handled() throws Exception {
    String topic = newTopic();
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, String> first =
        start(topic, "closing", record -> applied.add(record.value()));
    for (int i = 0; i < 5; i++) {
      send(topic, "lc-" + i, "issue-" + i);
    }
    await(() -> applied.size() == 5);
    // The poll after the last record knows the partition's end: nothing is left to consume.
    await(() -> lag(topic, "closing-" + topic) == 0.0);
    first.close();

    List<String> afterRestart = Collections.synchronizedList(new ArrayList<>());
    start(topic, "closing", record -> afterRestart.add(record.value()));
    send(topic, "lc-9", "issue-9");

    await(() -> afterRestart.contains("issue-9"));
    assertThat(afterRestart).containsExactly("issue-9");
    assertThat(first.isRunning()).isFalse();
  }

  @Test
  void records_whose_flush_failed_are_handled_again_and_take_effect_once() throws Exception {
    String topic = newTopic();
    List<String> durable = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger flushesToFail = new AtomicInteger(1);
    start(
        topic,
        "flushing",
        new RecordHandler<String, String>() {
          // Effects wait here for the flush, as a database transaction's rows do.
          private final List<String> staged = new ArrayList<>();

          @Override
          public void handle(ConsumerRecord<String, String> record) {
            staged.add(record.value());
          }

          @Override
          public void flush() {
            try {
              if (!staged.isEmpty() && flushesToFail.getAndDecrement() > 0) {
                throw new IllegalStateException("the commit failed");
              }
              durable.addAll(staged);
            } finally {
              staged.clear();
            }
          }
        });
    for (int i = 0; i < 5; i++) {
      send(topic, "lc-" + i, "issue-" + i);
    }

    await(() -> durable.size() >= 5);
    await(() -> lag(topic, "flushing-" + topic) == 0.0);
    assertThat(flushesToFail.get()).isNegative();
    assertThat(durable).containsExactly("issue-0", "issue-1", "issue-2", "issue-3", "issue-4");
  }

  @Test
  void a_handler_storing_its_positions_is_read_from_them_and_elsewhere_from_kafkas_offsets()
      throws Exception {
    String topic = newTopic(2);
    List<String> first = Collections.synchronizedList(new ArrayList<>());
    ReliableConsumer<String, String> committing =
        start(topic, "positions", record -> first.add(record.value()));
    for (int partition = 0; partition < 2; partition++) {
      for (int i = 0; i < 3; i++) {
        send(topic, partition, "lc-" + partition, "p" + partition + "-" + i);
      }
    }
    await(() -> first.size() == 6);
    committing.close(); // Kafka's offsets: 3 on each partition

    // The handler's store has partition 0 at offset 1 (restored from a backup, say) and nothing
    // of partition 1.
    TopicPartition p0 = new TopicPartition(topic, 0);
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    start(
        topic,
        "positions",
        new OffsetStoringHandler<String, String>() {
          @Override
          public void handle(ConsumerRecord<String, String> record) {
            applied.add(record.value());
          }

          @Override
          public Map<TopicPartition, Long> storedPositions(Collection<TopicPartition> partitions) {
            return partitions.contains(p0) ? Map.of(p0, 1L) : Map.of();
          }
        });

    send(topic, 1, "lc-1", "p1-3");
    await(() -> applied.size() == 3);
    assertThat(applied).containsExactlyInAnyOrder("p0-1", "p0-2", "p1-3");
  }

  private ReliableConsumer<String, String> start(
      String topic, String group, RecordHandler<String, String> handler) {
    ReliableConsumer<String, String> consumer =
        ReliableConsumer.start(
            clients,
            settings(topic, group),
            new StringDeserializer(),
            new StringDeserializer(),
            handler,
            meters,
            tracing);
    started.add(consumer);
    return consumer;
  }

  private double count(String counter, String topic, String group) {
    return meters.get(counter).tag("topic", topic).tag("group", group).counter().count();
  }

  private Timer timer(String name, String topic, String group) {
    return meters.get(name).tag("topic", topic).tag("group", group).timer();
  }

  /** NaN until the consumer has registered the gauge of partition 0. */
  private double lag(String topic, String group) {
    Gauge gauge =
        meters
            .find(ConsumerMetrics.LAG)
            .tag("topic", topic)
            .tag("partition", "0")
            .tag("group", group)
            .gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private static ReliableConsumerSettings settings(String topic, String group) {
    return ReliableConsumerSettings.of(group + "-" + topic, List.of(topic))
        .withRetries(Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 5);
  }

  private static RecordHandler<String, String> failingOn(String poison, List<String> applied) {
    return record -> {
      if (record.value().equals(poison)) {
        throw new IllegalStateException("cannot apply " + poison);
      }
      applied.add(record.value());
    };
  }

  /** A fresh topic and its DLQ, so each test sees only its own records. */
  private static String newTopic() {
    return newTopic(1);
  }

  private static String newTopic(int partitions) {
    String topic = "it.consumer." + UUID.randomUUID();
    TopicAdmin.ensureTopics(
        admin,
        List.of(
            new TopicSpec(topic, partitions, 1, Map.of()),
            new TopicSpec(Topics.dlqOf(topic), 1, 1, Map.of())));
    return topic;
  }

  private static void send(String topic, String key, String value) throws Exception {
    send(topic, key, bytes(value), new RecordHeaders());
  }

  private static void send(String topic, int partition, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, partition, bytes(key), bytes(value))).get();
  }

  private static void send(String topic, String key, String value, Headers headers)
      throws Exception {
    send(topic, key, bytes(value), headers);
  }

  private static void send(String topic, String key, byte[] value) throws Exception {
    send(topic, key, value, new RecordHeaders());
  }

  private static void send(String topic, String key, byte[] value, Headers headers)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, null, bytes(key), value, headers)).get();
  }

  /** Reads the DLQ from the start until {@code expected} records arrived, and a little longer. */
  private static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(String topic, int expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> reader =
        new KafkaConsumer<>(
            clients.consumerProps("reader-" + UUID.randomUUID()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      reader.subscribe(List.of(Topics.dlqOf(topic)));
      long deadline = System.nanoTime() + WAIT.toNanos();
      // Waits for extra records too, so that "exactly these" also means "nothing more".
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        reader.poll(Duration.ofMillis(100)).forEach(records::add);
        if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofMillis(500).toNanos();
        }
      }
    }
    assertThat(records).hasSize(expected);
    return records;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within %s", WAIT).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static final class Flaky extends RuntimeException implements TransientFailure {
    Flaky(String message) {
      super(message);
    }
  }
}
