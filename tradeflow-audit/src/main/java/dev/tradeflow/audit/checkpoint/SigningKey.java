package dev.tradeflow.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 private key that signs notes, written as {@code PRIVATE+KEY+<name>+<key id>+<base64 of
 * 0x01 and the 32-byte seed>} (the form of Go's sumdb/note), so that a key made here works with the
 * transparency-dev tools and back. Keep its file private; publish {@link #verifierKey()}.
 */
public final class SigningKey {

  private static final String PREFIX = "PRIVATE+KEY+";

  private final VerifierKey verifierKey;
  private final PrivateKey key;
  private final byte[] seed;

  private SigningKey(String name, byte[] seed, byte[] publicRaw) {
    this.seed = seed.clone();
    this.key = Ed25519.privateKey(seed);
    this.verifierKey = new VerifierKey(name, publicRaw);
  }

  /** A new random key named {@code name} (the checkpoint's origin, by convention). */
  public static SigningKey generate(String name) {
    VerifierKey.checkName(name);
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new SigningKey(
          name, Ed25519.rawPrivate(pair.getPrivate()), Ed25519.rawPublic(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 15+ platform provides Ed25519", e);
    }
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException naming what is wrong with it (never echoing the key)
   */
  public static SigningKey parse(String text) {
    String body = text.strip();
    if (!body.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signing key starts with " + PREFIX);
    }
    String[] parts = body.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "a signing key reads PRIVATE+KEY+<name>+<key id>+<base64 seed>");
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the signing key of " + parts[0] + " is not base64", e);
    }
    if (typed.length != 1 + Ed25519.KEY_LENGTH || typed[0] != VerifierKey.ED25519) {
      throw new IllegalArgumentException(
          "the signing key of " + parts[0] + " is not an Ed25519 key (type 0x01, 32 bytes)");
    }
    byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
    SigningKey key = new SigningKey(parts[0], seed, publicOf(seed));
    if (!key.verifierKey.keyIdHex().equals(parts[1])) {
      throw new IllegalArgumentException(
          "the signing key of " + parts[0] + " names key id " + parts[1] + ", not its own");
    }
    return key;
  }

  public String name() {
    return verifierKey.name();
  }

  public VerifierKey verifierKey() {
    return verifierKey;
  }

  byte[] sign(byte[] text) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(key);
      ed25519.update(text);
      return ed25519.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  /** The text form, for the key's file: a secret. */
  public String secretText() {
    byte[] typed = new byte[1 + seed.length];
    typed[0] = VerifierKey.ED25519;
    System.arraycopy(seed, 0, typed, 1, seed.length);
    return PREFIX
        + name()
        + "+"
        + verifierKey.keyIdHex()
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public String toString() {
    return "SigningKey[" + verifierKey.name() + "+" + verifierKey.keyIdHex() + "]";
  }

  /**
   * The public key of a seed (RFC 8032 5.1.5). The JDK derives it only inside its key pair
   * generator, whose private key is the 32 bytes it draws from its random source: given the seed as
   * that source, it returns the seed's key pair.
   */
  private static byte[] publicOf(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(255, new FixedSeed(seed));
      return Ed25519.rawPublic(generator.generateKeyPair().getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 15+ platform provides Ed25519", e);
    }
  }

  /** A "random" source that yields the seed, once. */
  private static final class FixedSeed extends SecureRandom {
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("Ed25519 asked for " + bytes.length + " random bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
