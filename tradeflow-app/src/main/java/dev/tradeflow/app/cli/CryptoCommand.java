package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.app.replay.CreditHistory;
import dev.tradeflow.app.schemas.RegistryAccess;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.crypto.PayloadEncryption;
import dev.tradeflow.schemas.crypto.DataKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow crypto ...}: the keys of payload encryption. */
@Command(
    name = "crypto",
    description = "Rotate and destroy the keys of payload encryption (crypto.*).",
    subcommands = {
      CryptoCommand.Rotate.class,
      CryptoCommand.RotateKek.class,
      CryptoCommand.Shred.class
    })
final class CryptoCommand {

  @ParentCommand TradeflowCli cli;

  PayloadEncryption open() {
    return PayloadEncryption.open(cli.config().crypto());
  }

  @Command(
      name = "rotate",
      description =
          "A new data key for a credit: its new records use it (a running service's from its"
              + " next start), its old ones stay readable.")
  static final class Rotate implements Callable<Integer> {
    @ParentCommand CryptoCommand crypto;

    @Option(names = "--lc", required = true, paramLabel = "ID", description = "the LC id")
    String lcId;

    @Override
    public Integer call() {
      DataKey key = crypto.open().dataKeys().rotate(lcId);
      System.out.println("New data key " + key.id() + " for " + lcId);
      return 0;
    }
  }

  @Command(
      name = "rotate-kek",
      description =
          "A new key-encryption key in the keystore: it wraps every new data key; the old ones"
              + " stay to unwrap theirs.")
  static final class RotateKek implements Callable<Integer> {
    @ParentCommand CryptoCommand crypto;

    @Override
    public Integer call() {
      String id = crypto.open().keyEncryptionKeys().rotate();
      System.out.println(
          "New key-encryption key " + id + " in " + crypto.cli.config().crypto().keystore());
      return 0;
    }
  }

  @Command(
      name = "shred",
      description =
          "Destroy every data key of a credit (crypto-shredding): its records (events, commands,"
              + " outcomes, cases) stay in the log, and audit verify still passes, but no one can"
              + " read them again. Refused while a"
              + " legal hold is in force on the credit. A running service on the same data directory"
              + " forgets the keys within two seconds, and then answers 410 for the credit.")
  static final class Shred implements Callable<Integer> {
    @ParentCommand CryptoCommand crypto;

    @Option(names = "--lc", required = true, paramLabel = "ID", description = "the LC id")
    String lcId;

    @Override
    public Integer call() {
      List<String> holds = holdsOn(crypto.cli.config(), lcId);
      if (!holds.isEmpty()) {
        System.err.println(
            "refused: "
                + lcId
                + " is under legal hold "
                + String.join(", ", holds)
                + ": its records must stay readable until every hold is released"
                + " (ReleaseLegalHold)");
        return 1;
      }
      int destroyed = crypto.open().dataKeys().shred(lcId);
      if (destroyed == 0) {
        System.err.println("no data key of " + lcId + ": nothing was encrypted for it");
        return 1;
      }
      System.out.println("Destroyed " + destroyed + " data key(s) of " + lcId);
      return 0;
    }

    /** The legal holds in force on the credit, as its events in the log of record say. */
    private static List<String> holdsOn(TradeflowConfig config, String lcId) {
      try (KafkaCluster cluster = KafkaCluster.connect(config, false);
          RegistryAccess registry =
              RegistryAccess.open(config, new KafkaClients(config, cluster.bootstrapServers()))) {
        return CreditHistory.rebuild(
                new KafkaClients(config, cluster.bootstrapServers()), registry.eventSerde(), lcId)
            .map(LcState::legalHolds)
            .orElse(List.of());
      }
    }
  }
}
