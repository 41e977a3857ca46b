package dev.tradeflow.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code ./tradeflow} in the test JVM and captures what it prints (stdout and stderr). */
public final class Cli {

  public record Result(int exitCode, String output) {}

  private Cli() {}

  public static synchronized Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      exit = TradeflowCli.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Result(exit, captured.toString(StandardCharsets.UTF_8));
  }
}
