package dev.tradeflow.registry;

import dev.tradeflow.registry.internals.RegistryError;
import dev.tradeflow.registry.internals.RegistryRoutes;
import dev.tradeflow.registry.internals.SchemaStore;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.TopicSpec;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A schema registry speaking Confluent's REST API and storing its state in a compacted Kafka topic
 * ({@code _schemas} by default). Any number of instances may share the topic.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  public static final String DEFAULT_TOPIC = "_schemas";

  private static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(30);

  private final SchemaStore store;
  private final Javalin server;

  private SchemaRegistryServer(SchemaStore store, Javalin server) {
    this.store = store;
    this.server = server;
  }

  /**
   * Where the registry listens and keeps its state.
   *
   * @param port 0 for any free port
   * @param defaultCompatibility the global level until {@code PUT /config} sets another
   */
  public record Settings(
      String host,
      int port,
      String topic,
      int replicationFactor,
      int minInsyncReplicas,
      CompatibilityLevel defaultCompatibility) {
    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
    }
  }

  /** Creates the topic if it is missing, reads it, and starts serving. */
  public static SchemaRegistryServer start(KafkaClients clients, Settings settings) {
    return start(clients, settings, DEFAULT_STORE_TIMEOUT);
  }

  /**
   * As {@link #start(KafkaClients, Settings)}, with how long a request may wait for Kafka before it
   * fails with 500.
   */
  public static SchemaRegistryServer start(
      KafkaClients clients, Settings settings, Duration storeTimeout) {
    try (Admin admin = Admin.create(clients.adminProps())) {
      TopicAdmin.ensureTopics(
          admin,
          List.of(
              new TopicSpec(
                  settings.topic(),
                  1,
                  settings.replicationFactor(),
                  Map.of(
                      TopicConfig.CLEANUP_POLICY_CONFIG,
                      TopicConfig.CLEANUP_POLICY_COMPACT,
                      TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                      Integer.toString(settings.minInsyncReplicas())))));
    }
    SchemaStore store =
        new SchemaStore(clients, settings.topic(), settings.defaultCompatibility(), storeTimeout);
    try {
      store.readToEnd(); // fail fast when the topic cannot be read
      RegistryRoutes routes = new RegistryRoutes(store);
      Javalin server =
          Javalin.create(
              config -> {
                config.startup.showJavalinBanner = false;
                config.jetty.host = settings.host();
                config.jetty.port = settings.port();
                routes.addTo(config.routes);
              });
      server.start();
      return new SchemaRegistryServer(store, server);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Registers schemas, one per subject, in one write (or finds them registered): how a service
   * fills the registry it embeds without a round trip per schema.
   *
   * @return their ids by subject
   * @throws IllegalArgumentException when one is incompatible with its subject's versions
   */
  public Map<String, Integer> registerAll(Map<String, Schema> bySubject) {
    try {
      return store.registerAll(bySubject);
    } catch (RegistryError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    store.close();
  }
}
