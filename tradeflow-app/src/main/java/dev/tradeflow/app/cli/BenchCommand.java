package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.bench.Bench;
import dev.tradeflow.app.bench.ConsumerCommits;
import dev.tradeflow.app.bench.SecurityCosts;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.audit.AuditSequencer;
import dev.tradeflow.runtime.ConfigException;
import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicAdmin;
import dev.tradeflow.runtime.TopicSpec;
import dev.tradeflow.runtime.TradeflowConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    description =
        "Measure commit latency at a fixed rate, throughput with concurrent writers, and the raw"
            + " Kafka exactly-once ceiling, on a fresh embedded broker; --profile both compares"
            + " the default set-up with the secure one (SASL_SSL broker with ACLs, encryption, audit"
            + " log).")
final class BenchCommand implements Callable<Integer> {

  private static final String RAW_IN = "tf.bench.raw-in";
  private static final String RAW_OUT = "tf.bench.raw-out";
  private static final String CONSUMER_IN = "tf.bench.consumer-in";

  // Events of credits in turn: a working set within the ciphers a thread keeps ready (one per
  // data key, 256), and more credits than that, where each key schedule is derived afresh.
  private static final int WORKING_SET_CREDITS = 64;
  private static final int BEYOND_CREDITS = 1_024;

  @ParentCommand TradeflowCli cli;

  @Spec CommandSpec spec;

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

  @Option(
      names = "--profile",
      defaultValue = "default",
      description =
          "default (plaintext, no encryption, no audit sequencer), secure (a SASL_SSL broker with"
              + " ACLs, crypto.enabled and the audit sequencer) or both, each on a fresh broker,"
              + " side by side with the delta"
              + " (default ${DEFAULT-VALUE})")
  String profile;

  @Option(
      names = "--result-to",
      hidden = true,
      description =
          "measure the profile as one side of --profile both and write its figures to this JSON"
              + " file")
  Path resultTo;

  @Override
  public Integer call() throws Exception {
    if (!List.of("default", "secure", "both").contains(profile)) {
      throw new ConfigException("--profile " + profile + ": expected default, secure or both");
    }
    if (resultTo != null) {
      Json.mapper().writeValue(resultTo.toFile(), measure(profile));
      return 0;
    }
    switch (profile) {
      case "default":
        return runDefault();
      case "secure":
        return compare(List.of(measure("secure")));
      default:
        return compare(List.of(inFreshJvm("default"), inFreshJvm("secure")));
    }
  }

  /**
   * One profile's run in a JVM of its own, started with this one's JVM options: run in this one
   * after the other, a profile would find the code the first compiled (the JIT still compiles on
   * one of the two cores a minute in) and the first's garbage, and the order would decide the
   * delta.
   */
  private ProfileRun inFreshJvm(String name) throws IOException, InterruptedException {
    Path result = Files.createTempFile("tradeflow-bench-" + name, ".json");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A recording or an agent writes to files of this process's: the child would overwrite them.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> !arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-javaagent"))
        .forEach(command::add);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), TradeflowCli.class.getName()));
    if (cli.configFile != null) {
      command.addAll(List.of("--config", cli.configFile.toString()));
    }
    command.addAll(List.of("bench", "--profile", name, "--result-to", result.toString()));
    // The options given here, as given: unmatched ones take the same defaults there.
    for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
      if (option.longestName().equals("--profile")) {
        continue;
      }
      if (option.arity().max() == 0) {
        command.add(option.longestName());
        continue;
      }
      for (String value : option.originalStringValues()) {
        command.addAll(List.of(option.longestName(), value));
      }
    }
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "the " + name + " profile's run failed (exit " + exit + "): see its output above");
      }
      return Json.mapper().readValue(result.toFile(), ProfileRun.class);
    } finally {
      Files.deleteIfExists(result);
    }
  }

  /** The latency, throughput, raw ceiling and consumer-commit runs of the default profile. */
  private int runDefault() throws Exception {
    TradeflowConfig config = benchConfig("default");
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

  /** One profile's end-to-end figures, and the audit sequencer's under the throughput run. */
  private record ProfileRun(
      String name, Bench.Latency latency, Bench.Throughput throughput, Optional<AuditLoad> audit) {}

  /** Leaves per second the sequencer kept up with, and the longest a record waited for it. */
  private record AuditLoad(double leavesPerSecond, Duration maxLag) {}

  private int compare(List<ProfileRun> runs) {
    System.out.println("Per-event costs, one thread, in this process...");
    SecurityCosts.RoundTrip workingSet =
        SecurityCosts.encryption(480, WORKING_SET_CREDITS, 200_000);
    SecurityCosts.RoundTrip beyond = SecurityCosts.encryption(480, BEYOND_CREDITS, 200_000);
    SecurityCosts.PerOp first = SecurityCosts.firstEncryption(480, 5_000);
    double append = SecurityCosts.auditAppendPerSecond(480, 1_000_000);

    System.out.println();
    StringBuilder header = new StringBuilder("| measurement |");
    StringBuilder rule = new StringBuilder("|---|");
    for (ProfileRun run : runs) {
      header.append(' ').append(run.name()).append(" |");
      rule.append("---|");
    }
    if (runs.size() == 2) {
      header.append(" delta |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    row(runs, "commit latency p50 at " + rate + " cmd/s (ms)", r -> r.latency().p50(), "%.2f");
    row(runs, "commit latency p99 (ms)", r -> r.latency().p99(), "%.2f");
    row(
        runs,
        "command throughput, " + writers + " writers (cmd/s)",
        r -> r.throughput().perSecond(),
        "%,.0f");
    for (ProfileRun run : runs) {
      run.audit()
          .ifPresent(
              a ->
                  System.out.printf(
                      "| audit sequencer under that load (%s) | %,.0f leaves/s, checkpoints at"
                          + " most %.2f s behind |%n",
                      run.name(), a.leavesPerSecond(), a.maxLag().toMillis() / 1000.0));
    }
    printRoundTrip(workingSet, WORKING_SET_CREDITS);
    printRoundTrip(beyond, BEYOND_CREDITS);
    System.out.printf(
        "| first encryption for a new credit (makes, wraps and stores its data key), median /"
            + " p99 | %.0f / %.0f µs |%n",
        first.median(), first.p99());
    System.out.printf(
        "| audit append (encode, leaf hash, tree), one thread | %,.0f leaves/s |%n", append);
    return 0;
  }

  private static void printRoundTrip(SecurityCosts.RoundTrip costs, int credits) {
    System.out.printf(
        "| AES-256-GCM encryption per event (480 B), %,d credits in turn, median / p99 | %.2f /"
            + " %.2f µs |%n",
        credits, costs.encrypt().median(), costs.encrypt().p99());
    System.out.printf(
        "| AES-256-GCM decryption per event, %,d credits in turn, median / p99 | %.2f / %.2f µs"
            + " |%n",
        credits, costs.decrypt().median(), costs.decrypt().p99());
  }

  /** A row of the comparison: each profile's value, and the change from the first to the second. */
  private static void row(
      List<ProfileRun> runs, String label, ToDoubleFunction<ProfileRun> value, String format) {
    StringBuilder line = new StringBuilder("| ").append(label).append(" |");
    for (ProfileRun run : runs) {
      line.append(' ').append(String.format(format, value.applyAsDouble(run))).append(" |");
    }
    if (runs.size() == 2) {
      double before = value.applyAsDouble(runs.get(0));
      double after = value.applyAsDouble(runs.get(1));
      line.append(String.format(" %+.1f%% |", 100 * (after - before) / before));
    }
    System.out.println(line);
  }

  private ProfileRun measure(String name) throws Exception {
    TradeflowConfig config = benchConfig(name);
    try (TradeflowService service = TradeflowService.start(config, true)) {
      Bench bench = new Bench(new KafkaClients(config, service.bootstrapServers()));
      System.out.printf(
          "Profile %s: latency at %d commands/s, %d s warm-up + %d s recorded...%n",
          name, rate, warmupSeconds, durationSeconds);
      Bench.Latency latency =
          bench.commitLatency(
              rate, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
      System.out.printf(
          "Profile %s: throughput, %d commands, %d writers...%n", name, commands, writers);
      Optional<AuditSequencer> audit = service.audit();
      long leavesBefore = audit.map(AuditSequencer::leavesAppended).orElse(0L);
      long start = System.nanoTime();
      Duration[] maxLag = {Duration.ZERO};
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  audit.ifPresent(
                      a -> {
                        Duration lag = a.checkpointLag();
                        if (lag.compareTo(maxLag[0]) > 0) {
                          maxLag[0] = lag;
                        }
                      });
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-audit-lag");
      sampler.start();
      Bench.Throughput throughput;
      try {
        throughput = bench.commandThroughput(commands, writers);
        // The sequencer's share: until every record read is in a signed checkpoint.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (audit.isPresent()
            && audit.get().checkpointLag().compareTo(Duration.ZERO) > 0
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      } finally {
        sampler.interrupt();
        sampler.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Optional<AuditLoad> load =
          audit.map(a -> new AuditLoad((a.leavesAppended() - leavesBefore) / seconds, maxLag[0]));
      return new ProfileRun(name, latency, throughput, load);
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

  /**
   * The configured service on a throw-away data directory and free ports, with the profile's broker
   * security, encryption and audit settings.
   */
  private TradeflowConfig benchConfig(String profileName) throws IOException {
    Path dir = Files.createTempDirectory("tradeflow-bench");
    Map<String, String> env = new HashMap<>(System.getenv());
    boolean secure = profileName.equals("secure");
    env.put("TRADEFLOW_CRYPTO_ENABLED", Boolean.toString(secure));
    env.put("TRADEFLOW_AUDIT_ENABLED", Boolean.toString(secure));
    env.put("TRADEFLOW_KAFKA_EMBEDDED_SECURITY", secure ? "sasl-ssl" : "plaintext");
    // What is measured is a command's commit, in both profiles alike. The saga would start for
    // every synthetic application (screening, a facility that does not exist, compensation): work
    // downstream of the commit that on two cores would crowd out what is measured.
    env.put("TRADEFLOW_SAGA_ENABLED", "false");
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
