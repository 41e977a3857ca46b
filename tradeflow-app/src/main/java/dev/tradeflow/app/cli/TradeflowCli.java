package dev.tradeflow.app.cli;

import dev.tradeflow.runtime.ConfigException;
import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.schemas.registry.RegistryException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tradeflow}: the service and its operator tools. */
@Command(
    name = "tradeflow",
    mixinStandardHelpOptions = true,
    version = "Tradeflow 0.1.0",
    description = "Auditable, event-sourced letters of credit on Apache Kafka.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ReplayCommand.class,
      DlqCommand.class,
      RegistryCommand.class,
      SchemasCommand.class,
      BenchCommand.class,
      AuditCommand.class,
      ArchiveCommand.class,
      CryptoCommand.class,
      ScreenCommand.class,
      SagasCommand.class,
      TokenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TradeflowCli {

  @Option(
      names = {"-c", "--config"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "configuration file (.yaml, .yml or .properties); none: the embedded default")
  Path configFile;

  /** The configuration: defaults, then the file, then TRADEFLOW_* environment variables. */
  TradeflowConfig config() {
    return config(java.util.Map.of());
  }

  /**
   * The configuration with {@code defaults} ({@code TRADEFLOW_*} names) applied under the
   * environment: a command's own defaults, which a variable still overrides.
   */
  TradeflowConfig config(java.util.Map<String, String> defaults) {
    java.util.Map<String, String> env = new java.util.HashMap<>(defaults);
    env.putAll(System.getenv());
    return ConfigLoader.load(Optional.ofNullable(configFile), env);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine cli = new CommandLine(new TradeflowCli());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof RegistryException refused) {
            commandLine.getErr().println("schema registry refused: " + refused.getMessage());
            return 1;
          }
          if (e instanceof ConfigException) {
            commandLine.getErr().println("configuration error: " + e.getMessage());
            return 2;
          }
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }
}
