package dev.tradeflow.app.it;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.reporting.Reporting;
import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL reporting projection alone, in a JVM of its own, for {@link ProjectionCrashIT} to kill:
 * {@code java ... ProjectionProcess <config file>}. It runs until it is killed.
 */
public final class ProjectionProcess {

  private ProjectionProcess() {}

  public static void main(String[] args) throws InterruptedException {
    TradeflowConfig config = ConfigLoader.load(Optional.of(Path.of(args[0])), Map.of());
    Reporting.start(
        config.jdbc(),
        false,
        new KafkaClients(config, config.kafka().bootstrapServers().orElseThrow()),
        TradeflowService.eventSerde(config),
        new SimpleMeterRegistry(),
        new KafkaTracing(OpenTelemetry.noop()),
        Set::of);
    System.out.println("PROJECTION RUNNING");
    Thread.currentThread().join();
  }
}
