package dev.tradeflow.app.demo;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.auth.TokenIssuer;
import dev.tradeflow.app.demo.Scenario.Step;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.user.Role;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives the demo's letters of credit through their lifecycles over the public HTTP API, several at
 * once, and checks every outcome against what the scenario expects.
 */
public final class DemoRunner {

  /** How long the demo waits for the saga to move a credit on. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final ApiClient api;
  private final String runId;
  private final LocalDate runDate;

  /** Signs the tokens of the demo's users: its maker, checkers and compliance officers. */
  private final TokenIssuer tokens;

  /** A run against {@code service}, its users' tokens signed with the service's own key. */
  public static DemoRunner against(TradeflowService service, Clock clock) {
    TokenIssuer tokens =
        service
            .tokenIssuer()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the demo signs its users' tokens with the service's own key, which"
                            + " auth.jwks-file replaces: run the demo without it"));
    return new DemoRunner(service.apiBase(), tokens, clock);
  }

  public DemoRunner(URI apiBase, TokenIssuer tokens, Clock clock) {
    this.tokens = tokens;
    this.api = new ApiClient(apiBase, tokens.bearer(DemoScenarios.Script.MAKER, Role.MAKER));
    this.runDate = LocalDate.now(clock);
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
      Map<String, Integer> sagasByStep,
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
    List<Scenario> scenarios = DemoScenarios.all(runDate, runId);
    List<String> failures = new ArrayList<>(openFacilities());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(scenarios.size(), 16));
    List<Future<Outcome>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < scenarios.size(); i++) {
        String lcId = lcId(runId, i + 1);
        Scenario scenario = scenarios.get(i);
        futures.add(pool.submit(() -> drive(lcId, scenario)));
      }
      Map<LcStatus, Integer> counts = new EnumMap<>(LcStatus.class);
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
      Map<String, Integer> sagas = new TreeMap<>();
      for (int i = 0; i < scenarios.size(); i++) {
        Object step = api.get("/api/v1/sagas/" + lcId(runId, i + 1)).body().get("step");
        sagas.merge(String.valueOf(step), 1, Integer::sum);
      }
      return new Summary(
          runId,
          scenarios.size(),
          commands,
          events,
          counts,
          sagas,
          failures,
          Duration.ofNanos(System.nanoTime() - started));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The applicants' credit facilities, opened, or, after earlier runs whose credits are still live,
   * raised so that {@link DemoScenarios#FACILITY_LIMIT} is available again.
   */
  private List<String> openFacilities() {
    List<String> failures = new ArrayList<>();
    for (String applicant : DemoScenarios.applicants()) {
      String id = "US:" + applicant.toUpperCase(java.util.Locale.ROOT);
      BigDecimal limit = new BigDecimal(DemoScenarios.FACILITY_LIMIT);
      ApiClient.Response existing = api.get(facilityPath(id));
      if (existing.status() == 200) {
        @SuppressWarnings("unchecked")
        Map<String, Object> utilised = (Map<String, Object>) existing.body().get("utilised");
        limit = limit.add(new BigDecimal(String.valueOf(utilised.get("amount"))));
      }
      ApiClient.Response opened =
          api.post(
              "/api/v1/facilities",
              Map.of(
                  "applicant", Map.of("name", applicant, "country", "US"),
                  "limit", Map.of("amount", limit.toPlainString(), "currency", "USD")),
              as("demo.credit-officer", Role.CHECKER));
      BigDecimal expected = limit;
      if (opened.status() != 202) {
        failures.add(
            applicant + ": setting the facility answered " + opened.status() + " " + opened.body());
      } else if (!waitFor(() -> limitOf(id).compareTo(expected) == 0)) {
        failures.add(applicant + ": the facility's limit did not become " + expected);
      }
    }
    return failures;
  }

  private BigDecimal limitOf(String facilityId) {
    ApiClient.Response facility = api.get(facilityPath(facilityId));
    if (facility.status() != 200) {
      return BigDecimal.valueOf(-1);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> limit = (Map<String, Object>) facility.body().get("limit");
    return new BigDecimal(String.valueOf(limit.get("amount")));
  }

  private static String facilityPath(String facilityId) {
    return "/api/v1/facilities/"
        + URLEncoder.encode(facilityId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Outcome drive(String lcId, Scenario scenario) {
    Outcome outcome = new Outcome();
    for (Step step : scenario.steps()) {
      String failure = perform(lcId, step, outcome);
      if (failure != null) {
        outcome.failures.add(lcId + " (" + scenario.name() + ") " + failure);
        break;
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

  /** Does one step; says what went wrong, or null. */
  private String perform(String lcId, Step step, Outcome outcome) {
    if (step instanceof Step.Send send) {
      outcome.commands++;
      ApiClient.Response response = send(lcId, send.command());
      if (response.status() == 202) {
        response = awaitOutcome(lcId, send.command());
      }
      return unexpected(send.command(), send.expectedRejection(), response);
    }
    if (step instanceof Step.Submit submit) {
      outcome.commands++;
      ApiClient.Response response = send(lcId, submit.command());
      return response.status() == 202
          ? null
          : submit.command().type()
              + ": expected 202 (held by the saga), got "
              + response.status()
              + " "
              + response.body();
    }
    if (step instanceof Step.AwaitOutcome await) {
      return unexpected(
          await.command(), await.expectedRejection(), awaitOutcome(lcId, await.command()));
    }
    if (step instanceof Step.AwaitStatus await) {
      return waitFor(
              () ->
                  String.valueOf(api.get("/api/v1/lcs/" + lcId).body().get("status"))
                      .equals(await.status().name()))
          ? null
          : "did not reach " + await.status() + " within " + PATIENCE + ": " + sagaOf(lcId);
    }
    if (step instanceof Step.AwaitSaga await) {
      return waitFor(
              () ->
                  await
                      .step()
                      .equals(String.valueOf(api.get("/api/v1/sagas/" + lcId).body().get("step"))))
          ? null
          : "the saga did not reach " + await.step() + " within " + PATIENCE + ": " + sagaOf(lcId);
    }
    if (step instanceof Step.DecideCases decide) {
      // The case opens with the same screening result that moves the saga: wait for it.
      waitFor(
          () ->
              api.getList("/api/v1/cases").stream()
                  .anyMatch(c -> String.valueOf(c.get("caseId")).startsWith(lcId + ":")));
      int decided = 0;
      for (Map<String, Object> reviewCase : api.getList("/api/v1/cases")) {
        String caseId = String.valueOf(reviewCase.get("caseId"));
        @SuppressWarnings("unchecked")
        Object status = ((Map<String, Object>) reviewCase.get("state")).get("status");
        if (!caseId.startsWith(lcId + ":")
            || "CLEARED".equals(status)
            || "CONFIRMED".equals(status)) {
          continue;
        }
        decided++;
        ApiClient.Response answer =
            api.post(
                "/api/v1/cases/" + caseId + "/decision",
                Map.of(
                    "decision",
                    decide.decision(),
                    "reason",
                    "demo: "
                        + decide.decision().toLowerCase(java.util.Locale.ROOT)
                        + "ed on review"),
                as(decide.officer(), Role.COMPLIANCE));
        if (answer.status() != 202) {
          return "deciding " + caseId + ": " + answer.status() + " " + answer.body();
        }
      }
      return decided > 0 ? null : "no undecided review case to " + decide.decision();
    }
    if (step instanceof Step.AwaitPresentationElsewhere await) {
      String other = lcId(runId, await.scenario() + 1);
      return waitFor(() -> presentations(other).contains(await.presentation().value()))
          ? null
          : other + " did not record presentation " + await.presentation() + " within " + PATIENCE;
    }
    Step.Approve approve = (Step.Approve) step;
    ApiClient.Response answered =
        api.post(
            "/api/v1/sagas/" + lcId + "/approval",
            Map.of("approved", true, "reason", "demo approval"),
            // The demo's maker is a checker too, so that maker-checker, not the role, refuses.
            as(approve.user(), Role.MAKER, Role.CHECKER));
    return answered.status() == approve.expectedHttpStatus()
        ? null
        : "approval by "
            + approve.user()
            + ": expected "
            + approve.expectedHttpStatus()
            + ", got "
            + answered.status()
            + " "
            + answered.body();
  }

  /** The ids of the presentations the credit recorded, as its view shows them. */
  @SuppressWarnings("unchecked")
  private List<String> presentations(String lcId) {
    Object credit = api.get("/api/v1/lcs/" + lcId).body().get("credit");
    if (!(credit instanceof Map<?, ?> view)
        || !(view.get("presentations") instanceof List<?> presented)) {
      return List.of();
    }
    return ((List<Map<String, Object>>) presented)
        .stream().map(p -> String.valueOf(p.get("presentationId"))).toList();
  }

  private ApiClient.Response send(String lcId, LcCommand command) {
    return api.post("/api/v1/lcs/" + lcId + "/commands", command);
  }

  /** The headers of a request by {@code user} with {@code roles}. */
  private Map<String, String> as(String user, Role... roles) {
    return Map.of("Authorization", tokens.bearer(user, roles));
  }

  /** The command's outcome once there is one (404 or 202 until then), or the last answer. */
  private ApiClient.Response awaitOutcome(String lcId, LcCommand command) {
    String location = "/api/v1/lcs/" + lcId + "/commands/" + command.commandId();
    ApiClient.Response[] last = {api.get(location)};
    waitFor(
        () -> {
          last[0] = api.get(location);
          return last[0].status() != 404 && last[0].status() != 202;
        });
    return last[0];
  }

  /** What is wrong with a command's answer, or null. */
  private static String unexpected(
      LcCommand command, Optional<RejectionCode> expectedRejection, ApiClient.Response response) {
    String what = command.type();
    if (expectedRejection.isEmpty() && response.status() != 200) {
      return what + ": expected acceptance, got " + response.status() + " " + response.body();
    }
    if (expectedRejection.isPresent()
        && !expectedRejection.get().name().equals(response.problemCode())) {
      return what
          + ": expected "
          + expectedRejection.get()
          + ", got "
          + response.status()
          + " "
          + response.body();
    }
    return null;
  }

  private String sagaOf(String lcId) {
    Map<String, Object> saga = api.get("/api/v1/sagas/" + lcId).body();
    return "saga at " + saga.get("step") + ", outcome " + saga.get("outcome");
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  private static final class Outcome {
    long commands;
    long version;
    Optional<LcStatus> status = Optional.empty();
    final List<String> failures = new ArrayList<>();
  }
}
