package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.app.schemas.EventSubjects;
import dev.tradeflow.app.schemas.RegistryAccess;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow schemas register|check}: the event schemas and the registry. */
@Command(
    name = "schemas",
    description = "Register the event schemas, or check them against the registered ones.",
    subcommands = {SchemasCommand.Register.class, SchemasCommand.Check.class})
final class SchemasCommand {

  @ParentCommand TradeflowCli cli;

  int withRegistry(Function<RegistryAccess, Integer> work) {
    TradeflowConfig config = cli.config();
    try (KafkaCluster cluster = KafkaCluster.connect(config, false);
        RegistryAccess registry =
            RegistryAccess.open(config, new KafkaClients(config, cluster.bootstrapServers()))) {
      return work.apply(registry);
    }
  }

  @Command(
      name = "check",
      description =
          "Check every event schema against the registered versions at the subject's"
              + " compatibility level; exit 1 if any is incompatible (for CI).")
  static final class Check implements Callable<Integer> {
    @ParentCommand SchemasCommand schemas;

    @Override
    public Integer call() {
      return schemas.withRegistry(
          registry -> {
            Map<String, List<String>> problems = EventSubjects.check(registry.client());
            int incompatible = 0;
            for (Map.Entry<String, List<String>> subject : problems.entrySet()) {
              if (subject.getValue().isEmpty()) {
                System.out.println("ok            " + subject.getKey());
              } else {
                incompatible++;
                System.out.println("INCOMPATIBLE  " + subject.getKey());
                subject.getValue().forEach(p -> System.out.println("    " + p));
              }
            }
            System.out.printf(
                "%d subject(s) checked at %s, %d incompatible%n",
                problems.size(), registry.url(), incompatible);
            return incompatible == 0 ? 0 : 1;
          });
    }
  }

  @Command(
      name = "register",
      description = "Register every event schema under tf.lc.events-<record> subjects.")
  static final class Register implements Callable<Integer> {
    @ParentCommand SchemasCommand schemas;

    @Override
    public Integer call() {
      return schemas.withRegistry(
          registry -> {
            EventSubjects.register(registry.client())
                .forEach((subject, id) -> System.out.printf("id %-5d %s%n", id, subject));
            System.out.println("registered at " + registry.url());
            return 0;
          });
    }
  }
}
