package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.registry.SchemaRegistryServer;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code ./tradeflow registry}: the schema registry alone, until Ctrl-C. */
@Command(
    name = "registry",
    description =
        "Run the schema registry alone (Confluent's REST API on registry.port, stored in"
            + " _schemas), until Ctrl-C. Several may run on one cluster.")
final class RegistryCommand implements Callable<Integer> {

  @picocli.CommandLine.ParentCommand TradeflowCli cli;

  @Override
  public Integer call() throws InterruptedException {
    TradeflowConfig config = cli.config();
    KafkaCluster cluster = KafkaCluster.connect(config, false);
    SchemaRegistryServer registry;
    try {
      registry =
          SchemaRegistryServer.start(
              new KafkaClients(config, cluster.bootstrapServers()),
              TradeflowService.registrySettings(config));
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    CountDownLatch stopped =
        ServeCommand.closeOnShutdown(
            () -> {
              try {
                registry.close();
              } finally {
                cluster.close();
              }
            });
    System.out.println(
        "Schema registry on http://"
            + config.http().advertisedHost()
            + ":"
            + registry.port()
            + " (Kafka "
            + cluster.bootstrapServers()
            + "); Ctrl-C to stop");
    stopped.await();
    return 0;
  }
}
