package dev.tradeflow.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.TradeflowConfig.AuthSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Signs development tokens with the service's own key, for the embedded default, the demo and the
 * tests ({@code ./tradeflow token}); production tokens come from the bank's identity provider.
 */
public final class TokenIssuer {

  /** How long a token may live at most: development tokens are not credentials to keep. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  private final AuthSettings settings;
  private final ECKey key;
  private final Clock clock;

  public TokenIssuer(AuthSettings settings, ECKey key, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A token for {@code user} valid for {@code lifetime} (at most a day), as a compact JWS. */
  public String issue(User user, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "a token lives more than 0 and at most " + MAX_LIFETIME + ": " + lifetime);
    }
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(user.name())
            .claim(
                TokenVerifier.ROLES_CLAIM,
                user.roles().stream()
                    .map(role -> role.name().toLowerCase(Locale.ROOT))
                    .sorted()
                    .toList())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /** The {@code Authorization} header value for {@code user}: {@code Bearer <token>}. */
  public String bearer(String user, Role... roles) {
    return "Bearer " + issue(new User(user, Set.of(roles)), Duration.ofHours(8));
  }
}
