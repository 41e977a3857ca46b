package dev.tradeflow.app.cli;

import dev.tradeflow.app.auth.TokenIssuer;
import dev.tradeflow.app.auth.TokenKeys;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.TradeflowConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow sagas ...}: the issuance sagas of a running service, over its API. */
@Command(
    name = "sagas",
    description = "The issuance sagas of a running service (read over its HTTP API).",
    subcommands = {SagasCommand.ListSagas.class, SagasCommand.Show.class})
final class SagasCommand {

  @ParentCommand TradeflowCli cli;

  @Option(
      names = "--url",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "the service's API; default: http.advertised-host and http.port")
  URI url;

  @Option(
      names = "--token",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description =
          "a bearer token for the API (env TRADEFLOW_API_TOKEN); default: an auditor's token"
              + " signed with this data directory's auth.signing-key")
  String token;

  ApiClient api() {
    TradeflowConfig config = cli.config();
    URI base =
        url != null
            ? url
            : URI.create("http://" + config.http().advertisedHost() + ":" + config.http().port());
    return new ApiClient(base, "Bearer " + token(config));
  }

  private String token(TradeflowConfig config) {
    if (token != null) {
      return token;
    }
    String fromEnv = System.getenv("TRADEFLOW_API_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    // Reading sagas is an auditor's business; whoever holds the signing key may mint that.
    return TokenKeys.existingSigningKey(config.auth())
        .map(key -> new TokenIssuer(config.auth(), key, Clock.systemUTC()))
        .map(
            issuer ->
                issuer.issue(
                    new User(System.getProperty("user.name", "cli"), Set.of(Role.AUDITOR)),
                    Duration.ofMinutes(5)))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no token: give --token (or TRADEFLOW_API_TOKEN), e.g. from ./tradeflow token"));
  }

  @Command(name = "list", description = "One line per saga: credit, step, amount, maker, outcome.")
  static final class ListSagas implements Callable<Integer> {
    @ParentCommand SagasCommand sagas;

    @Option(names = "--step", description = "only sagas at this step, such as AWAITING_APPROVAL")
    String step;

    @Override
    public Integer call() {
      String path = "/api/v1/sagas" + (step == null ? "" : "?step=" + step);
      List<Map<String, Object>> list = sagas.api().getList(path);
      System.out.printf(
          Locale.ROOT,
          "%-32s %-18s %-20s %-14s %s%n",
          "CREDIT",
          "STEP",
          "AMOUNT",
          "MAKER",
          "OUTCOME");
      for (Map<String, Object> saga : list) {
        @SuppressWarnings("unchecked")
        Map<String, Object> terms = (Map<String, Object>) saga.get("terms");
        @SuppressWarnings("unchecked")
        Map<String, Object> amount = (Map<String, Object>) terms.get("amount");
        System.out.printf(
            Locale.ROOT,
            "%-32s %-18s %-20s %-14s %s%n",
            saga.get("lcId"),
            saga.get("step"),
            amount.get("amount") + " " + amount.get("currency"),
            saga.get("maker"),
            saga.getOrDefault("outcome", ""));
      }
      System.out.println(list.size() + " sagas");
      return 0;
    }
  }

  @Command(name = "show", description = "One saga's state and history, by saga or credit id.")
  static final class Show implements Callable<Integer> {
    @ParentCommand SagasCommand sagas;

    @Parameters(index = "0", paramLabel = "ID", description = "the saga id or the credit's id")
    String id;

    @Override
    public Integer call() {
      ApiClient.Response saga = sagas.api().get("/api/v1/sagas/" + id);
      if (saga.status() != 200) {
        System.err.println("error: " + saga.body().getOrDefault("detail", saga.status()));
        return 1;
      }
      System.out.printf(
          "saga %s for %s: %s%n",
          saga.body().get("id"), saga.body().get("lcId"), saga.body().get("step"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> history = (List<Map<String, Object>>) saga.body().get("history");
      for (Map<String, Object> entry : history) {
        System.out.printf("  %s %-18s %s%n", entry.get("at"), entry.get("step"), entry.get("note"));
      }
      return 0;
    }
  }
}
