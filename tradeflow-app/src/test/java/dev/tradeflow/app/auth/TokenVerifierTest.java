package dev.tradeflow.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tradeflow.app.auth.TokenVerifier.Unauthenticated;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.ConfigException;
import dev.tradeflow.runtime.TradeflowConfig.AuthSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens as the API checks them: signature, issuer, audience, lifetime, roles. */
class TokenVerifierTest {

  @TempDir Path dir;

  private AuthSettings settings() {
    return new AuthSettings(
        "tradeflow.local", "tradeflow-api", Optional.empty(), dir.resolve("auth/signing.jwk"));
  }

  private TokenIssuer issuer(AuthSettings settings, Clock clock) {
    return new TokenIssuer(settings, TokenKeys.load(settings).signingKey().orElseThrow(), clock);
  }

  @Test
  void a_token_names_its_user_and_roles() {
    AuthSettings settings = settings();
    TokenVerifier verifier = new TokenVerifier(settings, TokenKeys.load(settings));
    String bearer =
        "Bearer "
            + issuer(settings, Clock.systemUTC())
                .issue(
                    new User("checker.chris", Set.of(Role.CHECKER, Role.MAKER)),
                    Duration.ofHours(1));
    assertThat(verifier.verify(bearer))
        .isEqualTo(new User("checker.chris", Set.of(Role.CHECKER, Role.MAKER)));
  }

  @Test
  void the_signing_key_is_made_once_owner_only_and_kept() throws Exception {
    AuthSettings settings = settings();
    TokenKeys first = TokenKeys.load(settings);
    assertThat(Files.getPosixFilePermissions(settings.signingKey()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(TokenKeys.load(settings).signingKey().orElseThrow())
        .isEqualTo(first.signingKey().orElseThrow());
    // A token signed before a restart still verifies after it.
    String token = issuer(settings, Clock.systemUTC()).bearer("maker.mary", Role.MAKER);
    assertThat(new TokenVerifier(settings, TokenKeys.load(settings)).verify(token).name())
        .isEqualTo("maker.mary");
  }

  @Test
  void missing_malformed_expired_or_foreign_tokens_are_refused_with_the_reason() {
    AuthSettings settings = settings();
    TokenVerifier verifier = new TokenVerifier(settings, TokenKeys.load(settings));
    assertThatThrownBy(() -> verifier.verify(null))
        .isInstanceOf(Unauthenticated.class)
        .hasMessageContaining("no bearer token");
    assertThatThrownBy(() -> verifier.verify("Basic dXNlcjpwYXNz"))
        .hasMessageContaining("not a bearer token");
    assertThatThrownBy(() -> verifier.verify("Bearer not-a-jwt")).hasMessageContaining("not a JWT");
    Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
    assertThatThrownBy(
            () -> verifier.verify(issuer(settings, yesterday).bearer("maker.mary", Role.MAKER)))
        .isInstanceOf(Unauthenticated.class)
        .hasMessageContaining("Expired");
    // Signed by another service's key.
    AuthSettings other =
        new AuthSettings(
            "tradeflow.local", "tradeflow-api", Optional.empty(), dir.resolve("other.jwk"));
    assertThatThrownBy(() -> verifier.verify(issuer(other, Clock.systemUTC()).bearer("maker.mary")))
        .isInstanceOf(Unauthenticated.class);
    // Another issuer, another audience.
    for (AuthSettings wrong :
        List.of(
            new AuthSettings(
                "evil.example", "tradeflow-api", Optional.empty(), settings.signingKey()),
            new AuthSettings(
                "tradeflow.local", "other-api", Optional.empty(), settings.signingKey()))) {
      assertThatThrownBy(
              () -> verifier.verify(issuer(wrong, Clock.systemUTC()).bearer("maker.mary")))
          .isInstanceOf(Unauthenticated.class);
    }
  }

  @Test
  void an_identity_providers_keys_are_trusted_alone() throws Exception {
    RSAKey idp = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    Path jwks = dir.resolve("idp.jwks");
    Files.writeString(jwks, new JWKSet(idp).toPublicJWKSet().toString());
    AuthSettings settings =
        new AuthSettings(
            "https://idp.bank.example", "tradeflow-api", Optional.of(jwks), dir.resolve("unused"));
    TokenKeys keys = TokenKeys.load(settings);
    assertThat(keys.signingKey()).isEmpty();
    assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    TokenVerifier verifier = new TokenVerifier(settings, keys);

    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-1").build(),
            new JWTClaimsSet.Builder()
                .issuer("https://idp.bank.example")
                .audience("tradeflow-api")
                .subject("compliance.carol")
                .claim("roles", List.of("compliance"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(idp));
    assertThat(verifier.verify("Bearer " + jwt.serialize()))
        .isEqualTo(new User("compliance.carol", Set.of(Role.COMPLIANCE)));

    SignedJWT unknownRole =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-1").build(),
            new JWTClaimsSet.Builder(jwt.getJWTClaimsSet())
                .claim("roles", List.of("superuser"))
                .build());
    unknownRole.sign(new RSASSASigner(idp));
    assertThatThrownBy(() -> verifier.verify("Bearer " + unknownRole.serialize()))
        .hasMessageContaining("unknown role superuser");
  }

  @Test
  void a_broken_key_file_is_a_configuration_error_naming_the_key() throws Exception {
    Path broken = dir.resolve("broken.jwk");
    Files.writeString(broken, "{not a key");
    assertThatThrownBy(
            () ->
                TokenKeys.load(
                    new AuthSettings("tradeflow.local", "tradeflow-api", Optional.empty(), broken)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auth.signing-key")
        .hasMessageContaining(broken.toString());
    assertThatThrownBy(
            () ->
                TokenKeys.load(
                    new AuthSettings(
                        "tradeflow.local", "tradeflow-api", Optional.of(broken), dir.resolve("k"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auth.jwks-file");
  }

  @Test
  void tokens_live_a_day_at_most() {
    AuthSettings settings = settings();
    assertThatThrownBy(
            () ->
                issuer(settings, Clock.systemUTC())
                    .issue(new User("a", Set.of()), Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
