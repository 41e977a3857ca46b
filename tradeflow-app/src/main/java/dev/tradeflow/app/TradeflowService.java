package dev.tradeflow.app;

import dev.tradeflow.app.api.DeadLetterRoutes;
import dev.tradeflow.app.api.HttpApi;
import dev.tradeflow.app.api.IssuanceRoutes;
import dev.tradeflow.app.api.ReportRoutes;
import dev.tradeflow.app.api.RouteSet;
import dev.tradeflow.app.auth.TokenIssuer;
import dev.tradeflow.app.auth.TokenKeys;
import dev.tradeflow.app.auth.TokenVerifier;
import dev.tradeflow.app.command.CommandGateway;
import dev.tradeflow.app.compliance.ComplianceService;
import dev.tradeflow.app.compliance.SanctionsScreening;
import dev.tradeflow.app.issuance.IssuanceQueries;
import dev.tradeflow.app.issuance.IssuanceTopology;
import dev.tradeflow.app.issuance.SagaPolicies;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.query.LcQueries;
import dev.tradeflow.app.reporting.Reporting;
import dev.tradeflow.app.schemas.EventSubjects;
import dev.tradeflow.app.schemas.RegistryAccess;
import dev.tradeflow.audit.AuditSequencer;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.screening.ComplianceRules;
import dev.tradeflow.compliance.screening.ComplianceRulesException;
import dev.tradeflow.domain.calendar.BankingCalendar;
import dev.tradeflow.registry.CompatibilityLevel;
import dev.tradeflow.registry.SchemaRegistryServer;
import dev.tradeflow.runtime.ConfigException;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.crypto.PayloadEncryption;
import dev.tradeflow.runtime.dlq.DeadLetterQueues;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import dev.tradeflow.runtime.tracing.SpanExport;
import dev.tradeflow.runtime.tracing.Telemetry;
import dev.tradeflow.schemas.EventSerde;
import dev.tradeflow.schemas.registry.RegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: a Kafka cluster (the embedded broker when none is configured), the topics,
 * the schema registry (embedded unless one is configured), the command processor, the SQL reporting
 * projection, the command gateway and the HTTP API, started in that order and closed in reverse.
 */
public final class TradeflowService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TradeflowService.class);
  private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(60);

  private final TradeflowConfig config;
  private final Deque<AutoCloseable> parts;
  private final KafkaStreams streams;
  private final Reporting reporting;
  private final Optional<AuditSequencer> audit;
  private final HttpApi api;
  private final HostInfo self;
  private final String bootstrapServers;

  private TradeflowService(
      TradeflowConfig config,
      Deque<AutoCloseable> parts,
      String bootstrapServers,
      KafkaStreams streams,
      Reporting reporting,
      Optional<AuditSequencer> audit,
      HttpApi api,
      HostInfo self) {
    this.config = config;
    this.parts = parts;
    this.bootstrapServers = bootstrapServers;
    this.streams = streams;
    this.reporting = reporting;
    this.audit = audit;
    this.api = api;
    this.self = self;
  }

  /**
   * Starts everything, tracing to the exporter {@code TRADEFLOW_TRACING_EXPORTER} names ({@code
   * logging}, the default, into {@code <data.dir>/logs/traces.log}; {@code otlp}, to {@code
   * TRADEFLOW_OTLP_ENDPOINT}; or {@code none}); on failure, closes what was started and rethrows.
   */
  public static TradeflowService start(TradeflowConfig config, boolean fresh) {
    SpanExport export = SpanExport.parse(env("TRADEFLOW_TRACING_EXPORTER", "logging"));
    OpenTelemetrySdk telemetry =
        Telemetry.create(
            export,
            env("TRADEFLOW_OTLP_ENDPOINT", Telemetry.DEFAULT_OTLP_ENDPOINT),
            config.dataDir().resolve("logs").resolve("traces.log"));
    try {
      TradeflowService service = start(config, fresh, telemetry);
      // Closed last, so that the spans of the final commands are flushed.
      service.parts.addLast(telemetry);
      return service;
    } catch (RuntimeException e) {
      telemetry.close();
      throw e;
    }
  }

  /** Starts everything, tracing with the given instance, which the caller owns and closes. */
  public static TradeflowService start(
      TradeflowConfig config, boolean fresh, OpenTelemetry openTelemetry) {
    // Read before anything starts: a mistake in the file stops the start with its key named.
    Optional<ComplianceRules> rules =
        config.saga().enabled() ? Optional.of(complianceRules(config)) : Optional.empty();
    TokenVerifier tokens = new TokenVerifier(config.auth(), TokenKeys.load(config.auth()));
    KafkaCluster cluster = KafkaCluster.connect(config, fresh);
    Deque<AutoCloseable> started = new ArrayDeque<>();
    started.push(cluster);
    try {
      KafkaTracing tracing = new KafkaTracing(openTelemetry);
      KafkaClients clients = new KafkaClients(config, cluster.bootstrapServers());
      try (Admin admin = Admin.create(clients.adminProps())) {
        TopicAdmin.ensureTopics(admin, Topics.catalogue(config));
      }
      startRegistry(config, clients).ifPresent(started::push);
      EventSerde eventSerde = eventSerde(config);
      HostInfo self = new HostInfo(config.http().advertisedHost(), config.http().port());
      BankingCalendar calendar = BankingCalendar.of(config.holidays());
      Topology topology =
          CommandProcessor.topology(
              calendar,
              eventSerde,
              config.streams().dedupRetention(),
              tracing,
              clients.encryption());
      if (config.saga().enabled()) {
        IssuanceTopology.addTo(
            topology,
            eventSerde,
            SagaPolicies.of(config.saga()),
            config.saga().tickInterval(),
            clients.encryption());
      }
      KafkaStreams streams =
          new KafkaStreams(
              topology,
              new StreamsConfig(
                  clients.streamsProps(
                      config.streams().applicationId(),
                      Optional.of(self.host() + ":" + self.port()))),
              clients.encryption().streamsClients());
      // Leaving the group hands this instance's partitions over at once rather than after the
      // session timeout, during which their commands would wait.
      started.push(
          () ->
              streams.close(
                  CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                      .withTimeout(Duration.ofSeconds(30))));
      if (fresh) {
        // The log is new: local state from an earlier run would claim offsets it no longer has.
        streams.cleanUp();
      }
      streams.start();
      // The projection starts while the processor joins its group.
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      started.push(meters::close);
      Reporting reporting =
          Reporting.start(
              config.jdbc(),
              fresh,
              clients,
              eventSerde,
              meters,
              tracing,
              config.crypto().enabled()
                  ? PayloadEncryption.open(config.crypto()).dataKeys()::shreddedSubjects
                  : Set::of);
      started.push(reporting);
      Optional<AuditSequencer> audit =
          config.audit().enabled()
              ? Optional.of(startAudit(config, clients, meters))
              : Optional.empty();
      audit.ifPresent(started::push);
      Optional<ComplianceService> compliance =
          rules.map(r -> startCompliance(config, r, clients, meters, tracing));
      compliance.ifPresent(started::push);
      awaitRunning(streams);
      // Bound once the processor runs, so that its thread's metrics already exist.
      bindMeters(
          meters,
          started,
          new KafkaStreamsMetrics(streams),
          new JvmMemoryMetrics(),
          new JvmGcMetrics(),
          new ProcessorMetrics());
      DeadLetterQueues deadLetters = new DeadLetterQueues(clients, Clock.systemUTC());
      started.push(deadLetters);
      CommandGateway gateway =
          new CommandGateway(clients, "tradeflow-gateway-" + UUID.randomUUID(), tracing);
      started.push(gateway);
      List<RouteSet> routes = new ArrayList<>();
      routes.add(new ReportRoutes(reporting.queries(), Clock.systemUTC()));
      routes.add(
          new DeadLetterRoutes(
              deadLetters, eventSerde, clients.encryption(), reporting::parkedKeys));
      Optional<IssuanceQueries> sagaQueries =
          config.saga().enabled()
              ? Optional.of(new IssuanceQueries(streams, self))
              : Optional.empty();
      if (sagaQueries.isPresent()) {
        Producer<String, byte[]> decisions =
            clients
                .encryption()
                .producer(clients.interactiveProducerProps(), new StringSerializer());
        started.push(decisions);
        routes.add(
            new IssuanceRoutes(
                sagaQueries.get(), SagaPolicies.of(config.saga()), decisions, Clock.systemUTC()));
      }
      HttpApi api =
          HttpApi.start(
              gateway,
              sagaQueries,
              new LcQueries(streams, self, eventSerde),
              healthOf(streams, cluster, gateway, reporting, audit, compliance),
              config.http().commandWait(),
              meters,
              openTelemetry,
              routes,
              clients,
              tokens,
              config.http().host(),
              config.http().port());
      started.push(api);
      LOG.info(
          "Tradeflow is up: API http://{}:{} , schema registry {} , Kafka {}",
          self.host(),
          self.port(),
          registryUrl(config),
          cluster.bootstrapServers());
      return new TradeflowService(
          config, started, cluster.bootstrapServers(), streams, reporting, audit, api, self);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /**
   * Signs development tokens for this service's API, when it verifies them with its own key (no
   * {@code auth.jwks-file}): the demo's and the tests' users, {@code ./tradeflow token}.
   */
  public Optional<TokenIssuer> tokenIssuer() {
    return TokenKeys.existingSigningKey(config.auth())
        .map(key -> new TokenIssuer(config.auth(), key, Clock.systemUTC()));
  }

  /**
   * The embedded schema registry, filled with the event schemas, unless {@code registry.url} names
   * another, which must hold them already (registration is explicit there).
   */
  private static Optional<SchemaRegistryServer> startRegistry(
      TradeflowConfig config, KafkaClients clients) {
    if (!config.registry().embedded()) {
      EventSubjects.requireRegistered(new RegistryClient(registryUrl(config)));
      return Optional.empty();
    }
    SchemaRegistryServer registry = SchemaRegistryServer.start(clients, registrySettings(config));
    try {
      registry.registerAll(EventSubjects.bySubject());
      return Optional.of(registry);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  /**
   * The embedded registry's settings: on {@code http.host} and {@code registry.port}, stored in
   * {@code _schemas}. Every Avro subject of Tradeflow is an event subject, so the default level is
   * FULL_TRANSITIVE: a replay must read every event ever written.
   */
  public static SchemaRegistryServer.Settings registrySettings(TradeflowConfig config) {
    return new SchemaRegistryServer.Settings(
        config.http().host(),
        config.registry().port(),
        SchemaRegistryServer.DEFAULT_TOPIC,
        config.kafka().replicationFactor(),
        config.kafka().minInsyncReplicas(),
        CompatibilityLevel.FULL_TRANSITIVE);
  }

  /**
   * How events are written to and read from the log, for every reader and writer: Confluent's wire
   * format with the configured registry, subjects named by {@link EventSubjects#STRATEGY}, no
   * auto-registration.
   */
  public static EventSerde eventSerde(TradeflowConfig config) {
    return RegistryAccess.eventSerde(registryUrl(config));
  }

  /**
   * The audit sequencer, signing with the keys in {@code audit.keys-dir} (one is generated on the
   * first run). Its transactional id comes from {@code <data.dir>/audit/instance.id}, kept across
   * restarts, so that a restart fences the previous run's unfinished checkpoint at once.
   */
  private static AuditSequencer startAudit(
      TradeflowConfig config, KafkaClients clients, MeterRegistry meters) {
    KeyRing keys = KeyRing.loadOrGenerate(config.audit().keysDir(), config.audit().origin());
    return AuditSequencer.start(
        clients,
        config.audit(),
        keys,
        instanceId(config.dataDir().resolve("audit").resolve("instance.id")),
        meters,
        Clock.systemUTC());
  }

  private static String instanceId(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(file.getParent());
      String id = UUID.randomUUID().toString();
      Files.writeString(file, id + "\n");
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the instance id " + file, e);
    }
  }

  /**
   * {@code compliance.rules-file}, or the bundled rules; a broken file is a configuration error.
   */
  private static ComplianceRules complianceRules(TradeflowConfig config) {
    try {
      return config
          .compliance()
          .rulesFile()
          .map(ComplianceRules::load)
          .orElseGet(ComplianceRules::defaults);
    } catch (ComplianceRulesException e) {
      throw new ConfigException("compliance.rules-file: " + e.getMessage(), e);
    }
  }

  /**
   * The compliance service, screening against {@code compliance.sanctions-dir} (or the bundled
   * snapshot) with {@code rules}, and re-reading a configured list when its files change.
   */
  private static ComplianceService startCompliance(
      TradeflowConfig config,
      ComplianceRules rules,
      KafkaClients clients,
      MeterRegistry meters,
      KafkaTracing tracing) {
    SanctionsScreener sanctions = SanctionsScreening.screener(config.compliance());
    return ComplianceService.start(
        clients,
        sanctions,
        rules,
        () -> {
          if (sanctions.reloadIfChanged()) {
            LOG.info("sanctions list reloaded: {}", sanctions.version());
          }
        },
        meters,
        tracing,
        Clock.systemUTC());
  }

  /** Binds each binder; those holding resources (a scheduler, GC listeners) close with the rest. */
  private static void bindMeters(
      PrometheusMeterRegistry meters, Deque<AutoCloseable> started, MeterBinder... binders) {
    for (MeterBinder binder : binders) {
      if (binder instanceof AutoCloseable closeable) {
        started.push(closeable);
      }
      binder.bindTo(meters);
    }
  }

  /** Closes parts newest first; one failing to close does not keep the others open. */
  private static void closeAll(Deque<AutoCloseable> parts) {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}", part, e);
      }
    }
  }

  private static void awaitRunning(KafkaStreams streams) {
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
      KafkaStreams streams,
      KafkaCluster cluster,
      CommandGateway gateway,
      Reporting reporting,
      Optional<AuditSequencer> audit,
      Optional<ComplianceService> compliance) {
    return () -> {
      Map<String, Object> health = new LinkedHashMap<>();
      KafkaStreams.State state = streams.state();
      // A rebalance is routine (an instance joins or leaves): still up, queries may answer 503.
      boolean up =
          state.isRunningOrRebalancing()
              && gateway.isListening()
              && reporting.isRunning()
              && compliance.map(ComplianceService::isRunning).orElse(true);
      health.put("status", up ? "UP" : "DOWN");
      health.put("commandProcessor", state.name());
      health.put("commandOutcomes", gateway.isListening() ? "LISTENING" : "STOPPED");
      health.put("reporting", reporting.isRunning() ? "RUNNING" : "STOPPED");
      health.put("reportingParkedKeys", reporting.parkedKeys().size());
      health.put(
          "auditSequencer",
          audit.map(a -> a.isRunning() ? "RUNNING" : "STOPPED").orElse("DISABLED"));
      health.put(
          "compliance",
          compliance.map(c -> c.isRunning() ? "RUNNING" : "STOPPED").orElse("DISABLED"));
      health.put("kafka", cluster.bootstrapServers());
      health.put("embeddedBroker", cluster.isEmbedded());
      return health;
    };
  }

  public TradeflowConfig config() {
    return config;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The schema registry the service uses: the embedded one, or {@code registry.url}. */
  public static String registryUrl(TradeflowConfig config) {
    return config
        .registry()
        .url()
        .orElse("http://" + config.http().advertisedHost() + ":" + config.registry().port());
  }

  public URI apiBase() {
    return URI.create("http://" + self.host() + ":" + api.port());
  }

  public KafkaStreams streams() {
    return streams;
  }

  public Reporting reporting() {
    return reporting;
  }

  /** The audit sequencer, unless {@code audit.enabled} is false. */
  public Optional<AuditSequencer> audit() {
    return audit;
  }

  @Override
  public synchronized void close() {
    if (parts.isEmpty()) {
      return;
    }
    LOG.info("Tradeflow is stopping");
    closeAll(parts);
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
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
      // Only the broker that holds this data directory's lock, not whatever answers the port.
      if (!fresh
          && EmbeddedKafkaBroker.isRunningOn(config.kafkaDataDir())
          && EmbeddedKafkaBroker.isReachable(
              // Asked only when a broker holds the lock: a TLS and SCRAM login takes a while.
              local, Duration.ofSeconds(10), new KafkaClients(config, local).adminProps())) {
        LOG.info("using the embedded broker already running on {}", local);
        return new KafkaCluster(local, null, true);
      }
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config, fresh);
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
