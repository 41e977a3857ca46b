package dev.tradeflow.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.TradeflowConfig.AuthSettings;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who calls the API: the user a bearer token names, once its signature (ES256, RS256 or PS256, by a
 * trusted key), issuer, audience and validity period check out. The token's {@code sub} is the
 * user, its {@code roles} claim their roles.
 */
public final class TokenVerifier {

  /** The claim listing the user's roles, in lower case: {@code ["checker", "maker"]}. */
  public static final String ROLES_CLAIM = "roles";

  private static final int MAX_USER = 200;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public TokenVerifier(AuthSettings settings, TokenKeys keys) {
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256),
            new ImmutableJWKSet<>(keys.verificationKeys())));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "exp", "iat")));
  }

  /** A request without a valid token: answered 401 with why. */
  public static final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String message) {
      super(message);
    }
  }

  /**
   * The user of an {@code Authorization} header.
   *
   * @throws Unauthenticated when there is no bearer token or it does not verify
   */
  public User verify(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthenticated("no bearer token: send Authorization: Bearer <token>");
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw new Unauthenticated("the Authorization header is not a bearer token");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(parts[1], null);
    } catch (ParseException e) {
      throw new Unauthenticated("the bearer token is not a JWT");
    } catch (BadJOSEException e) {
      throw new Unauthenticated("the bearer token was refused: " + e.getMessage());
    } catch (JOSEException e) {
      throw new Unauthenticated("the bearer token could not be verified: " + e.getMessage());
    }
    String subject = claims.getSubject();
    if (subject.isBlank() || subject.length() > MAX_USER) {
      throw new Unauthenticated("the token's subject is not a user name");
    }
    return new User(subject, roles(claims));
  }

  private static Set<Role> roles(JWTClaimsSet claims) {
    List<String> names;
    try {
      names = claims.getStringListClaim(ROLES_CLAIM);
    } catch (ParseException e) {
      throw new Unauthenticated("the token's roles claim is not a list of role names");
    }
    Set<Role> roles = new HashSet<>();
    for (String name : names == null ? List.<String>of() : names) {
      try {
        roles.add(Role.named(name));
      } catch (IllegalArgumentException e) {
        throw new Unauthenticated("the token names an " + e.getMessage());
      }
    }
    return roles;
  }
}
