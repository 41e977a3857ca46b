package dev.tradeflow.app.it;

import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.demo.DemoRunner;
import dev.tradeflow.audit.AuditReport;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One real embedded Kafka broker for the whole integration suite, and one Tradeflow service on it;
 * both start on first use and stop when the test JVM exits. Tests keep apart by LC ids.
 */
public final class SharedKafka {

  private static EmbeddedKafkaBroker broker;
  private static TradeflowService service;
  private static EmbeddedKafkaBroker sagaBroker;
  private static TradeflowService sagaService;
  private static DemoRunner.Summary sagaDemo;

  /**
   * The key every service of the suite signs and verifies tokens with, so that instances that
   * forward to each other trust the same tokens.
   */
  private static final java.nio.file.Path TOKEN_KEY =
      tempDir("tradeflow-it-auth").resolve("token-signing.jwk");

  /** The suite's everyday user: enters commands, reads, runs dead letters. */
  public static final String TESTER = "it.tester";

  /** Every span the suite's service finished; tests find theirs by trace id. */
  public static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  private SharedKafka() {}

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = startBroker();
      EmbeddedKafkaBroker started = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-stop"));
    }
    return broker.bootstrapServers();
  }

  /** The suite's service: the processor, gateway and API on the shared broker. */
  public static synchronized TradeflowService service() {
    if (service == null) {
      OpenTelemetrySdk telemetry =
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder()
                      .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                      .build())
              .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
              .build();
      service = TradeflowService.start(config(Map.of()), false, telemetry);
      TradeflowService started = service;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    telemetry.close();
                  },
                  "shared-service-stop"));
    }
    return service;
  }

  /**
   * A service running the issuance saga, on a second broker (the suite's service, whose topology
   * has no saga, holds the first one's Streams application): short approval deadline, frequent
   * ticks. Shared by the saga's and the demo's integration tests.
   */
  public static synchronized TradeflowService sagaService() {
    if (sagaService == null) {
      sagaBroker = startBroker();
      sagaService = TradeflowService.start(sagaConfig(), false);
      TradeflowService started = sagaService;
      EmbeddedKafkaBroker startedBroker = sagaBroker;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    startedBroker.close();
                  },
                  "saga-service-stop"));
    }
    return sagaService;
  }

  /**
   * The demo, run once on the saga service for the tests that check what it leaves (its outcomes,
   * its audit log): it goes through the saga, which takes its time.
   */
  public static synchronized DemoRunner.Summary sagaDemo() throws InterruptedException {
    if (sagaDemo == null) {
      sagaDemo = DemoRunner.against(sagaService(), Clock.systemUTC()).run();
    }
    return sagaDemo;
  }

  /**
   * The saga service's configuration (on its own broker, started by {@link #sagaService}), with its
   * own data dir and HTTP port: another instance of the same Streams application.
   */
  public static synchronized TradeflowConfig sagaConfig() {
    if (sagaBroker == null) {
      throw new IllegalStateException("start the saga service first");
    }
    return config(
        Map.of(
            "TRADEFLOW_BOOTSTRAP_SERVERS", sagaBroker.bootstrapServers(),
            "TRADEFLOW_SAGA_ENABLED", "true",
            "TRADEFLOW_SAGA_APPROVAL_TIMEOUT_MS", "8000",
            "TRADEFLOW_SAGA_TICK_INTERVAL_MS", "200"));
  }

  /** A configuration on the shared broker with its own data dir and HTTP port, plus overrides. */
  public static TradeflowConfig config(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("TRADEFLOW_BOOTSTRAP_SERVERS", bootstrapServers());
    env.put("TRADEFLOW_DATA_DIR", tempDir("tradeflow-it").toString());
    env.put("TRADEFLOW_HTTP_PORT", Integer.toString(freePort()));
    env.put("TRADEFLOW_REGISTRY_PORT", Integer.toString(freePort()));
    env.put("TRADEFLOW_KAFKA_REPLICATION_FACTOR", "1");
    env.put("TRADEFLOW_KAFKA_MIN_INSYNC_REPLICAS", "1");
    // The suite's service lets tests approve and issue directly; IssuanceIT runs the saga on a
    // broker of its own (one Streams application per broker here, and its topology differs).
    env.put("TRADEFLOW_SAGA_ENABLED", "false");
    env.put("TRADEFLOW_AUTH_SIGNING_KEY", TOKEN_KEY.toString());
    env.putAll(overrides);
    return ConfigLoader.load(Optional.empty(), env);
  }

  /** A client of {@code service}'s API as {@link #TESTER}: maker, operator and auditor. */
  public static ApiClient client(TradeflowService service) {
    return new ApiClient(
        service.apiBase(), bearer(service, TESTER, Role.MAKER, Role.OPERATOR, Role.AUDITOR));
  }

  /** The {@code Authorization} header value of {@code user} with {@code roles}. */
  public static String bearer(TradeflowService service, String user, Role... roles) {
    return service.tokenIssuer().orElseThrow().bearer(user, roles);
  }

  /** The headers of a request to {@code service} by {@code user} with {@code roles}. */
  public static Map<String, String> as(TradeflowService service, String user, Role... roles) {
    return Map.of("Authorization", bearer(service, user, roles));
  }

  /**
   * A configuration file for the CLI on the shared broker, with {@code extraLines} ({@code
   * key=value}) appended.
   */
  public static Path cliConfig(String... extraLines) {
    return cliConfigFor(bootstrapServers(), extraLines);
  }

  /** The same for the saga service's broker. */
  public static Path sagaCliConfig(String... extraLines) {
    return cliConfigFor(sagaService().bootstrapServers(), extraLines);
  }

  static Path cliConfigFor(String bootstrapServers, String... extraLines) {
    try {
      Path config = Files.createTempFile("tradeflow-cli", ".properties");
      List<String> lines = new ArrayList<>();
      lines.add("kafka.bootstrap-servers=" + bootstrapServers);
      lines.add("kafka.replication-factor=1");
      lines.add("kafka.min-insync-replicas=1");
      lines.add("saga.enabled=false");
      lines.addAll(List.of(extraLines));
      return Files.write(config, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EmbeddedKafkaBroker startBroker() {
    return EmbeddedKafkaBroker.start(tempDir("tradeflow-it-kafka"), freePort(), freePort(), true);
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every committed record of {@code tf.lc.events}, read from the beginning to the end. */
  public static List<ConsumerRecord<String, byte[]>> readEvents(KafkaClients clients) {
    return readTopic(clients, Topics.LC_EVENTS);
  }

  /** Every committed record of {@code topic}, read from the beginning to the end. */
  public static List<ConsumerRecord<String, byte[]>> readTopic(KafkaClients clients, String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            clients.readerProps(), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** Waits until the audit log verifies and its trees hold at least {@code records} leaves. */
  public static void awaitAudited(AuditVerifier auditor, KafkaClients clients, long records) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              AuditReport report = auditor.verify(new KafkaAuditSource(clients));
              return report.passed()
                  && report.partitions().stream()
                          .mapToLong(AuditReport.PartitionReport::treeSize)
                          .sum()
                      >= records;
            });
  }
}
