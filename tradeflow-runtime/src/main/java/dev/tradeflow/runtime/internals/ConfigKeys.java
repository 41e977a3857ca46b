package dev.tradeflow.runtime.internals;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The known configuration keys, their environment variable names and typo suggestions. */
final class ConfigKeys {

  public static final String DATA_DIR = "data.dir";
  public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
  public static final String KAFKA_EMBEDDED_PORT = "kafka.embedded.port";
  public static final String KAFKA_EMBEDDED_CONTROLLER_PORT = "kafka.embedded.controller-port";
  public static final String KAFKA_EMBEDDED_SECURITY = "kafka.embedded.security";
  public static final String KAFKA_PARTITIONS = "kafka.partitions";
  public static final String KAFKA_REPLICATION_FACTOR = "kafka.replication-factor";
  public static final String KAFKA_MIN_INSYNC_REPLICAS = "kafka.min-insync-replicas";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_ADVERTISED_HOST = "http.advertised-host";
  public static final String HTTP_COMMAND_WAIT_MS = "http.command-wait-ms";
  public static final String STREAMS_APPLICATION_ID = "streams.application-id";
  public static final String STREAMS_COMMIT_INTERVAL_MS = "streams.commit-interval-ms";
  public static final String STREAMS_THREADS = "streams.threads";
  public static final String STREAMS_STATE_DIR = "streams.state-dir";
  public static final String STREAMS_DEDUP_RETENTION_MS = "streams.dedup-retention-ms";
  public static final String JDBC_URL = "jdbc.url";
  public static final String JDBC_USER = "jdbc.user";
  public static final String JDBC_PASSWORD = "jdbc.password";
  public static final String REGISTRY_URL = "registry.url";
  public static final String REGISTRY_PORT = "registry.port";
  public static final String AUDIT_ENABLED = "audit.enabled";
  public static final String AUDIT_ORIGIN = "audit.origin";
  public static final String AUDIT_CHECKPOINT_RECORDS = "audit.checkpoint-records";
  public static final String AUDIT_CHECKPOINT_INTERVAL_MS = "audit.checkpoint-interval-ms";
  public static final String AUDIT_KEYS_DIR = "audit.keys-dir";
  public static final String CRYPTO_ENABLED = "crypto.enabled";
  public static final String CRYPTO_KEYSTORE = "crypto.keystore";
  public static final String CRYPTO_KEYSTORE_PASSWORD = "crypto.keystore-password";
  public static final String CRYPTO_DATA_KEYS_DIR = "crypto.data-keys-dir";
  public static final String CRYPTO_DATA_KEY_ROTATION_DAYS = "crypto.data-key-rotation-days";
  public static final String COMPLIANCE_SANCTIONS_DIR = "compliance.sanctions-dir";
  public static final String COMPLIANCE_RULES_FILE = "compliance.rules-file";
  public static final String COMPLIANCE_REVIEW_THRESHOLD = "compliance.review-threshold";
  public static final String COMPLIANCE_BLOCK_THRESHOLD = "compliance.block-threshold";
  public static final String SAGA_ENABLED = "saga.enabled";
  public static final String SAGA_APPROVAL_THRESHOLD = "saga.approval-threshold";
  public static final String SAGA_APPROVAL_CURRENCY = "saga.approval-currency";
  public static final String SAGA_ATTEMPTS = "saga.attempts";
  public static final String SAGA_STEP_TIMEOUT_MS = "saga.step-timeout-ms";
  public static final String SAGA_REVIEW_TIMEOUT_MS = "saga.review-timeout-ms";
  public static final String SAGA_APPROVAL_TIMEOUT_MS = "saga.approval-timeout-ms";
  public static final String SAGA_TICK_INTERVAL_MS = "saga.tick-interval-ms";
  public static final String AUTH_ISSUER = "auth.issuer";
  public static final String AUTH_AUDIENCE = "auth.audience";
  public static final String AUTH_SIGNING_KEY = "auth.signing-key";
  public static final String AUTH_JWKS_FILE = "auth.jwks-file";

  /** {@code kafka.client.<property>}: passed as is to every Kafka client. */
  public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";

  /** {@code calendar.holidays.<PLACE>}: bank holidays of one banking place. */
  public static final String HOLIDAYS_PREFIX = "calendar.holidays.";

  public static final List<String> FIXED =
      List.of(
          DATA_DIR,
          KAFKA_BOOTSTRAP_SERVERS,
          KAFKA_EMBEDDED_PORT,
          KAFKA_EMBEDDED_CONTROLLER_PORT,
          KAFKA_EMBEDDED_SECURITY,
          KAFKA_PARTITIONS,
          KAFKA_REPLICATION_FACTOR,
          KAFKA_MIN_INSYNC_REPLICAS,
          HTTP_PORT,
          HTTP_HOST,
          HTTP_ADVERTISED_HOST,
          HTTP_COMMAND_WAIT_MS,
          STREAMS_APPLICATION_ID,
          STREAMS_COMMIT_INTERVAL_MS,
          STREAMS_THREADS,
          STREAMS_STATE_DIR,
          STREAMS_DEDUP_RETENTION_MS,
          JDBC_URL,
          JDBC_USER,
          JDBC_PASSWORD,
          REGISTRY_URL,
          REGISTRY_PORT,
          AUDIT_ENABLED,
          AUDIT_ORIGIN,
          AUDIT_CHECKPOINT_RECORDS,
          AUDIT_CHECKPOINT_INTERVAL_MS,
          AUDIT_KEYS_DIR,
          CRYPTO_ENABLED,
          CRYPTO_KEYSTORE,
          CRYPTO_KEYSTORE_PASSWORD,
          CRYPTO_DATA_KEYS_DIR,
          CRYPTO_DATA_KEY_ROTATION_DAYS,
          COMPLIANCE_SANCTIONS_DIR,
          COMPLIANCE_RULES_FILE,
          COMPLIANCE_REVIEW_THRESHOLD,
          COMPLIANCE_BLOCK_THRESHOLD,
          SAGA_ENABLED,
          SAGA_APPROVAL_THRESHOLD,
          SAGA_APPROVAL_CURRENCY,
          SAGA_ATTEMPTS,
          SAGA_STEP_TIMEOUT_MS,
          SAGA_REVIEW_TIMEOUT_MS,
          SAGA_APPROVAL_TIMEOUT_MS,
          SAGA_TICK_INTERVAL_MS,
          AUTH_ISSUER,
          AUTH_AUDIENCE,
          AUTH_SIGNING_KEY,
          AUTH_JWKS_FILE);

  private static final List<String> PREFIXES = List.of(KAFKA_CLIENT_PREFIX, HOLIDAYS_PREFIX);

  static final String ENV_PREFIX = "TRADEFLOW_";

  /** Shorter names kept for the settings people set most often. */
  static final Map<String, String> ENV_ALIASES =
      Map.of(
          "TRADEFLOW_BOOTSTRAP_SERVERS", KAFKA_BOOTSTRAP_SERVERS,
          "TRADEFLOW_KAFKA_PORT", KAFKA_EMBEDDED_PORT,
          "TRADEFLOW_KAFKA_CONTROLLER_PORT", KAFKA_EMBEDDED_CONTROLLER_PORT);

  private ConfigKeys() {}

  public static boolean isKnown(String key) {
    return FIXED.contains(key)
        || PREFIXES.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length());
  }

  /**
   * True for a key that only groups others ({@code kafka}, {@code kafka.client}), which a YAML file
   * may leave empty.
   */
  public static boolean isSection(String key) {
    return Stream.concat(FIXED.stream(), PREFIXES.stream()).anyMatch(k -> k.startsWith(key + "."));
  }

  /** {@code TRADEFLOW_} + the key upper-cased with {@code .} and {@code -} as {@code _}. */
  public static String envNameOf(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The known key closest to an unknown one, by edit distance. */
  public static String closestKey(String unknown) {
    Stream<String> prefixed =
        PREFIXES.stream().map(prefix -> prefix + suffixAfterSegments(unknown, prefix));
    return Stream.concat(FIXED.stream(), prefixed)
        .min(Comparator.comparingInt(candidate -> editDistance(unknown, candidate)))
        .orElseThrow();
  }

  /**
   * The known variable a {@code TRADEFLOW_*} name is most likely a typo of, if it is close enough
   * to be one; names far from every key are left to other tools that share the prefix.
   */
  static Optional<String> likelyIntendedEnvName(String unknown) {
    return Stream.concat(FIXED.stream().map(ConfigKeys::envNameOf), ENV_ALIASES.keySet().stream())
        .filter(candidate -> editDistance(unknown, candidate) <= 2)
        .min(Comparator.comparingInt(candidate -> editDistance(unknown, candidate)));
  }

  // Pairs "calendar.holiday.GB-LON" with "calendar.holidays.GB-LON": keeps the part of the
  // unknown key after as many segments as the prefix has.
  private static String suffixAfterSegments(String key, String prefix) {
    String[] segments = key.split("\\.", -1);
    int prefixSegments = prefix.split("\\.").length;
    if (segments.length <= prefixSegments) {
      return "<name>";
    }
    return String.join(".", List.of(segments).subList(prefixSegments, segments.length));
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
