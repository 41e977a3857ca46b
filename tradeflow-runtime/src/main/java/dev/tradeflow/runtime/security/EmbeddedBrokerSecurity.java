package dev.tradeflow.runtime.security;

import dev.tradeflow.runtime.BrokerStartException;
import dev.tradeflow.runtime.SecretFiles;
import dev.tradeflow.runtime.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The secured embedded broker ({@code kafka.embedded.security: sasl-ssl}): a TLS certificate for
 * 127.0.0.1 and SCRAM-SHA-512 credentials for each {@link ServicePrincipal}, generated on the first
 * start under {@code <data.dir>/kafka-security} (owner-only) and kept; the broker settings that use
 * them (SASL_SSL for clients, mutual TLS between broker and controller, the StandardAuthorizer with
 * the broker as the only super user); and the least-privilege ACLs of each principal.
 */
public final class EmbeddedBrokerSecurity {

  public static final String MECHANISM = "SCRAM-SHA-512";

  /** The listener clients and the broker itself use. */
  public static final String CLIENT_LISTENER = "SASL_SSL";

  private static final String KEYSTORE = "broker.p12";
  private static final String TRUSTSTORE = "truststore.p12";
  private static final String CREDENTIALS = "credentials.properties";
  private static final String KEYSTORE_PASSWORD = "keystore.password";
  private static final String TRUSTSTORE_PASSWORD = "truststore.password";
  private static final String FORMATTED_CLUSTER = "formatted.cluster-id";

  private final Path dir;
  private final Properties credentials;

  private EmbeddedBrokerSecurity(Path dir, Properties credentials) {
    this.dir = dir;
    this.credentials = credentials;
  }

  /**
   * The security material in {@code dir}, generated if it is not there yet: a self-signed EC
   * certificate for the broker (CN {@code tradeflow-broker}, SAN 127.0.0.1 and localhost), a
   * truststore holding it, and a random password per principal and store.
   */
  public static EmbeddedBrokerSecurity prepare(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    Optional<EmbeddedBrokerSecurity> existing = existing(absolute);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      Files.createDirectories(absolute);
      Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
      Properties credentials = new Properties();
      credentials.setProperty(KEYSTORE_PASSWORD, secret());
      credentials.setProperty(TRUSTSTORE_PASSWORD, secret());
      for (ServicePrincipal principal : ServicePrincipal.values()) {
        credentials.setProperty(principal.user(), secret());
      }
      Path keystore = absolute.resolve(KEYSTORE);
      Path truststore = absolute.resolve(TRUSTSTORE);
      Path certificate = absolute.resolve("broker.pem");
      Files.deleteIfExists(keystore);
      Files.deleteIfExists(truststore);
      // Passwords reach keytool through its environment, not its command line (ps shows that).
      Map<String, String> passwords =
          Map.of(
              "TF_KEYSTORE_PASSWORD", credentials.getProperty(KEYSTORE_PASSWORD),
              "TF_TRUSTSTORE_PASSWORD", credentials.getProperty(TRUSTSTORE_PASSWORD));
      keytool(
          passwords,
          "-genkeypair",
          "-alias",
          "broker",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-sigalg",
          "SHA256withECDSA",
          "-dname",
          "CN=" + ServicePrincipal.BROKER.user() + ",O=Tradeflow embedded broker",
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-validity",
          "825",
          "-storetype",
          "PKCS12",
          "-keystore",
          keystore.toString(),
          "-storepass:env",
          "TF_KEYSTORE_PASSWORD");
      keytool(
          passwords,
          "-exportcert",
          "-rfc",
          "-alias",
          "broker",
          "-keystore",
          keystore.toString(),
          "-storepass:env",
          "TF_KEYSTORE_PASSWORD",
          "-file",
          certificate.toString());
      keytool(
          passwords,
          "-importcert",
          "-noprompt",
          "-alias",
          "tradeflow-broker",
          "-file",
          certificate.toString(),
          "-storetype",
          "PKCS12",
          "-keystore",
          truststore.toString(),
          "-storepass:env",
          "TF_TRUSTSTORE_PASSWORD");
      // Written last: its presence says the rest is complete.
      StringWriter text = new StringWriter();
      credentials.store(text, "Tradeflow embedded broker: store passwords and SCRAM credentials");
      SecretFiles.createOnce(absolute.resolve(CREDENTIALS), text.toString());
      return existing(absolute).orElseThrow();
    } catch (IOException e) {
      throw new BrokerStartException(
          "could not make the embedded broker's TLS certificate and credentials in "
              + absolute
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The security material in {@code dir}, if a secured broker was prepared there. */
  public static Optional<EmbeddedBrokerSecurity> existing(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path file = absolute.resolve(CREDENTIALS);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties credentials = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      credentials.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the broker credentials " + file, e);
    }
    return Optional.of(new EmbeddedBrokerSecurity(absolute, credentials));
  }

  /**
   * The SCRAM credentials to format a new log with ({@code kafka-storage format --add-scram}):
   * every principal's, so that they exist before the broker takes its first login.
   */
  public List<String> scramArguments() {
    List<String> arguments = new ArrayList<>();
    for (ServicePrincipal principal : ServicePrincipal.values()) {
      arguments.add(
          MECHANISM + "=[name=" + principal.user() + ",password=" + password(principal) + "]");
    }
    return arguments;
  }

  /**
   * Checks that the log at {@code clusterId} was formatted with these credentials (it was if this
   * class formatted it), and records it when {@code formattedNow}.
   *
   * @throws BrokerStartException for a log formatted without them: it has no SCRAM users
   */
  public void requireFormattedWithCredentials(String clusterId, boolean formattedNow) {
    Path marker = dir.resolve(FORMATTED_CLUSTER);
    try {
      if (formattedNow) {
        Files.writeString(marker, clusterId + "\n", StandardCharsets.UTF_8);
        return;
      }
      if (!Files.isRegularFile(marker) || !Files.readString(marker).strip().equals(clusterId)) {
        throw new BrokerStartException(
            "the embedded broker's log (cluster "
                + clusterId
                + ") was formatted without the SCRAM users kafka.embedded.security=sasl-ssl needs:"
                + " start once with --fresh (its records are lost) or go back to plaintext");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + marker, e);
    }
  }

  /** The broker's settings, beyond its listeners: TLS, SASL, and the authorizer. */
  public Map<String, String> brokerProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("sasl.enabled.mechanisms", MECHANISM);
    props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    props.put(
        "listener.name." + CLIENT_LISTENER.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
        jaas(ServicePrincipal.BROKER));
    props.putAll(stores(true));
    // Broker and controller know each other by certificate: CN=tradeflow-broker is the super user.
    props.put("listener.name.controller.ssl.client.auth", "required");
    props.put("ssl.principal.mapping.rules", "RULE:^CN=([a-zA-Z0-9._-]+),.*$/$1/,DEFAULT");
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("super.users", "User:" + ServicePrincipal.BROKER.user());
    props.put("allow.everyone.if.no.acl.found", "false");
    return props;
  }

  /** A client's settings to log in as {@code principal} over TLS. */
  public Map<String, Object> clientProperties(ServicePrincipal principal) {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
    props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(principal));
    props.putAll(stores(false));
    return props;
  }

  /**
   * Grants each principal what its work needs, as the broker (the super user): an ACL already there
   * is granted again without harm.
   */
  public void grantAcls(Admin admin, String streamsApplicationId) {
    try {
      admin.createAcls(acls(streamsApplicationId)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new BrokerStartException(
          "could not grant the service principals their ACLs: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerStartException("interrupted while granting ACLs", e);
    }
  }

  /**
   * Least privilege: the service reads, writes and creates Tradeflow's topics ({@code tf.*}, the
   * registry's {@code _schemas}, the Streams application's internal topics, which it may also
   * purge), joins its own groups and runs its own transactions, but cannot delete a topic of
   * record, change configurations or ACLs; the auditor reads the audited topics and the checkpoints
   * and nothing else.
   */
  public static List<AclBinding> acls(String streamsApplicationId) {
    List<AclBinding> acls = new ArrayList<>();
    String service = ServicePrincipal.SERVICE.user();
    List<AclOperation> topicWork =
        List.of(
            AclOperation.READ,
            AclOperation.WRITE,
            AclOperation.CREATE,
            AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);
    allow(acls, service, ResourceType.TOPIC, "tf.", PatternType.PREFIXED, topicWork);
    allow(acls, service, ResourceType.TOPIC, "_schemas", PatternType.LITERAL, topicWork);
    List<AclOperation> internal = new ArrayList<>(topicWork);
    internal.add(AclOperation.DELETE);
    allow(
        acls,
        service,
        ResourceType.TOPIC,
        streamsApplicationId + "-",
        PatternType.PREFIXED,
        internal);
    for (String prefix : prefixes(streamsApplicationId)) {
      allow(
          acls,
          service,
          ResourceType.GROUP,
          prefix,
          PatternType.PREFIXED,
          List.of(AclOperation.READ, AclOperation.DESCRIBE));
      allow(
          acls,
          service,
          ResourceType.TRANSACTIONAL_ID,
          prefix,
          PatternType.PREFIXED,
          List.of(AclOperation.WRITE, AclOperation.DESCRIBE));
    }
    allow(
        acls,
        service,
        ResourceType.CLUSTER,
        "kafka-cluster",
        PatternType.LITERAL,
        List.of(AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE));
    List<String> audited = new ArrayList<>(Topics.audited());
    audited.add(Topics.AUDIT_CHECKPOINTS);
    for (String topic : audited) {
      allow(
          acls,
          ServicePrincipal.AUDITOR.user(),
          ResourceType.TOPIC,
          topic,
          PatternType.LITERAL,
          List.of(AclOperation.READ, AclOperation.DESCRIBE));
    }
    return acls;
  }

  /** Group and transactional id prefixes: Tradeflow's own, and the Streams application's. */
  private static List<String> prefixes(String streamsApplicationId) {
    return streamsApplicationId.startsWith("tradeflow")
        ? List.of("tradeflow")
        : List.of("tradeflow", streamsApplicationId);
  }

  private static void allow(
      List<AclBinding> acls,
      String user,
      ResourceType type,
      String name,
      PatternType pattern,
      List<AclOperation> operations) {
    for (AclOperation operation : operations) {
      acls.add(
          new AclBinding(
              new ResourcePattern(type, name, pattern),
              new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }
  }

  private Map<String, String> stores(boolean withKeystore) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, dir.resolve(TRUSTSTORE).toString());
    props.put(
        SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, credentials.getProperty(TRUSTSTORE_PASSWORD));
    if (withKeystore) {
      props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
      props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, dir.resolve(KEYSTORE).toString());
      props.put(
          SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, credentials.getProperty(KEYSTORE_PASSWORD));
      props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, credentials.getProperty(KEYSTORE_PASSWORD));
    }
    return props;
  }

  private String jaas(ServicePrincipal principal) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + principal.user()
        + "\" password=\""
        + password(principal)
        + "\";";
  }

  private String password(ServicePrincipal principal) {
    String password = credentials.getProperty(principal.user());
    if (password == null) {
      throw new IllegalStateException(
          dir.resolve(CREDENTIALS) + " holds no credentials for " + principal.user());
    }
    return password;
  }

  /** 256 random bits, URL-safe (no character the JAAS or SCRAM syntax would trip on). */
  private static String secret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void keytool(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
  }
}
