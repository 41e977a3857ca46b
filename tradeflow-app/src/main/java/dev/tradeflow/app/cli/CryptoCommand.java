package dev.tradeflow.app.cli;

import dev.tradeflow.app.crypto.PayloadEncryption;
import dev.tradeflow.schemas.crypto.DataKey;
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
          "A new data key for a credit: its new events use it, its old ones stay readable.")
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
          "Destroy every data key of a credit (crypto-shredding): its events stay in the log, and"
              + " audit verify still passes, but no one can read them again. A running service"
              + " forgets the keys it holds in memory at its next start.")
  static final class Shred implements Callable<Integer> {
    @ParentCommand CryptoCommand crypto;

    @Option(names = "--lc", required = true, paramLabel = "ID", description = "the LC id")
    String lcId;

    @Override
    public Integer call() {
      int destroyed = crypto.open().dataKeys().shred(lcId);
      if (destroyed == 0) {
        System.err.println("no data key of " + lcId + ": nothing was encrypted for it");
        return 1;
      }
      System.out.println("Destroyed " + destroyed + " data key(s) of " + lcId);
      return 0;
    }
  }
}
