package dev.tradeflow.app;

import dev.tradeflow.app.api.HttpApi;
import dev.tradeflow.app.command.CommandGateway;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.query.LcQueries;
import dev.tradeflow.domain.calendar.BankingCalendar;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.schemas.AvroSingleObjectSerde;
import dev.tradeflow.schemas.EventSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: a Kafka cluster (the embedded broker when none is configured), the topics,
 * the command processor, the command gateway and the HTTP API, started in that order and closed in
 * reverse.
 */
public final class TradeflowService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TradeflowService.class);
  private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(60);

  private final TradeflowConfig config;
  private final KafkaCluster cluster;
  private final KafkaStreams streams;
  private final CommandGateway gateway;
  private final HttpApi api;
  private final HostInfo self;

  private TradeflowService(
      TradeflowConfig config,
      KafkaCluster cluster,
      KafkaStreams streams,
      CommandGateway gateway,
      HttpApi api,
      HostInfo self) {
    this.config = config;
    this.cluster = cluster;
    this.streams = streams;
    this.gateway = gateway;
    this.api = api;
    this.self = self;
  }

  /** Starts everything; on failure, closes what was started and rethrows. */
  public static TradeflowService start(TradeflowConfig config, boolean fresh) {
    KafkaCluster cluster = KafkaCluster.connect(config, fresh);
    KafkaStreams streams = null;
    CommandGateway gateway = null;
    try {
      KafkaClients clients = new KafkaClients(config, cluster.bootstrapServers());
      try (Admin admin = Admin.create(clients.adminProps())) {
        TopicAdmin.ensureTopics(admin, Topics.catalogue(config));
      }
      int httpPort = config.http().port() == 0 ? freePort() : config.http().port();
      HostInfo self = new HostInfo(advertisedHost(config.http().host()), httpPort);
      EventSerde eventSerde = new AvroSingleObjectSerde();
      BankingCalendar calendar = BankingCalendar.of(config.holidays());
      streams =
          new KafkaStreams(
              CommandProcessor.topology(calendar, eventSerde, config.streams().dedupWindow()),
              new org.apache.kafka.streams.StreamsConfig(
                  clients.streamsProps(
                      config.streams().applicationId(),
                      Optional.of(self.host() + ":" + self.port()))));
      if (fresh) {
        // The log is new: local state from an earlier run would claim offsets it no longer has.
        streams.cleanUp();
      }
      startAndAwait(streams);
      gateway =
          new CommandGateway(
              clients.interactiveProducerProps(),
              clients.consumerProps("tradeflow-gateway-" + UUID.randomUUID()));
      HttpApi api =
          HttpApi.start(
              gateway,
              new LcQueries(streams, self, eventSerde),
              healthOf(streams, cluster),
              config.http().commandWait(),
              config.http().host(),
              httpPort);
      LOG.info(
          "Tradeflow is up: API http://{}:{} , Kafka {}",
          self.host(),
          httpPort,
          cluster.bootstrapServers());
      return new TradeflowService(config, cluster, streams, gateway, api, self);
    } catch (RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      if (streams != null) {
        streams.close(Duration.ofSeconds(10));
      }
      cluster.close();
      throw e;
    }
  }

  private static void startAndAwait(KafkaStreams streams) {
    streams.start();
    Instant deadline = Instant.now().plus(STREAMS_START_TIMEOUT);
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (!streams.state().isRunningOrRebalancing() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "the command processor did not reach RUNNING (state " + streams.state() + ")");
      }
      sleep(20);
    }
  }

  private static java.util.function.Supplier<Map<String, Object>> healthOf(
      KafkaStreams streams, KafkaCluster cluster) {
    return () -> {
      Map<String, Object> health = new LinkedHashMap<>();
      KafkaStreams.State state = streams.state();
      health.put("status", state == KafkaStreams.State.RUNNING ? "UP" : "DOWN");
      health.put("commandProcessor", state.name());
      health.put("kafka", cluster.bootstrapServers());
      health.put("embeddedBroker", cluster.isEmbedded());
      return health;
    };
  }

  public TradeflowConfig config() {
    return config;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public URI apiBase() {
    return URI.create("http://" + self.host() + ":" + api.port());
  }

  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    LOG.info("Tradeflow is stopping");
    api.close();
    gateway.close();
    streams.close(Duration.ofSeconds(30));
    cluster.close();
  }

  private static String advertisedHost(String bindHost) {
    return "0.0.0.0".equals(bindHost) || "::".equals(bindHost) ? "127.0.0.1" : bindHost;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the HTTP API", e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The Kafka cluster the service talks to: the configured one, the embedded broker another
   * Tradeflow process already runs on this data directory, or an embedded broker of its own.
   */
  public static final class KafkaCluster implements AutoCloseable {
    private final String bootstrapServers;
    private final EmbeddedKafkaBroker broker;
    private final boolean embedded;

    private KafkaCluster(String bootstrapServers, EmbeddedKafkaBroker broker, boolean embedded) {
      this.bootstrapServers = bootstrapServers;
      this.broker = broker;
      this.embedded = embedded;
    }

    public static KafkaCluster connect(TradeflowConfig config, boolean fresh) {
      if (!config.embeddedBroker()) {
        return new KafkaCluster(config.kafka().bootstrapServers().get(), null, false);
      }
      String local = "127.0.0.1:" + config.kafka().embeddedPort();
      if (!fresh && EmbeddedKafkaBroker.isReachable(local, Duration.ofMillis(500))) {
        LOG.info("using the embedded broker already running on {}", local);
        return new KafkaCluster(local, null, true);
      }
      EmbeddedKafkaBroker broker =
          EmbeddedKafkaBroker.start(
              config.kafkaDataDir(),
              config.kafka().embeddedPort(),
              config.kafka().embeddedControllerPort(),
              fresh);
      return new KafkaCluster(broker.bootstrapServers(), broker, true);
    }

    public String bootstrapServers() {
      return bootstrapServers;
    }

    public boolean isEmbedded() {
      return embedded;
    }

    @Override
    public void close() {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
