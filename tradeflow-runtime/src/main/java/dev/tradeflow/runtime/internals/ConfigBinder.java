package dev.tradeflow.runtime.internals;

import static dev.tradeflow.runtime.internals.ConfigKeys.AUDIT_CHECKPOINT_INTERVAL_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUDIT_CHECKPOINT_RECORDS;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUDIT_ENABLED;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUDIT_KEYS_DIR;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUDIT_ORIGIN;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUTH_AUDIENCE;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUTH_ISSUER;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUTH_JWKS_FILE;
import static dev.tradeflow.runtime.internals.ConfigKeys.AUTH_SIGNING_KEY;
import static dev.tradeflow.runtime.internals.ConfigKeys.COMPLIANCE_BLOCK_THRESHOLD;
import static dev.tradeflow.runtime.internals.ConfigKeys.COMPLIANCE_REVIEW_THRESHOLD;
import static dev.tradeflow.runtime.internals.ConfigKeys.COMPLIANCE_RULES_FILE;
import static dev.tradeflow.runtime.internals.ConfigKeys.COMPLIANCE_SANCTIONS_DIR;
import static dev.tradeflow.runtime.internals.ConfigKeys.CRYPTO_DATA_KEYS_DIR;
import static dev.tradeflow.runtime.internals.ConfigKeys.CRYPTO_DATA_KEY_ROTATION_DAYS;
import static dev.tradeflow.runtime.internals.ConfigKeys.CRYPTO_ENABLED;
import static dev.tradeflow.runtime.internals.ConfigKeys.CRYPTO_KEYSTORE;
import static dev.tradeflow.runtime.internals.ConfigKeys.CRYPTO_KEYSTORE_PASSWORD;
import static dev.tradeflow.runtime.internals.ConfigKeys.DATA_DIR;
import static dev.tradeflow.runtime.internals.ConfigKeys.HOLIDAYS_PREFIX;
import static dev.tradeflow.runtime.internals.ConfigKeys.HTTP_ADVERTISED_HOST;
import static dev.tradeflow.runtime.internals.ConfigKeys.HTTP_COMMAND_WAIT_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.HTTP_HOST;
import static dev.tradeflow.runtime.internals.ConfigKeys.HTTP_PORT;
import static dev.tradeflow.runtime.internals.ConfigKeys.JDBC_PASSWORD;
import static dev.tradeflow.runtime.internals.ConfigKeys.JDBC_URL;
import static dev.tradeflow.runtime.internals.ConfigKeys.JDBC_USER;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_BOOTSTRAP_SERVERS;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_CLIENT_PREFIX;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_EMBEDDED_CONTROLLER_PORT;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_EMBEDDED_PORT;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_EMBEDDED_SECURITY;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_MIN_INSYNC_REPLICAS;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_PARTITIONS;
import static dev.tradeflow.runtime.internals.ConfigKeys.KAFKA_REPLICATION_FACTOR;
import static dev.tradeflow.runtime.internals.ConfigKeys.REGISTRY_PORT;
import static dev.tradeflow.runtime.internals.ConfigKeys.REGISTRY_URL;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_APPROVAL_CURRENCY;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_APPROVAL_THRESHOLD;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_APPROVAL_TIMEOUT_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_ATTEMPTS;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_ENABLED;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_REVIEW_TIMEOUT_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_STEP_TIMEOUT_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.SAGA_TICK_INTERVAL_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.STREAMS_APPLICATION_ID;
import static dev.tradeflow.runtime.internals.ConfigKeys.STREAMS_COMMIT_INTERVAL_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.STREAMS_DEDUP_RETENTION_MS;
import static dev.tradeflow.runtime.internals.ConfigKeys.STREAMS_STATE_DIR;
import static dev.tradeflow.runtime.internals.ConfigKeys.STREAMS_THREADS;

import dev.tradeflow.runtime.BrokerSecurity;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.TradeflowConfig.AuditSettings;
import dev.tradeflow.runtime.TradeflowConfig.AuthSettings;
import dev.tradeflow.runtime.TradeflowConfig.ComplianceSettings;
import dev.tradeflow.runtime.TradeflowConfig.CryptoSettings;
import dev.tradeflow.runtime.TradeflowConfig.HttpSettings;
import dev.tradeflow.runtime.TradeflowConfig.JdbcSettings;
import dev.tradeflow.runtime.TradeflowConfig.KafkaSettings;
import dev.tradeflow.runtime.TradeflowConfig.RegistrySettings;
import dev.tradeflow.runtime.TradeflowConfig.SagaSettings;
import dev.tradeflow.runtime.TradeflowConfig.StreamsSettings;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Types and validates the merged settings into a {@link TradeflowConfig}. */
public final class ConfigBinder {

  // Same rule as the domain's LcTerms.placeOfExpiry: ISO country, '-', a 3-letter location.
  private static final Pattern PLACE = Pattern.compile("[A-Z]{2}-[A-Z]{3}");
  // application.id prefixes Streams' internal topic names, so it must be a legal topic name part.
  private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9._-]+");

  // Client properties the runtime sets itself: exactly-once and gap-free replays depend on them,
  // or a dedicated key exists.
  private static final Map<String, String> OWNED_CLIENT_PROPERTIES =
      Map.ofEntries(
          Map.entry("bootstrap.servers", "set " + KAFKA_BOOTSTRAP_SERVERS + " instead"),
          Map.entry("application.id", "set " + STREAMS_APPLICATION_ID + " instead"),
          Map.entry("group.id", "each consumer gets its own group id from Tradeflow; remove it"),
          Map.entry("transactional.id", "each producer gets its own id from Tradeflow; remove it"),
          Map.entry("enable.idempotence", "exactly-once processing depends on it; remove it"),
          Map.entry("acks", "exactly-once processing depends on acks=all; remove it"),
          Map.entry("isolation.level", "consumers must read committed records only; remove it"),
          Map.entry("enable.auto.commit", "offsets are committed with the processing; remove it"),
          Map.entry("processing.guarantee", "Streams apps run exactly_once_v2; remove it"),
          Map.entry("auto.offset.reset", "a new consumer must read every event; remove it"));

  private final Map<String, ConfigValue> values;

  private ConfigBinder(Map<String, ConfigValue> values) {
    this.values = values;
  }

  public static TradeflowConfig bind(Map<String, ConfigValue> values) {
    return new ConfigBinder(values).bind();
  }

  private TradeflowConfig bind() {
    Path dataDir = path(DATA_DIR);
    Optional<String> bootstrapServers = bootstrapServers(required(KAFKA_BOOTSTRAP_SERVERS));
    boolean embedded = bootstrapServers.isEmpty();
    int port = port(KAFKA_EMBEDDED_PORT);
    int controllerPort = port(KAFKA_EMBEDDED_CONTROLLER_PORT);
    int partitions = intAtLeast(KAFKA_PARTITIONS, 1, "a partition count of at least 1");
    int replicationFactor = replicationFactor(embedded);
    int minInsyncReplicas = minInsyncReplicas(embedded, replicationFactor);
    int httpPort = port(HTTP_PORT);
    if (embedded) {
      requireDistinctPort(
          KAFKA_EMBEDDED_CONTROLLER_PORT, controllerPort, KAFKA_EMBEDDED_PORT, port);
      requireDistinctPort(HTTP_PORT, httpPort, KAFKA_EMBEDDED_PORT, port);
      requireDistinctPort(HTTP_PORT, httpPort, KAFKA_EMBEDDED_CONTROLLER_PORT, controllerPort);
    }
    KafkaSettings kafka =
        new KafkaSettings(
            bootstrapServers,
            port,
            controllerPort,
            partitions,
            replicationFactor,
            minInsyncReplicas,
            clientProperties(),
            embeddedSecurity(embedded));
    String httpHost = nonBlank(HTTP_HOST, "a host name or address to listen on, such as 0.0.0.0");
    HttpSettings http =
        new HttpSettings(
            httpHost,
            advertisedHost(httpHost),
            httpPort,
            Duration.ofMillis(
                longAtLeast(HTTP_COMMAND_WAIT_MS, 0, "a number of milliseconds, 0 or more")));
    StreamsSettings streams =
        new StreamsSettings(
            applicationId(),
            Duration.ofMillis(
                longAtLeast(STREAMS_COMMIT_INTERVAL_MS, 1, "a number of milliseconds, 1 or more")),
            intAtLeast(STREAMS_THREADS, 1, "a thread count of at least 1"),
            values.containsKey(STREAMS_STATE_DIR)
                ? path(STREAMS_STATE_DIR)
                : dataDir.resolve("streams"),
            Duration.ofMillis(
                longAtLeast(
                    STREAMS_DEDUP_RETENTION_MS,
                    60_000,
                    "a number of milliseconds, 60000 or more")));
    return new TradeflowConfig(
        dataDir,
        kafka,
        http,
        streams,
        jdbc(dataDir),
        registry(embedded, port, httpPort),
        audit(dataDir),
        crypto(dataDir, embedded),
        compliance(),
        saga(),
        auth(dataDir),
        holidays());
  }

  private RegistrySettings registry(boolean embeddedBroker, int kafkaPort, int httpPort) {
    ConfigValue url = required(REGISTRY_URL);
    int port = port(REGISTRY_PORT);
    if (!url.value().isEmpty()) {
      if (!url.value().startsWith("http://") && !url.value().startsWith("https://")) {
        throw url.invalid(
            "expected the registry's base URL such as http://registry:8081, or nothing for the"
                + " embedded registry");
      }
      return new RegistrySettings(Optional.of(url.value().replaceAll("/+$", "")), port);
    }
    requireDistinctPort(REGISTRY_PORT, port, HTTP_PORT, httpPort, "the HTTP API");
    if (embeddedBroker) {
      requireDistinctPort(REGISTRY_PORT, port, KAFKA_EMBEDDED_PORT, kafkaPort);
    }
    return new RegistrySettings(Optional.empty(), port);
  }

  private AuditSettings audit(Path dataDir) {
    ConfigValue origin = required(AUDIT_ORIGIN);
    if (origin.value().isBlank() || !origin.value().matches("[^\\s+]+")) {
      throw origin.invalid("expected a name without spaces or '+', such as bank.example/tradeflow");
    }
    String keysDir = required(AUDIT_KEYS_DIR).value();
    return new AuditSettings(
        bool(AUDIT_ENABLED),
        origin.value(),
        intBetween(
            required(AUDIT_CHECKPOINT_RECORDS),
            1,
            AuditSettings.MAX_CHECKPOINT_RECORDS,
            "a record count from 1 to " + AuditSettings.MAX_CHECKPOINT_RECORDS),
        Duration.ofMillis(
            longAtLeast(AUDIT_CHECKPOINT_INTERVAL_MS, 1, "a number of milliseconds, 1 or more")),
        keysDir.isBlank() ? dataDir.resolve("audit").resolve("keys") : path(AUDIT_KEYS_DIR));
  }

  private ComplianceSettings compliance() {
    String dir = required(COMPLIANCE_SANCTIONS_DIR).value();
    double review = fraction(COMPLIANCE_REVIEW_THRESHOLD);
    ConfigValue block = required(COMPLIANCE_BLOCK_THRESHOLD);
    if (fraction(COMPLIANCE_BLOCK_THRESHOLD) < review) {
      throw block.invalid(
          "expected a score no lower than " + COMPLIANCE_REVIEW_THRESHOLD + " (" + review + ")");
    }
    String rules = required(COMPLIANCE_RULES_FILE).value();
    return new ComplianceSettings(
        dir.isBlank() ? Optional.empty() : Optional.of(path(COMPLIANCE_SANCTIONS_DIR)),
        rules.isBlank() ? Optional.empty() : Optional.of(path(COMPLIANCE_RULES_FILE)),
        review,
        fraction(COMPLIANCE_BLOCK_THRESHOLD));
  }

  private SagaSettings saga() {
    ConfigValue threshold = required(SAGA_APPROVAL_THRESHOLD);
    BigDecimal amount;
    try {
      amount = new BigDecimal(threshold.value());
    } catch (NumberFormatException e) {
      throw threshold.invalid("expected an amount such as 250000.00");
    }
    if (amount.signum() < 0) {
      throw threshold.invalid("expected an amount of 0 or more");
    }
    ConfigValue currency = required(SAGA_APPROVAL_CURRENCY);
    int decimals;
    try {
      decimals = java.util.Currency.getInstance(currency.value()).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      throw currency.invalid("expected an ISO 4217 currency code such as USD");
    }
    if (amount.stripTrailingZeros().scale() > Math.max(decimals, 0)) {
      throw threshold.invalid(
          "expected at most " + decimals + " decimals, as " + currency.value() + " has");
    }
    return new SagaSettings(
        bool(SAGA_ENABLED),
        amount,
        currency.value(),
        intBetween(required(SAGA_ATTEMPTS), 1, 100, "a number of attempts from 1 to 100"),
        millis(SAGA_STEP_TIMEOUT_MS),
        millis(SAGA_REVIEW_TIMEOUT_MS),
        millis(SAGA_APPROVAL_TIMEOUT_MS),
        millis(SAGA_TICK_INTERVAL_MS));
  }

  private BrokerSecurity embeddedSecurity(boolean embedded) {
    ConfigValue value = required(KAFKA_EMBEDDED_SECURITY);
    BrokerSecurity security;
    switch (value.value()) {
      case "plaintext":
        security = BrokerSecurity.PLAINTEXT;
        break;
      case "sasl-ssl":
        security = BrokerSecurity.SASL_SSL;
        break;
      default:
        throw value.invalid("expected plaintext or sasl-ssl");
    }
    if (security == BrokerSecurity.SASL_SSL && !embedded) {
      throw value.invalid(
          "applies to the embedded broker only: for a cluster, give its security settings as"
              + " kafka.client.* (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.*)");
    }
    return security;
  }

  private AuthSettings auth(Path dataDir) {
    ConfigValue issuer = required(AUTH_ISSUER);
    ConfigValue audience = required(AUTH_AUDIENCE);
    if (issuer.value().isBlank()) {
      throw issuer.invalid("expected the issuer tokens name, such as tradeflow.local");
    }
    if (audience.value().isBlank()) {
      throw audience.invalid("expected the audience tokens are for, such as tradeflow-api");
    }
    String jwks = required(AUTH_JWKS_FILE).value();
    String signingKey = required(AUTH_SIGNING_KEY).value();
    return new AuthSettings(
        issuer.value(),
        audience.value(),
        jwks.isEmpty() ? Optional.empty() : Optional.of(path(AUTH_JWKS_FILE)),
        signingKey.isEmpty()
            ? dataDir.resolve("auth").resolve("token-signing.jwk")
            : path(AUTH_SIGNING_KEY));
  }

  private Duration millis(String key) {
    return Duration.ofMillis(longAtLeast(key, 1, "a number of milliseconds, 1 or more"));
  }

  /** A score in (0, 1]. */
  private double fraction(String key) {
    ConfigValue value = required(key);
    try {
      double parsed = Double.parseDouble(value.value());
      if (parsed > 0 && parsed <= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the expectation
    }
    throw value.invalid("expected a score above 0 and at most 1, such as 0.85");
  }

  private CryptoSettings crypto(Path dataDir, boolean embeddedBroker) {
    boolean enabled = bool(CRYPTO_ENABLED);
    Path cryptoDir = dataDir.resolve("crypto");
    String keystore = required(CRYPTO_KEYSTORE).value();
    String dataKeys = required(CRYPTO_DATA_KEYS_DIR).value();
    ConfigValue password = required(CRYPTO_KEYSTORE_PASSWORD);
    if (enabled && password.value().isEmpty() && !embeddedBroker) {
      throw password.invalid(
          "expected the keystore's password (env TRADEFLOW_CRYPTO_KEYSTORE_PASSWORD): with a"
              + " Kafka cluster, encryption needs one");
    }
    return new CryptoSettings(
        enabled,
        keystore.isEmpty() ? cryptoDir.resolve("kek.p12") : path(CRYPTO_KEYSTORE),
        password.value().isEmpty() ? Optional.empty() : Optional.of(password.value()),
        dataKeys.isEmpty() ? cryptoDir.resolve("data-keys") : path(CRYPTO_DATA_KEYS_DIR),
        Duration.ofDays(
            intBetween(
                required(CRYPTO_DATA_KEY_ROTATION_DAYS), 1, 3650, "a number of days, 1 to 3650")));
  }

  private boolean bool(String key) {
    ConfigValue value = required(key);
    if (!value.value().equals("true") && !value.value().equals("false")) {
      throw value.invalid("expected true or false");
    }
    return value.value().equals("true");
  }

  private JdbcSettings jdbc(Path dataDir) {
    ConfigValue url = required(JDBC_URL);
    String user = required(JDBC_USER).value();
    String password = required(JDBC_PASSWORD).value();
    if (url.value().isEmpty()) {
      return JdbcSettings.embeddedH2(
          dataDir.resolve("reporting"), user.isEmpty() ? "sa" : user, password);
    }
    if (!url.value().startsWith("jdbc:postgresql:") && !url.value().startsWith("jdbc:h2:")) {
      throw url.invalid(
          "expected a PostgreSQL URL such as jdbc:postgresql://127.0.0.1:5432/test, an H2 URL"
              + " (jdbc:h2:...), or nothing for the embedded H2 database under "
              + dataDir.resolve("reporting"));
    }
    return new JdbcSettings(url.value(), user, password);
  }

  private ConfigValue required(String key) {
    ConfigValue value = values.get(key);
    if (value == null) {
      throw new IllegalStateException(ConfigFiles.DEFAULTS_RESOURCE + " has no default for " + key);
    }
    return value;
  }

  private Path path(String key) {
    ConfigValue value = required(key);
    if (value.value().isEmpty()) {
      throw value.invalid("expected a path");
    }
    try {
      return Path.of(value.value());
    } catch (InvalidPathException e) {
      throw value.invalid("expected a path (" + e.getReason() + ")");
    }
  }

  private String advertisedHost(String httpHost) {
    String advertised = required(HTTP_ADVERTISED_HOST).value();
    if (!advertised.isEmpty()) {
      return advertised;
    }
    return "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? "127.0.0.1" : httpHost;
  }

  private String nonBlank(String key, String expected) {
    ConfigValue value = required(key);
    if (value.value().isEmpty()) {
      throw value.invalid("expected " + expected);
    }
    return value.value();
  }

  private int port(String key) {
    return intBetween(required(key), 1, 65_535, "a port number 1-65535");
  }

  private int intAtLeast(String key, int min, String expected) {
    return intBetween(required(key), min, Integer.MAX_VALUE, expected);
  }

  private static int intBetween(ConfigValue value, int min, int max, String expected) {
    try {
      int parsed = Integer.parseInt(value.value());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the expectation
    }
    throw value.invalid("expected " + expected);
  }

  private long longAtLeast(String key, long min, String expected) {
    ConfigValue value = required(key);
    try {
      long parsed = Long.parseLong(value.value());
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the expectation
    }
    throw value.invalid("expected " + expected);
  }

  private static Optional<String> bootstrapServers(ConfigValue value) {
    if (value.value().isEmpty()) {
      return Optional.empty();
    }
    List<String> servers = new ArrayList<>();
    for (String server : value.value().split(",", -1)) {
      String trimmed = server.trim();
      int colon = trimmed.lastIndexOf(':');
      boolean valid = colon > 0;
      if (valid) {
        try {
          int port = Integer.parseInt(trimmed.substring(colon + 1));
          valid = port >= 1 && port <= 65_535;
        } catch (NumberFormatException e) {
          valid = false;
        }
      }
      if (!valid) {
        throw value.invalid(
            "expected a comma-separated list of host:port such as broker1:9092,broker2:9092,"
                + " or nothing to start the embedded broker");
      }
      servers.add(trimmed);
    }
    return Optional.of(String.join(",", servers));
  }

  private int replicationFactor(boolean embedded) {
    ConfigValue value = values.get(KAFKA_REPLICATION_FACTOR);
    if (value == null) {
      return embedded ? 1 : 3;
    }
    int factor = intBetween(value, 1, Short.MAX_VALUE, "a replication factor of at least 1");
    if (embedded && factor != 1) {
      throw value.invalid(
          "expected 1, as the embedded broker is a single node; set "
              + KAFKA_BOOTSTRAP_SERVERS
              + " to use a cluster with more replicas");
    }
    return factor;
  }

  private int minInsyncReplicas(boolean embedded, int replicationFactor) {
    ConfigValue value = values.get(KAFKA_MIN_INSYNC_REPLICAS);
    if (value == null) {
      return Math.min(embedded ? 1 : 2, replicationFactor);
    }
    int min = intBetween(value, 1, Short.MAX_VALUE, "a replica count of at least 1");
    if (min > replicationFactor) {
      throw value.invalid(
          "expected at most "
              + KAFKA_REPLICATION_FACTOR
              + " ("
              + replicationFactor
              + "), or no write with acks=all could ever succeed");
    }
    return min;
  }

  private void requireDistinctPort(String key, int port, String otherKey, int otherPort) {
    requireDistinctPort(key, port, otherKey, otherPort, "the embedded broker");
  }

  private void requireDistinctPort(
      String key, int port, String otherKey, int otherPort, String occupant) {
    if (port == otherPort) {
      throw required(key)
          .invalid(
              "expected a port different from "
                  + otherKey
                  + " ("
                  + otherPort
                  + "), as "
                  + occupant
                  + " listens there");
    }
  }

  private String applicationId() {
    ConfigValue value = required(STREAMS_APPLICATION_ID);
    if (!APPLICATION_ID.matcher(value.value()).matches()) {
      throw value.invalid(
          "expected letters, digits, '.', '_' or '-' only, as it prefixes Kafka Streams'"
              + " internal topic names");
    }
    return value.value();
  }

  private Map<String, String> clientProperties() {
    Map<String, String> properties = new HashMap<>();
    for (ConfigValue value : values.values()) {
      if (!value.key().startsWith(KAFKA_CLIENT_PREFIX)) {
        continue;
      }
      String property = value.key().substring(KAFKA_CLIENT_PREFIX.length());
      String owned = OWNED_CLIENT_PROPERTIES.get(property);
      if (owned != null) {
        throw value.invalid("Tradeflow sets " + property + " itself: " + owned);
      }
      if (value.value().isEmpty()) {
        throw value.invalid("expected a value for the Kafka client property " + property);
      }
      properties.put(property, value.value());
    }
    return properties;
  }

  private Map<String, Set<LocalDate>> holidays() {
    Map<String, Set<LocalDate>> holidays = new HashMap<>();
    for (ConfigValue value : values.values()) {
      if (!value.key().startsWith(HOLIDAYS_PREFIX)) {
        continue;
      }
      String place = value.key().substring(HOLIDAYS_PREFIX.length());
      if (!PLACE.matcher(place).matches()) {
        throw value.invalid(
            "expected a banking place code after "
                + HOLIDAYS_PREFIX
                + ", such as GB-LON or US-NYC (ISO country code, '-', 3-letter location)");
      }
      Set<LocalDate> days = new LinkedHashSet<>();
      for (String day : value.value().split(",")) {
        String trimmed = day.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        try {
          days.add(LocalDate.parse(trimmed));
        } catch (DateTimeParseException e) {
          throw value.invalid(
              "'"
                  + trimmed
                  + "' is not an ISO date; expected comma-separated yyyy-MM-dd dates such as"
                  + " 2026-12-25,2026-12-28");
        }
      }
      holidays.put(place, days);
    }
    return holidays;
  }
}
