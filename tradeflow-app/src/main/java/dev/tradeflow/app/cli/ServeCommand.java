package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = "Run the service until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

  @ParentCommand TradeflowCli cli;

  @Option(names = "--fresh", description = "wipe the embedded broker's log and the state first")
  boolean fresh;

  @Override
  public Integer call() throws InterruptedException {
    TradeflowService service = TradeflowService.start(cli.config(), fresh);
    System.out.println("Tradeflow API: " + service.apiBase() + "  (Ctrl-C to stop)");
    awaitShutdown(service);
    return 0;
  }

  /** Blocks until the JVM is asked to stop, then closes the service cleanly. */
  static void awaitShutdown(AutoCloseable service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    service.close();
                  } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                "tradeflow-shutdown"));
    stopped.await();
  }
}
