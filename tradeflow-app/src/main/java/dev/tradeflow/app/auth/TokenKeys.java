package dev.tradeflow.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.tradeflow.runtime.ConfigException;
import dev.tradeflow.runtime.SecretFiles;
import dev.tradeflow.runtime.TradeflowConfig.AuthSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The keys API tokens are verified with, and the one development tokens are signed with: an
 * identity provider's public keys ({@code auth.jwks-file}), or else an EC P-256 key of the
 * service's own ({@code auth.signing-key}), generated on the first run and kept owner-only.
 */
public final class TokenKeys {

  private final JWKSet verification;
  private final Optional<ECKey> signing;

  private TokenKeys(JWKSet verification, Optional<ECKey> signing) {
    this.verification = verification;
    this.signing = signing;
  }

  /**
   * The keys {@code settings} name, generating the signing key when there is no identity provider
   * and no key yet.
   *
   * @throws ConfigException when a key file cannot be read, naming the key and the file
   */
  public static TokenKeys load(AuthSettings settings) {
    if (settings.jwksFile().isPresent()) {
      Path file = settings.jwksFile().get();
      try {
        JWKSet keys = JWKSet.load(file.toFile()).toPublicJWKSet();
        if (keys.getKeys().isEmpty()) {
          throw new ConfigException("auth.jwks-file: " + file + " holds no public key");
        }
        return new TokenKeys(keys, Optional.empty());
      } catch (IOException | ParseException e) {
        throw new ConfigException(
            "auth.jwks-file: " + file + " is not a readable JWK set: " + e.getMessage(), e);
      }
    }
    ECKey key = signingKey(settings.signingKey());
    return new TokenKeys(new JWKSet(key.toPublicJWK()), Optional.of(key));
  }

  /**
   * The signing key at {@code file}, without generating one: for tools that mint tokens for a
   * service that already runs.
   */
  public static Optional<ECKey> existingSigningKey(AuthSettings settings) {
    Path file = settings.signingKey();
    return settings.jwksFile().isEmpty() && Files.isRegularFile(file)
        ? Optional.of(read(file))
        : Optional.empty();
  }

  public JWKSet verificationKeys() {
    return verification;
  }

  /** The key development tokens are signed with; empty when an identity provider issues them. */
  public Optional<ECKey> signingKey() {
    return signing;
  }

  private static ECKey signingKey(Path file) {
    if (Files.isRegularFile(file)) {
      return read(file);
    }
    ECKey generated;
    try {
      generated =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyID(UUID.randomUUID().toString())
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an EC P-256 key", e);
    }
    SecretFiles.createOnce(file, generated.toJSONString());
    return read(file);
  }

  private static ECKey read(Path file) {
    try {
      ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!key.isPrivate()) {
        throw new ConfigException("auth.signing-key: " + file + " holds no private key");
      }
      return key;
    } catch (IOException | ParseException e) {
      throw new ConfigException(
          "auth.signing-key: " + file + " is not an EC private key (JWK): " + e.getMessage(), e);
    }
  }
}
