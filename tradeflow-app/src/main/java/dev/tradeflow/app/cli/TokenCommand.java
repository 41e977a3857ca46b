package dev.tradeflow.app.cli;

import dev.tradeflow.app.auth.TokenIssuer;
import dev.tradeflow.app.auth.TokenKeys;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.TradeflowConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./tradeflow token --user U --roles R}: a development token for the API, signed with the
 * service's own key ({@code auth.signing-key}, made on its first run). Production tokens come from
 * the bank's identity provider ({@code auth.jwks-file}), and then this command refuses.
 */
@Command(
    name = "token",
    description =
        "Prints a development bearer token for the API (signed with auth.signing-key), for"
            + " Authorization: Bearer <token>.")
final class TokenCommand implements Callable<Integer> {

  @ParentCommand TradeflowCli cli;

  @Option(names = "--user", required = true, description = "who the token names (its sub)")
  String user;

  @Option(
      names = "--roles",
      required = true,
      split = ",",
      description = "comma-separated: maker, checker, compliance, auditor, operator, admin")
  String[] roles;

  @Option(
      names = "--ttl",
      defaultValue = "PT8H",
      description = "how long it is valid, ISO-8601 (default PT8H, at most P1D)")
  Duration ttl;

  @Override
  public Integer call() {
    TradeflowConfig config = cli.config();
    if (config.auth().jwksFile().isPresent()) {
      System.err.println(
          "error: auth.jwks-file is set, so the API trusts your identity provider's tokens only;"
              + " ask it for one");
      return 2;
    }
    Set<Role> granted =
        Arrays.stream(roles)
            .map(String::strip)
            .filter(r -> !r.isEmpty())
            .map(Role::named)
            .collect(Collectors.toSet());
    // The key the service uses, made here if it has not run yet.
    TokenIssuer issuer =
        new TokenIssuer(
            config.auth(),
            TokenKeys.load(config.auth()).signingKey().orElseThrow(),
            Clock.systemUTC());
    System.out.println(issuer.issue(new User(user, granted), ttl));
    return 0;
  }
}
