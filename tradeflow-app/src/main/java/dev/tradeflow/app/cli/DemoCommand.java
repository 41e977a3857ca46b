package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.DemoRunner;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "demo",
    description =
        "Start everything embedded, drive 30 letters of credit through their lifecycles over the"
            + " API, print a summary and serve until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

  static final String DEMO_APPROVAL_TIMEOUT_MS = "10000";

  @ParentCommand TradeflowCli cli;

  @Option(
      names = "--exit",
      description = "stop after the summary; exit 0 only if every outcome was as expected")
  boolean exit;

  @Option(names = "--fresh", description = "wipe the embedded broker's log and the state first")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    // A checker has two days by default; the demo shows that deadline's compensation in seconds.
    TradeflowService service =
        TradeflowService.start(
            cli.config(Map.of("TRADEFLOW_SAGA_APPROVAL_TIMEOUT_MS", DEMO_APPROVAL_TIMEOUT_MS)),
            fresh);
    CountDownLatch stopped = ServeCommand.closeOnShutdown(service);
    double readySeconds = (System.nanoTime() - started) / 1e9;
    DemoRunner.Summary summary;
    try {
      summary = DemoRunner.against(service, Clock.systemUTC()).run();
    } catch (RuntimeException | InterruptedException e) {
      service.close();
      throw e;
    }
    System.out.printf(
        "%nTradeflow demo %s: ready in %.1f s, %d credits, %d commands in %.1f s%n",
        summary.runId(),
        readySeconds,
        summary.credits(),
        summary.commands(),
        summary.elapsed().toMillis() / 1000.0);
    System.out.println("Credits per state:");
    summary
        .countByStatus()
        .forEach((status, count) -> System.out.printf("  %-10s %3d%n", status, count));
    System.out.println("Issuance sagas per step:");
    summary.sagasByStep().forEach((step, count) -> System.out.printf("  %-10s %3d%n", step, count));
    System.out.printf(
        "Events written: %d (topic tf.lc.events on %s)%n",
        summary.eventsWritten(), service.bootstrapServers());
    System.out.println("API: " + service.apiBase() + "/api/v1/lcs");
    System.out.println("Schema registry: " + TradeflowService.registryUrl(service.config()));
    System.out.println(
        "Reports: "
            + service.apiBase()
            + "/api/v1/reports/register (SQL projection on "
            + service.config().jdbc().url()
            + ")");
    if (summary.allAsExpected()) {
      System.out.println("Every outcome was as expected.");
    } else {
      System.out.println("UNEXPECTED OUTCOMES:");
      summary.failures().forEach(f -> System.out.println("  " + f));
    }
    if (exit) {
      service.close();
      return summary.allAsExpected() ? 0 : 1;
    }
    System.out.println("Serving until Ctrl-C.");
    stopped.await();
    return 0;
  }
}
