package dev.tradeflow.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.app.api.DeadLetterView;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.schemas.RegistryAccess;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.dlq.DeadLetter;
import dev.tradeflow.runtime.dlq.DeadLetterAction;
import dev.tradeflow.runtime.dlq.DeadLetterEntry;
import dev.tradeflow.runtime.dlq.DeadLetterId;
import dev.tradeflow.runtime.dlq.DeadLetterQueues;
import dev.tradeflow.runtime.dlq.DeadLetterRefused;
import dev.tradeflow.runtime.dlq.ReplaySelection;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow dlq ...}: the dead-letter queues, straight from Kafka. */
@Command(
    name = "dlq",
    description = "Inspect, replay and purge dead letters (records parked in <topic>.dlq).",
    subcommands = {
      DlqCommand.ListDeadLetters.class,
      DlqCommand.Show.class,
      DlqCommand.Replay.class,
      DlqCommand.Purge.class
    })
final class DlqCommand {

  @ParentCommand TradeflowCli cli;

  /** The cluster's clients while {@link #withQueues} runs. */
  private KafkaClients clients;

  /** Events decoded with the registry the service uses, or one started for the purpose. */
  String showJson(DeadLetterEntry entry) {
    try (RegistryAccess registry = RegistryAccess.open(cli.config(), clients)) {
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(
              DeadLetterView.of(entry, registry.eventSerde(), clients.encryption()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code work} on the configured cluster; a refused request is exit code 1 with why. */
  int withQueues(Function<DeadLetterQueues, Integer> work) {
    TradeflowConfig config = cli.config();
    try (KafkaCluster cluster = KafkaCluster.connect(config, false);
        DeadLetterQueues queues =
            new DeadLetterQueues(
                new KafkaClients(config, cluster.bootstrapServers()), Clock.systemUTC())) {
      this.clients = new KafkaClients(config, cluster.bootstrapServers());
      return work.apply(queues);
    } catch (DeadLetterRefused e) {
      System.err.println("refused: " + e.getMessage());
      return 1;
    }
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  @Command(name = "list", description = "List open dead letters, oldest first per topic.")
  static final class ListDeadLetters implements Callable<Integer> {
    @ParentCommand DlqCommand dlq;

    @Option(names = "--topic", description = "only those of this topic (or its .dlq topic)")
    String topic;

    @Option(names = "--all", description = "replayed and purged ones too")
    boolean all;

    @Override
    public Integer call() {
      return dlq.withQueues(
          queues -> {
            List<DeadLetterEntry> entries = queues.list(Optional.ofNullable(topic), all);
            System.out.printf(
                "%-28s %-26s %-22s %-24s %s%n", "ID", "FROM", "KEY", "REASON", "STATE / ERROR");
            for (DeadLetterEntry entry : entries) {
              DeadLetter letter = entry.letter();
              System.out.printf(
                  "%-28s %-26s %-22s %-24s %s%n",
                  letter.id(),
                  letter.originalTopic()
                      + ":"
                      + letter.originalPartition()
                      + ":"
                      + letter.originalOffset(),
                  letter.keyText().orElse(letter.keyHex()),
                  letter.reason(),
                  entry
                      .resolution()
                      .map(DlqCommand::describe)
                      .orElse("open: " + letter.header("tf-dlq-exception-message").orElse("")));
            }
            System.out.println(entries.size() + " dead letter(s)");
            return 0;
          });
    }
  }

  @Command(name = "show", description = "Show one dead letter: headers, reason, payload.")
  static final class Show implements Callable<Integer> {
    @ParentCommand DlqCommand dlq;

    @Parameters(paramLabel = "ID", description = "<dlq topic>:<partition>:<offset>")
    String id;

    @Override
    public Integer call() {
      DeadLetterId parsed = DeadLetterId.parse(id);
      return dlq.withQueues(
          queues -> {
            System.out.println(dlq.showJson(queues.get(parsed)));
            return 0;
          });
    }
  }

  @Command(
      name = "replay",
      description =
          "Re-publish open dead letters to their original topic and partition, oldest first.")
  static final class Replay implements Callable<Integer> {
    @ParentCommand DlqCommand dlq;

    @ArgGroup(multiplicity = "1")
    Which which;

    @Option(names = "--topic", description = "with --key or --all: only this topic's")
    String topic;

    static final class Which {
      @Parameters(paramLabel = "ID", description = "one dead letter")
      String id;

      @Option(names = "--key", description = "every open dead letter with this key")
      String key;

      @Option(names = "--all", description = "every open dead letter")
      boolean all;
    }

    @Override
    public Integer call() {
      ReplaySelection selection =
          which.id != null
              ? new ReplaySelection.One(DeadLetterId.parse(which.id))
              : which.key != null
                  ? new ReplaySelection.ByKey(which.key, Optional.ofNullable(topic))
                  : new ReplaySelection.All(Optional.ofNullable(topic));
      return dlq.withQueues(
          queues -> {
            List<DeadLetterAction> done = queues.replay(selection, actor());
            done.forEach(a -> System.out.println(a.deadLetter() + " " + describe(a)));
            System.out.println(done.size() + " dead letter(s) replayed");
            return 0;
          });
    }
  }

  @Command(name = "purge", description = "Resolve a dead letter without replaying it.")
  static final class Purge implements Callable<Integer> {
    @ParentCommand DlqCommand dlq;

    @Parameters(paramLabel = "ID", description = "<dlq topic>:<partition>:<offset>")
    String id;

    @Option(names = "--reason", required = true, description = "why, for the audit trail")
    String reason;

    @Override
    public Integer call() {
      DeadLetterId parsed = DeadLetterId.parse(id);
      return dlq.withQueues(
          queues -> {
            DeadLetterAction purged = queues.purge(parsed, reason, actor());
            System.out.println(purged.deadLetter() + " " + describe(purged));
            return 0;
          });
    }
  }

  static String describe(DeadLetterAction action) {
    return action.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " by "
        + action.actor()
        + " at "
        + action.at()
        + action.replayedTo().map(to -> " to " + to).orElse("")
        + action.reason().map(r -> ": " + r).orElse("");
  }
}
