package dev.tradeflow.runtime;

import dev.tradeflow.runtime.internals.BrokerStorage;
import dev.tradeflow.runtime.security.EmbeddedBrokerSecurity;
import dev.tradeflow.runtime.security.ServicePrincipal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka (KRaft broker and controller in this process) for the default,
 * zero-configuration run. Its log is kept in the data dir between runs; the first start formats the
 * dir with the latest production metadata version.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final int port;
  private final String clusterId;
  private final Optional<EmbeddedBrokerSecurity> security;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaBroker(
      KafkaRaftServer server,
      Path dataDir,
      int port,
      String clusterId,
      Optional<EmbeddedBrokerSecurity> security) {
    this.server = server;
    this.dataDir = dataDir;
    this.port = port;
    this.clusterId = clusterId;
    this.security = security;
  }

  /**
   * The secured broker's settings ({@code kafka.embedded.security: sasl-ssl}): its certificate and
   * credentials, and the Streams application whose internal topics and transactions it allows.
   */
  public record Security(EmbeddedBrokerSecurity material, String streamsApplicationId) {}

  /**
   * Starts the broker the configuration describes, in {@link TradeflowConfig#kafkaDataDir()},
   * secured as {@code kafka.embedded.security} says.
   */
  public static EmbeddedKafkaBroker start(TradeflowConfig config, boolean fresh) {
    Optional<Security> security =
        config.kafka().embeddedSecurity() == BrokerSecurity.SASL_SSL
            ? Optional.of(
                new Security(
                    EmbeddedBrokerSecurity.prepare(config.kafkaSecurityDir()),
                    config.streams().applicationId()))
            : Optional.empty();
    return start(
        config.kafkaDataDir(),
        config.kafka().embeddedPort(),
        config.kafka().embeddedControllerPort(),
        fresh,
        security);
  }

  /** A plaintext broker: see {@link #start(Path, int, int, boolean, Optional)}. */
  public static EmbeddedKafkaBroker start(
      Path dataDir, int port, int controllerPort, boolean fresh) {
    return start(dataDir, port, controllerPort, fresh, Optional.empty());
  }

  /**
   * Formats {@code dataDir} on first use, starts the broker and returns once it answers clients.
   *
   * @param fresh wipe {@code dataDir} first, losing every topic and record in it
   * @param security TLS, SCRAM logins and ACLs; empty for plaintext
   * @throws BrokerStartException if a port is taken, another broker runs on the dir, or Kafka fails
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, int port, int controllerPort, boolean fresh, Optional<Security> security) {
    long startedAt = System.nanoTime();
    Path dir = dataDir.toAbsolutePath().normalize();
    String bootstrap = HOST + ":" + port;
    // Checked before wiping: --fresh must never pull the log from under a running broker.
    if (BrokerStorage.isLocked(dir)) {
      throw new BrokerStartException(
          "another Tradeflow broker is already running"
              + (isReachable(bootstrap, PROBE_TIMEOUT) ? " on " + bootstrap : "")
              + " with data dir "
              + dir
              + ": stop it, or use --fresh with another data dir (data.dir / TRADEFLOW_DATA_DIR)");
    }
    requireFreePort(port, "kafka.embedded.port / TRADEFLOW_KAFKA_PORT");
    requireFreePort(
        controllerPort, "kafka.embedded.controller-port / TRADEFLOW_KAFKA_CONTROLLER_PORT");
    if (fresh) {
      BrokerStorage.wipe(dir);
    }
    Optional<EmbeddedBrokerSecurity> material = security.map(Security::material);
    BrokerStorage.Formatted formatted =
        BrokerStorage.formatIfNeeded(
            dir,
            NODE_ID,
            CONTROLLER_LISTENER,
            material.map(EmbeddedBrokerSecurity::scramArguments).orElse(List.of()));
    String clusterId = formatted.clusterId();
    material.ifPresent(m -> m.requireFormattedWithCredentials(clusterId, formatted.now()));
    Map<String, Object> brokerLogin =
        material.map(m -> m.clientProperties(ServicePrincipal.BROKER)).orElse(Map.of());
    KafkaRaftServer server =
        new KafkaRaftServer(
            KafkaConfig.fromProps(brokerProperties(dir, port, controllerPort, material), false),
            Time.SYSTEM);
    try {
      server.startup();
      awaitReady(bootstrap, brokerLogin);
      if (security.isPresent()) {
        try (Admin admin = Admin.create(adminProps(bootstrap, brokerLogin))) {
          security.get().material().grantAcls(admin, security.get().streamsApplicationId());
        }
      }
    } catch (RuntimeException e) {
      try {
        stop(server); // release the ports and the dir lock of a half-started server
      } catch (RuntimeException stopFailure) {
        e.addSuppressed(stopFailure);
      }
      throw new BrokerStartException(
          "the embedded Kafka broker on "
              + bootstrap
              + " (data dir "
              + dir
              + ") failed to start: "
              + e.getMessage(),
          e);
    }
    log.info(
        "embedded Kafka broker ready on {} in {} ms (cluster {}, data dir {})",
        bootstrap,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
        clusterId,
        dir);
    return new EmbeddedKafkaBroker(server, dir, port, clusterId, material);
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public String clusterId() {
    return clusterId;
  }

  /** The client settings to log in as {@code principal}; none for a plaintext broker. */
  public Map<String, Object> clientProperties(ServicePrincipal principal) {
    return security.map(s -> s.clientProperties(principal)).orElse(Map.of());
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Shuts the broker down cleanly; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      long stoppingAt = System.nanoTime();
      stop(server);
      log.info(
          "embedded Kafka broker on {} stopped in {} ms",
          bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
    }
  }

  /** True while a broker (in any process on this machine) holds the lock of this data dir. */
  public static boolean isRunningOn(Path dataDir) {
    return BrokerStorage.isLocked(dataDir.toAbsolutePath().normalize());
  }

  /** True if a Kafka cluster answers a metadata request at {@code bootstrap} within the timeout. */
  public static boolean isReachable(String bootstrap, Duration timeout) {
    return isReachable(bootstrap, timeout, Map.of());
  }

  /** The same, for a client logging in with {@code login} (TLS and SASL settings). */
  public static boolean isReachable(String bootstrap, Duration timeout, Map<String, Object> login) {
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    Map<String, Object> props = adminProps(bootstrap, login);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    Admin admin;
    try {
      admin = Admin.create(props);
    } catch (KafkaException e) {
      return false; // e.g. no resolvable bootstrap address
    }
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(millis))
          .clusterId()
          .get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  private static Map<String, Object> adminProps(String bootstrap, Map<String, Object> login) {
    Map<String, Object> props = new HashMap<>(login);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return props;
  }

  private static Properties brokerProperties(
      Path dir, int port, int controllerPort, Optional<EmbeddedBrokerSecurity> security) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    // A static voter set, not a dynamic quorum: the controller port may change between runs
    // without touching the formatted log.
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    // Secured, clients log in over TLS with SCRAM, and broker and controller know each other by
    // certificate; otherwise everything is plaintext on the loopback interface.
    String client = security.isPresent() ? EmbeddedBrokerSecurity.CLIENT_LISTENER : "PLAINTEXT";
    String controllerProtocol = security.isPresent() ? "SSL" : "PLAINTEXT";
    props.put(
        "listeners",
        client
            + "://"
            + HOST
            + ":"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    props.put("advertised.listeners", client + "://" + HOST + ":" + port);
    props.put(
        "listener.security.protocol.map",
        client + ":" + client + "," + CONTROLLER_LISTENER + ":" + controllerProtocol);
    props.put("inter.broker.listener.name", client);
    security.ifPresent(s -> props.putAll(s.brokerProperties()));
    props.put("log.dirs", dir.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    // One node spreads nothing: 50 partitions each (the defaults) made the first transaction and
    // the first group join wait seconds for the internal topics to be created.
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // The 20 ms default stalls back-to-back transactions (one per command under EOS) by ~20 ms.
    props.put("add.partitions.to.txn.retry.backoff.ms", "1");
    // Topics come from the catalogue with their configs; a typo must not create a stray topic.
    props.put("auto.create.topics.enable", "false");
    return props;
  }

  private static void requireFreePort(int port, String setting) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return;
    } catch (IOException e) {
      // taken: say by whom below
    }
    String address = HOST + ":" + port;
    if (isReachable(address, PROBE_TIMEOUT)) {
      throw new BrokerStartException(
          "another Kafka broker is already running on "
              + address
              + ": stop it, connect to it with kafka.bootstrap-servers="
              + address
              + ", or give the embedded broker another port ("
              + setting
              + ")");
    }
    throw new BrokerStartException(
        "port "
            + port
            + " on "
            + HOST
            + " is in use by another program: free it, or give the"
            + " embedded broker another port ("
            + setting
            + ")");
  }

  private static void awaitReady(String bootstrap, Map<String, Object> login) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = Admin.create(adminProps(bootstrap, login))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new KafkaException(
                "no answer to a metadata request within " + READY_TIMEOUT.toSeconds() + " s", e);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new KafkaException(
              "the broker did not register within " + READY_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while waiting for the broker", e);
    }
  }

  private static void stop(KafkaRaftServer server) {
    server.shutdown();
    server.awaitShutdown();
  }
}
