package dev.tradeflow.app.demo;

import dev.tradeflow.app.demo.Scenario.Step;
import dev.tradeflow.domain.lc.LcStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives the demo's letters of credit through their lifecycles over the public HTTP API, several at
 * once, and checks every outcome against what the scenario expects.
 */
public final class DemoRunner {

  private final ApiClient api;
  private final String runId;

  public DemoRunner(URI apiBase, Clock clock) {
    this.api = new ApiClient(apiBase);
    this.runId =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS")
            .withZone(clock.getZone())
            .format(clock.instant());
  }

  /** What the demo did and whether everything happened as expected. */
  public record Summary(
      String runId,
      int credits,
      long commands,
      long eventsWritten,
      Map<LcStatus, Integer> countByStatus,
      List<String> failures,
      Duration elapsed) {

    public boolean allAsExpected() {
      return failures.isEmpty();
    }

    /** The id of the run's {@code n}th credit, from 1. */
    public String lcId(int n) {
      return DemoRunner.lcId(runId, n);
    }
  }

  private static String lcId(String runId, int n) {
    return String.format("DEMO-%s-%02d", runId, n);
  }

  public Summary run() throws InterruptedException {
    long started = System.nanoTime();
    List<Scenario> scenarios = DemoScenarios.all();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(scenarios.size(), 16));
    List<Future<Outcome>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < scenarios.size(); i++) {
        String lcId = lcId(runId, i + 1);
        Scenario scenario = scenarios.get(i);
        futures.add(pool.submit(() -> drive(lcId, scenario)));
      }
      Map<LcStatus, Integer> counts = new EnumMap<>(LcStatus.class);
      List<String> failures = new ArrayList<>();
      long commands = 0;
      long events = 0;
      for (Future<Outcome> future : futures) {
        Outcome outcome;
        try {
          outcome = future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add("a scenario failed: " + e.getCause());
          continue;
        }
        commands += outcome.commands;
        events += outcome.version;
        failures.addAll(outcome.failures);
        outcome.status.ifPresent(status -> counts.merge(status, 1, Integer::sum));
      }
      return new Summary(
          runId,
          scenarios.size(),
          commands,
          events,
          counts,
          failures,
          Duration.ofNanos(System.nanoTime() - started));
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome drive(String lcId, Scenario scenario) {
    Outcome outcome = new Outcome();
    String commandsPath = "/api/v1/lcs/" + lcId + "/commands";
    for (Step step : scenario.steps()) {
      ApiClient.Response response = api.post(commandsPath, step.command());
      outcome.commands++;
      String what = lcId + " (" + scenario.name() + ") " + step.command().type();
      if (step.expectedRejection().isEmpty() && response.status() != 200) {
        outcome.failures.add(
            what + ": expected acceptance, got " + response.status() + " " + response.body());
      } else if (step.expectedRejection().isPresent()
          && !step.expectedRejection().get().name().equals(response.problemCode())) {
        outcome.failures.add(
            what
                + ": expected "
                + step.expectedRejection().get()
                + ", got "
                + response.status()
                + " "
                + response.body());
      }
    }
    ApiClient.Response view = api.get("/api/v1/lcs/" + lcId);
    if (view.status() != 200) {
      outcome.failures.add(lcId + ": the view answered " + view.status());
      return outcome;
    }
    LcStatus status = LcStatus.valueOf(String.valueOf(view.body().get("status")));
    outcome.status = Optional.of(status);
    outcome.version = ((Number) view.body().get("version")).longValue();
    if (status != scenario.expectedStatus()) {
      outcome.failures.add(
          lcId
              + " ("
              + scenario.name()
              + "): ended "
              + status
              + ", expected "
              + scenario.expectedStatus());
    }
    return outcome;
  }

  private static final class Outcome {
    long commands;
    long version;
    Optional<LcStatus> status = Optional.empty();
    final List<String> failures = new ArrayList<>();
  }
}
