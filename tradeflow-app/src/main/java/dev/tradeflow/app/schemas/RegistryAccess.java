package dev.tradeflow.app.schemas;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.registry.SchemaRegistryServer;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.schemas.ConfluentAvroSerde;
import dev.tradeflow.schemas.EventSerde;
import dev.tradeflow.schemas.registry.RegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A schema registry for a command-line tool: {@code registry.url}, the embedded one if the service
 * runs it, or else one started here on a free port over the cluster's {@code _schemas} (closed with
 * this), so that tools read events whether the service runs or not.
 */
public final class RegistryAccess implements AutoCloseable {

  private final TradeflowConfig config;
  private final String url;
  private final Optional<SchemaRegistryServer> own;

  private RegistryAccess(TradeflowConfig config, String url, Optional<SchemaRegistryServer> own) {
    this.config = config;
    this.url = url;
    this.own = own;
  }

  public static RegistryAccess open(TradeflowConfig config, KafkaClients clients) {
    String configured = TradeflowService.registryUrl(config);
    if (!config.registry().embedded() || answers(configured)) {
      return new RegistryAccess(config, configured, Optional.empty());
    }
    SchemaRegistryServer.Settings embedded = TradeflowService.registrySettings(config);
    SchemaRegistryServer server =
        SchemaRegistryServer.start(
            clients,
            new SchemaRegistryServer.Settings(
                "127.0.0.1",
                0,
                embedded.topic(),
                embedded.replicationFactor(),
                embedded.minInsyncReplicas(),
                embedded.defaultCompatibility()));
    return new RegistryAccess(config, "http://127.0.0.1:" + server.port(), Optional.of(server));
  }

  /**
   * How every reader and writer encodes events: Confluent's wire format, no auto-registration. With
   * {@code crypto.enabled} the clients encrypt the encoded value ({@code RecordEncryption}).
   */
  public static EventSerde eventSerde(String registryUrl) {
    return new ConfluentAvroSerde(new RegistryClient(registryUrl), EventSubjects.STRATEGY, false);
  }

  public String url() {
    return url;
  }

  public RegistryClient client() {
    return new RegistryClient(url);
  }

  public EventSerde eventSerde() {
    return eventSerde(url);
  }

  @Override
  public void close() {
    own.ifPresent(SchemaRegistryServer::close);
  }

  private static boolean answers(String url) {
    try {
      HttpResponse<Void> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofMillis(500))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/schemas/types"))
                      .timeout(Duration.ofSeconds(2))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
