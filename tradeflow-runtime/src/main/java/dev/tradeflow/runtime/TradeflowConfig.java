package dev.tradeflow.runtime;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The whole service's configuration, typed and immutable. {@link ConfigLoader} builds it from the
 * built-in defaults, an optional file and {@code TRADEFLOW_*} environment variables, and validates
 * every value; the constructors here only guard against nulls and copy collections.
 *
 * @param dataDir {@code data.dir}: where the embedded broker and the state stores keep their files
 * @param holidays {@code calendar.holidays.<PLACE>}: bank holidays per banking place code (such as
 *     {@code GB-LON}), sorted
 */
public record TradeflowConfig(
    Path dataDir,
    KafkaSettings kafka,
    HttpSettings http,
    StreamsSettings streams,
    JdbcSettings jdbc,
    RegistrySettings registry,
    AuditSettings audit,
    CryptoSettings crypto,
    ComplianceSettings compliance,
    SagaSettings saga,
    AuthSettings auth,
    Map<String, Set<LocalDate>> holidays) {

  public TradeflowConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(jdbc, "jdbc");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(crypto, "crypto");
    Objects.requireNonNull(compliance, "compliance");
    Objects.requireNonNull(saga, "saga");
    Objects.requireNonNull(auth, "auth");
    TreeMap<String, Set<LocalDate>> sorted = new TreeMap<>();
    holidays.forEach(
        (place, days) -> sorted.put(place, Collections.unmodifiableSortedSet(new TreeSet<>(days))));
    holidays = Collections.unmodifiableSortedMap(sorted);
  }

  /** The built-in defaults: an embedded broker under {@code ./data}, HTTP on port 8080. */
  public static TradeflowConfig defaults() {
    return ConfigLoader.load(Optional.empty(), Map.of());
  }

  /** True when no {@code kafka.bootstrap-servers} is configured: the service starts its own. */
  public boolean embeddedBroker() {
    return kafka.bootstrapServers().isEmpty();
  }

  /**
   * The secured embedded broker's certificate and credentials, {@code <data.dir>/kafka-security}:
   * beside the log, so that {@code --fresh} keeps them.
   */
  public Path kafkaSecurityDir() {
    return dataDir.resolve("kafka-security");
  }

  /** The embedded broker's log directory, {@code <data.dir>/kafka}. */
  public Path kafkaDataDir() {
    return dataDir.resolve("kafka");
  }

  /**
   * {@code kafka.*}.
   *
   * @param bootstrapServers {@code kafka.bootstrap-servers}; empty means start the embedded broker
   * @param embeddedPort {@code kafka.embedded.port}: the embedded broker's client port
   * @param embeddedControllerPort {@code kafka.embedded.controller-port}: its KRaft controller port
   * @param partitions {@code kafka.partitions}: partitions of every Tradeflow topic
   * @param replicationFactor {@code kafka.replication-factor}
   * @param minInsyncReplicas {@code kafka.min-insync-replicas}
   * @param clientProperties {@code kafka.client.*}: extra properties given to every Kafka client
   * @param embeddedSecurity {@code kafka.embedded.security}: how the embedded broker lets clients
   *     in
   */
  public record KafkaSettings(
      Optional<String> bootstrapServers,
      int embeddedPort,
      int embeddedControllerPort,
      int partitions,
      int replicationFactor,
      int minInsyncReplicas,
      Map<String, String> clientProperties,
      BrokerSecurity embeddedSecurity) {

    // Client properties often carry credentials (sasl.jaas.config, ssl.key.password): keep them
    // out of logs that print the configuration.
    private static final Pattern SECRET =
        Pattern.compile("(?i).*(password|secret|jaas|token|credential|key).*");

    public KafkaSettings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      clientProperties = Collections.unmodifiableSortedMap(new TreeMap<>(clientProperties));
      Objects.requireNonNull(embeddedSecurity, "embeddedSecurity");
    }

    @Override
    public String toString() {
      String clients =
          clientProperties.entrySet().stream()
              .map(
                  e ->
                      e.getKey()
                          + "="
                          + (SECRET.matcher(e.getKey()).matches() ? "***" : e.getValue()))
              .collect(Collectors.joining(", ", "{", "}"));
      return "KafkaSettings[bootstrapServers="
          + bootstrapServers
          + ", embeddedPort="
          + embeddedPort
          + ", embeddedControllerPort="
          + embeddedControllerPort
          + ", partitions="
          + partitions
          + ", replicationFactor="
          + replicationFactor
          + ", minInsyncReplicas="
          + minInsyncReplicas
          + ", clientProperties="
          + clients
          + ", embeddedSecurity="
          + embeddedSecurity
          + "]";
    }
  }

  /**
   * {@code http.*}.
   *
   * @param host {@code http.host}: the address the API listens on
   * @param advertisedHost {@code http.advertised-host}: the address other instances use to reach
   *     this one (interactive queries); by default {@code host}, or 127.0.0.1 for every interface
   * @param port {@code http.port}
   * @param commandWait {@code http.command-wait-ms}: how long a command request waits for its
   *     result before answering 202 Accepted
   */
  public record HttpSettings(String host, String advertisedHost, int port, Duration commandWait) {
    public HttpSettings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(advertisedHost, "advertisedHost");
      Objects.requireNonNull(commandWait, "commandWait");
    }
  }

  /**
   * {@code streams.*}.
   *
   * @param applicationId {@code streams.application-id}: the command processor's Streams app id
   * @param commitInterval {@code streams.commit-interval-ms}: the latency lever under exactly-once
   * @param threads {@code streams.threads}
   * @param stateDir {@code streams.state-dir}, by default {@code <data.dir>/streams}
   * @param dedupRetention {@code streams.dedup-retention-ms}: how long a command's outcome is
   *     remembered, so that the same command id is answered the same way
   */
  public record StreamsSettings(
      String applicationId,
      Duration commitInterval,
      int threads,
      Path stateDir,
      Duration dedupRetention) {
    public StreamsSettings {
      Objects.requireNonNull(applicationId, "applicationId");
      Objects.requireNonNull(commitInterval, "commitInterval");
      Objects.requireNonNull(stateDir, "stateDir");
      Objects.requireNonNull(dedupRetention, "dedupRetention");
    }
  }

  /**
   * {@code jdbc.*}: the reporting database.
   *
   * @param url {@code jdbc.url} (env {@code TRADEFLOW_JDBC_URL}): a PostgreSQL or H2 JDBC URL; by
   *     default an embedded H2 file database under {@code <data.dir>/reporting}
   * @param user {@code jdbc.user} (env {@code TRADEFLOW_JDBC_USER})
   * @param password {@code jdbc.password} (env {@code TRADEFLOW_JDBC_PASSWORD})
   */
  public record JdbcSettings(String url, String user, String password) {
    public JdbcSettings {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    /**
     * The embedded H2 file database {@code <directory>/tradeflow}, as the process that runs it
     * needs it: FILE_LOCK=FS lets a process killed with SIGKILL open it again at once (H2's lock
     * file would make it wait), and WRITE_DELAY=0 writes each commit to the file before the commit
     * returns, so that a killed process loses none (H2 otherwise keeps up to 500 ms of commits in
     * memory, while Kafka's offsets for them may already be committed). QUERY_CACHE_SIZE=32: the
     * reporting projection runs about a dozen statements per event, more than the 8 parsed
     * statements H2 keeps per session by default, so it parsed each one every time (JFR: H2's
     * tokenizer and parser among the projection thread's hottest frames).
     */
    public static JdbcSettings embeddedH2(Path directory, String user, String password) {
      String file = directory.resolve("tradeflow").toAbsolutePath().toString();
      return new JdbcSettings(
          "jdbc:h2:file:" + file + ";FILE_LOCK=FS;WRITE_DELAY=0;QUERY_CACHE_SIZE=32",
          user,
          password);
    }

    /** True for the embedded H2 database rather than a server. */
    public boolean embedded() {
      return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
      return "JdbcSettings[url=" + url + ", user=" + user + ", password=***]";
    }
  }

  /**
   * {@code registry.*}: the schema registry.
   *
   * @param url {@code registry.url} (env {@code TRADEFLOW_REGISTRY_URL}): a Confluent-compatible
   *     registry to use; empty starts the embedded one
   * @param port {@code registry.port}: where the embedded registry listens, on {@code http.host}
   */
  public record RegistrySettings(Optional<String> url, int port) {
    public RegistrySettings {
      Objects.requireNonNull(url, "url");
    }

    public boolean embedded() {
      return url.isEmpty();
    }
  }

  /**
   * {@code audit.*}: the Merkle audit log.
   *
   * @param enabled {@code audit.enabled}: the service runs the sequencer
   * @param origin {@code audit.origin}: names each partition's log ({@code
   *     <origin>/<topic>/<partition>}) and the checkpoint signing key
   * @param checkpointRecords {@code audit.checkpoint-records}: new records of a partition that make
   *     a checkpoint
   * @param checkpointInterval {@code audit.checkpoint-interval-ms}: the longest a record waits for
   *     its checkpoint
   * @param keysDir {@code audit.keys-dir}: the signing keys ({@code *.key}) and verifier keys
   *     ({@code *.pub})
   */
  public record AuditSettings(
      boolean enabled,
      String origin,
      int checkpointRecords,
      Duration checkpointInterval,
      Path keysDir) {

    /** Keeps a checkpoint record, which lists its leaves, well under Kafka's 1 MB. */
    public static final int MAX_CHECKPOINT_RECORDS = 4000;

    public AuditSettings {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(checkpointInterval, "checkpointInterval");
      Objects.requireNonNull(keysDir, "keysDir");
    }
  }

  /**
   * {@code compliance.*}.
   *
   * @param sanctionsDir {@code compliance.sanctions-dir}: a directory with OFAC's sdn.csv, alt.csv
   *     and add.csv, re-read when they change; empty means the OFAC snapshot bundled with Tradeflow
   *     (mid-2021, out of date: for the embedded default and tests only)
   * @param rulesFile {@code compliance.rules-file}: the trade rules' lists and bands (a properties
   *     file laid out as the bundled {@code default-rules.properties}); empty means those defaults
   * @param reviewThreshold {@code compliance.review-threshold}: a name score from which a
   *     compliance officer reviews the match
   * @param blockThreshold {@code compliance.block-threshold}: a name score from which the
   *     transaction stops until two compliance officers clear it
   */
  public record ComplianceSettings(
      Optional<Path> sanctionsDir,
      Optional<Path> rulesFile,
      double reviewThreshold,
      double blockThreshold) {

    public ComplianceSettings {
      Objects.requireNonNull(sanctionsDir, "sanctionsDir");
      Objects.requireNonNull(rulesFile, "rulesFile");
    }
  }

  /**
   * {@code saga.*}: the issuance saga.
   *
   * @param enabled {@code saga.enabled}: applications are screened, reserved, approved and issued
   *     by the saga, and the API refuses to approve, issue or reject an application directly
   * @param approvalThreshold {@code saga.approval-threshold} in {@code saga.approval-currency}:
   *     above it (or in another currency) a checker other than the maker approves
   * @param attempts {@code saga.attempts}: tries of a step that waits for a service
   * @param stepTimeout {@code saga.step-timeout-ms}: how long such a step waits per try
   * @param reviewTimeout {@code saga.review-timeout-ms}: how long review cases may stay undecided
   * @param approvalTimeout {@code saga.approval-timeout-ms}: how long a checker may take
   * @param tickInterval {@code saga.tick-interval-ms}: how often deadlines are checked
   */
  public record SagaSettings(
      boolean enabled,
      BigDecimal approvalThreshold,
      String approvalCurrency,
      int attempts,
      Duration stepTimeout,
      Duration reviewTimeout,
      Duration approvalTimeout,
      Duration tickInterval) {

    public SagaSettings {
      Objects.requireNonNull(approvalThreshold, "approvalThreshold");
      Objects.requireNonNull(approvalCurrency, "approvalCurrency");
      Objects.requireNonNull(stepTimeout, "stepTimeout");
      Objects.requireNonNull(reviewTimeout, "reviewTimeout");
      Objects.requireNonNull(approvalTimeout, "approvalTimeout");
      Objects.requireNonNull(tickInterval, "tickInterval");
    }
  }

  /**
   * {@code auth.*}: who may call the API.
   *
   * @param issuer {@code auth.issuer}: the {@code iss} every token carries
   * @param audience {@code auth.audience}: the {@code aud} every token carries
   * @param jwksFile {@code auth.jwks-file}: an identity provider's public keys; empty means
   *     development tokens signed with {@code signingKey}
   * @param signingKey {@code auth.signing-key}: the key development tokens are signed with
   */
  public record AuthSettings(
      String issuer, String audience, Optional<Path> jwksFile, Path signingKey) {

    public AuthSettings {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(jwksFile, "jwksFile");
      Objects.requireNonNull(signingKey, "signingKey");
    }
  }

  /**
   * {@code crypto.*}: payload encryption.
   *
   * @param enabled {@code crypto.enabled}: every event value is encrypted
   * @param keystore {@code crypto.keystore}: the PKCS#12 keystore of key-encryption keys
   * @param keystorePassword {@code crypto.keystore-password}; empty with the embedded broker, where
   *     one is generated next to the keystore
   * @param dataKeysDir {@code crypto.data-keys-dir}: the wrapped data keys
   * @param dataKeyRotation {@code crypto.data-key-rotation-days}
   */
  public record CryptoSettings(
      boolean enabled,
      Path keystore,
      Optional<String> keystorePassword,
      Path dataKeysDir,
      Duration dataKeyRotation) {

    public CryptoSettings {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(keystorePassword, "keystorePassword");
      Objects.requireNonNull(dataKeysDir, "dataKeysDir");
      Objects.requireNonNull(dataKeyRotation, "dataKeyRotation");
    }

    @Override
    public String toString() {
      return "CryptoSettings[enabled="
          + enabled
          + ", keystore="
          + keystore
          + ", keystorePassword=***, dataKeysDir="
          + dataKeysDir
          + ", dataKeyRotation="
          + dataKeyRotation
          + "]";
    }
  }
}
