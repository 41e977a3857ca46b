package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.bench.Bench;
import dev.tradeflow.app.bench.ConsumerCommits;
import dev.tradeflow.runtime.ConfigException;
import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.TopicSpec;
import dev.tradeflow.runtime.TradeflowConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "bench",
    description =
        "Measure commit latency at a fixed rate, throughput with concurrent writers, and the raw"
            + " Kafka exactly-once ceiling, on a fresh embedded broker (or the configured cluster).")
final class BenchCommand implements Callable<Integer> {

  private static final String RAW_IN = "tf.bench.raw-in";
  private static final String RAW_OUT = "tf.bench.raw-out";
  private static final String CONSUMER_IN = "tf.bench.consumer-in";

  @ParentCommand TradeflowCli cli;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "offered commands/s for the latency run (default ${DEFAULT-VALUE})")
  int rate;

  @Option(
      names = "--warmup",
      defaultValue = "60",
      // Measured here: after 20 s the JIT still compiles on one of the two cores; by 60 s it is
      // done.
      description = "seconds of warm-up, not recorded (default ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(
      names = "--duration",
      defaultValue = "20",
      description = "seconds recorded in the latency run (default ${DEFAULT-VALUE})")
  int durationSeconds;

  @Option(
      names = "--commands",
      defaultValue = "300000",
      description = "commands sent in each throughput run (default ${DEFAULT-VALUE})")
  long commands;

  @Option(
      names = "--writers",
      defaultValue = "4",
      description = "concurrent writers in the throughput runs (default ${DEFAULT-VALUE})")
  int writers;

  @Option(
      names = "--consumer-records",
      defaultValue = "200000",
      description =
          "records consumed with batched commits in the commit comparison (default"
              + " ${DEFAULT-VALUE})")
  long consumerRecords;

  @Option(
      names = "--per-message-records",
      defaultValue = "10000",
      description =
          "records consumed committing each one in the commit comparison (default"
              + " ${DEFAULT-VALUE})")
  long perMessageRecords;

  @Option(
      names = "--only-consumer-commits",
      description = "run only the comparison of per-message and batched consumer commits")
  boolean onlyConsumerCommits;

  @Override
  public Integer call() throws Exception {
    TradeflowConfig config = benchConfig();
    try (TradeflowService service = TradeflowService.start(config, true)) {
      KafkaClients clients = new KafkaClients(config, service.bootstrapServers());
      try (Admin admin = Admin.create(clients.adminProps())) {
        TopicAdmin.ensureTopics(
            admin,
            List.of(
                benchTopic(RAW_IN, config.kafka().partitions(), config.kafka().replicationFactor()),
                benchTopic(
                    RAW_OUT, config.kafka().partitions(), config.kafka().replicationFactor()),
                benchTopic(
                    CONSUMER_IN, config.kafka().partitions(), config.kafka().replicationFactor())));
      }
      if (onlyConsumerCommits) {
        printConsumerCommits(clients);
        return 0;
      }
      Bench bench = new Bench(clients);
      System.out.printf(
          "Kafka %s, commit.interval.ms=%d, %d stream thread(s), %d partitions%n",
          service.bootstrapServers(),
          config.streams().commitInterval().toMillis(),
          config.streams().threads(),
          config.kafka().partitions());
      System.out.printf(
          "Latency run: %d commands/s, %d s warm-up + %d s recorded...%n",
          rate, warmupSeconds, durationSeconds);
      Bench.Latency latency =
          bench.commitLatency(
              rate, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
      printThreadMetrics(service);
      System.out.printf("Throughput run: %d commands, %d writers...%n", commands, writers);
      Bench.Throughput throughput = bench.commandThroughput(commands, writers);
      System.out.printf("Raw exactly-once ceiling: %d records, %d writers...%n", commands, writers);
      Bench.Throughput ceiling = bench.rawExactlyOnceCeiling(RAW_IN, RAW_OUT, commands, writers);

      System.out.println();
      System.out.println("| measurement | result |");
      System.out.println("|---|---|");
      System.out.printf(
          "| commit latency at %d cmd/s (offered %.0f/s), p50 / p95 / p99 / max | %.2f / %.2f / %.2f / %.2f ms (%d samples) |%n",
          rate,
          latency.rate(),
          latency.p50(),
          latency.p95(),
          latency.p99(),
          latency.max(),
          latency.samples());
      System.out.printf(
          "| command throughput, %d writers, saturation | %,.0f commands/s (%d in %.2f s) |%n",
          writers,
          throughput.perSecond(),
          throughput.records(),
          throughput.elapsed().toNanos() / 1e9);
      System.out.printf(
          "| raw Kafka exactly-once ceiling (consume-transform-produce, no domain logic) | %,.0f records/s |%n",
          ceiling.perSecond());
      System.out.printf(
          "| command processing vs raw ceiling | %.0f%% |%n",
          100 * throughput.perSecond() / ceiling.perSecond());
      printConsumerCommits(clients);
      return 0;
    }
  }

  private void printConsumerCommits(KafkaClients clients) throws InterruptedException {
    System.out.printf(
        "%nConsumer commits: %d records committed one by one, %d committed per batch...%n",
        perMessageRecords, consumerRecords);
    List<ConsumerCommits.Result> results =
        new ConsumerCommits(clients)
            .compare(CONSUMER_IN, Math.max(consumerRecords, perMessageRecords), perMessageRecords);
    System.out.println("| consumer commit strategy | records | records/s |");
    System.out.println("|---|---|---|");
    for (ConsumerCommits.Result result : results) {
      System.out.printf(
          "| %s | %,d | %,.0f |%n", result.strategy(), result.records(), result.perSecond());
    }
    System.out.printf(
        "| batched vs per-message | | %.1fx |%n",
        results.get(1).perSecond() / results.get(0).perSecond());
  }

  /** Where the processor's stream threads spend their time: processing, polling or committing. */
  private static void printThreadMetrics(TradeflowService service) {
    service
        .streams()
        .metrics()
        .forEach(
            (name, metric) -> {
              if (name.group().equals("stream-thread-metrics")
                  && List.of(
                          "commit-latency-avg",
                          "commit-latency-max",
                          "process-ratio",
                          "poll-ratio",
                          "commit-ratio",
                          "punctuate-ratio",
                          "process-records-avg")
                      .contains(name.name())) {
                System.out.printf(
                    "  %s %s = %.3f%n",
                    name.tags().get("thread-id").replaceAll(".*-", ""),
                    name.name(),
                    (Double) metric.metricValue());
              }
            });
  }

  private static TopicSpec benchTopic(String name, int partitions, int replicationFactor) {
    return new TopicSpec(name, partitions, replicationFactor, Map.of("retention.ms", "600000"));
  }

  /** The configured service on a throw-away data directory and free ports. */
  private TradeflowConfig benchConfig() throws IOException {
    Path dir = Files.createTempDirectory("tradeflow-bench");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TRADEFLOW_DATA_DIR", dir.toString());
    env.put("TRADEFLOW_HTTP_PORT", Integer.toString(freePort()));
    env.put("TRADEFLOW_REGISTRY_PORT", Integer.toString(freePort()));
    env.put("TRADEFLOW_KAFKA_EMBEDDED_PORT", Integer.toString(freePort()));
    env.put("TRADEFLOW_KAFKA_EMBEDDED_CONTROLLER_PORT", Integer.toString(freePort()));
    TradeflowConfig config = ConfigLoader.load(Optional.ofNullable(cli.configFile), env);
    if (!config.embeddedBroker()) {
      // tf.lc.events keeps every record forever: hundreds of thousands of synthetic credits have
      // no place in a real cluster's log of record.
      throw new ConfigException(
          "bench runs on its own throw-away embedded broker: unset kafka.bootstrap-servers"
              + " (or TRADEFLOW_BOOTSTRAP_SERVERS) to run it");
    }
    return config;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
