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
    CountDownLatch stopped = closeOnShutdown(TradeflowService.start(cli.config(), fresh));
    System.out.println("Tradeflow is serving. Ctrl-C to stop.");
    stopped.await();
    return 0;
  }

  /**
   * Closes what was started cleanly when the JVM is asked to stop (Ctrl-C, SIGTERM), from the
   * moment it has started; the latch opens once it is closed.
   */
  static CountDownLatch closeOnShutdown(AutoCloseable service) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    service.close();
                  } catch (Exception e) {
                    System.err.println("error while stopping: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "tradeflow-shutdown"));
    return stopped;
  }
}
