package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.app.replay.ReplayReport;
import dev.tradeflow.app.replay.ReplayVerifier;
import dev.tradeflow.app.schemas.RegistryAccess;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "replay",
    description =
        "Rebuild every letter of credit from tf.lc.events and compare with the live store.")
final class ReplayCommand implements Callable<Integer> {

  @ParentCommand TradeflowCli cli;

  @Option(
      names = "--verify",
      required = true,
      description = "check every hash chain and that the rebuilt state equals the live one")
  boolean verify;

  @Override
  public Integer call() {
    TradeflowConfig config = cli.config();
    try (KafkaCluster cluster = KafkaCluster.connect(config, false);
        RegistryAccess registry =
            RegistryAccess.open(config, new KafkaClients(config, cluster.bootstrapServers()))) {
      KafkaClients clients = new KafkaClients(config, cluster.bootstrapServers());
      ReplayReport report =
          new ReplayVerifier(clients, registry.eventSerde(), config.streams().applicationId())
              .verify();
      System.out.printf(
          "Replayed %d events of %d letters of credit in %.2f s (%.0f events/s); live store: %d%n",
          report.eventsRead(),
          report.creditsRebuilt(),
          report.elapsed().toNanos() / 1e9,
          report.eventsPerSecond(),
          report.creditsInLiveStore());
      if (report.agrees()) {
        System.out.println(
            "OK: every hash chain holds, the rebuilt state equals the live store and the history"
                + " store holds every event as stored.");
        return 0;
      }
      System.out.println(report.divergences().size() + " divergence(s); the first:");
      System.out.println("  " + report.divergences().get(0));
      report.divergences().stream().skip(1).limit(9).forEach(d -> System.out.println("  " + d));
      return 1;
    }
  }
}
