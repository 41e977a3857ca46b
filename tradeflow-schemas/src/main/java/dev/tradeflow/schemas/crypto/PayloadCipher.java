package dev.tradeflow.schemas.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM per record value, under the data key of the record's subject. The envelope: {@code
 * 'T' 'F' 'E'}, version 1, the key id's length (one byte) and ASCII id, a fresh 96-bit nonce, then
 * the ciphertext with its 128-bit tag. The additional authenticated data binds the topic and the
 * subject whose key encrypted it: a payload copied to another topic fails to decrypt, and {@link
 * #decrypt} names the subject, so that a reader can refuse a payload filed under another credit.
 */
public final class PayloadCipher {

  private static final byte[] MAGIC = {'T', 'F', 'E', 1};
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  // Nonces: a random 96-bit start per thread, counted up. As unique as a random nonce per record
  // (two threads' runs would have to overlap in 2^96), without a SecureRandom call per record,
  // which cost ~0.5 µs here, a quarter of the encryption.
  private static final ThreadLocal<long[]> NONCES =
      ThreadLocal.withInitial(() -> new long[] {RANDOM.nextLong(), RANDOM.nextInt()});

  // Cipher.getInstance costs ~4 µs, several times the AES-GCM work on a 500-byte event, and a
  // Cipher initialised with another key than its last re-derives the AES key schedule (~1 µs,
  // measured here with 64 credits in turn): each thread keeps one Cipher per data key it used
  // lately (the least recently used one serves the next new key), initialised afresh (key and
  // nonce) for every payload. A shredded key's schedule stays in memory until its cipher serves
  // another key or the process ends; what a shred destroys is the stored key.
  static final int CIPHERS_PER_THREAD = 256;

  private static final ThreadLocal<LinkedHashMap<String, Cipher>> GCM =
      ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true));

  private final DataKeys keys;

  public PayloadCipher(DataKeys keys) {
    this.keys = keys;
  }

  /** True when {@code value} is an envelope of this cipher (rather than a plaintext record). */
  public static boolean isEnvelope(byte[] value) {
    return value != null
        && value.length > MAGIC.length
        && Arrays.equals(value, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /** The key id an envelope names, for the {@code tf-key-id} header and for operators. */
  public static String keyIdOf(byte[] envelope) {
    return readKeyId(ByteBuffer.wrap(envelope, MAGIC.length, envelope.length - MAGIC.length));
  }

  public byte[] encrypt(String topic, String subject, byte[] plaintext) {
    DataKey key = keys.current(subject);
    byte[] id = key.id().getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = nextNonce();
    try {
      Cipher gcm = gcmFor(key);
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key.secret(), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(aad(topic, subject));
      ByteBuffer out =
          ByteBuffer.allocate(
              MAGIC.length + 1 + id.length + NONCE_BYTES + gcm.getOutputSize(plaintext.length));
      out.put(MAGIC).put((byte) id.length).put(id).put(nonce);
      gcm.doFinal(ByteBuffer.wrap(plaintext), out);
      return out.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e, e);
    }
  }

  /**
   * A decrypted payload and the subject whose key encrypted it. The bytes are the caller's: made
   * for it by {@link #decrypt}, not shared with anything else.
   */
  public record Plaintext(String subject, byte[] bytes) {}

  /**
   * The plaintext of an envelope.
   *
   * @throws KeyShreddedException when the subject's key was destroyed
   * @throws IllegalArgumentException when the envelope is malformed, altered, written for another
   *     topic, or names a key that cannot be had here
   */
  public Plaintext decrypt(String topic, byte[] envelope) {
    if (!isEnvelope(envelope)) {
      throw new IllegalArgumentException("not an encrypted payload (no TFE1 envelope)");
    }
    ByteBuffer in = ByteBuffer.wrap(envelope, MAGIC.length, envelope.length - MAGIC.length);
    String id = readKeyId(in);
    if (in.remaining() < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("the encrypted payload is cut short");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    in.get(nonce);
    DataKey key;
    try {
      key = keys.get(id);
    } catch (IllegalStateException e) {
      // The key id is not authenticated: an unknown or unreadable one is a bad payload.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try {
      Cipher gcm = gcmFor(key);
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key.secret(), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(aad(topic, key.subject()));
      byte[] plaintext = new byte[in.remaining() - TAG_BITS / 8];
      gcm.doFinal(in, ByteBuffer.wrap(plaintext));
      return new Plaintext(key.subject(), plaintext);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException(
          "the encrypted payload fails its authentication tag: altered, or written for another"
              + " topic than "
              + topic,
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed: " + e, e);
    }
  }

  private static Cipher gcmFor(DataKey key) {
    LinkedHashMap<String, Cipher> ciphers = GCM.get();
    Cipher gcm = ciphers.get(key.id());
    if (gcm == null) {
      gcm = ciphers.size() < CIPHERS_PER_THREAD ? newGcm() : removeLeastRecentlyUsed(ciphers);
      ciphers.put(key.id(), gcm);
    }
    return gcm;
  }

  private static Cipher newGcm() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available: " + e, e);
    }
  }

  private static Cipher removeLeastRecentlyUsed(LinkedHashMap<String, Cipher> ciphers) {
    Iterator<Cipher> eldest = ciphers.values().iterator();
    Cipher gcm = eldest.next();
    eldest.remove();
    return gcm;
  }

  private static byte[] nextNonce() {
    long[] next = NONCES.get();
    return ByteBuffer.allocate(NONCE_BYTES).putInt((int) next[1]).putLong(next[0]++).array();
  }

  private static String readKeyId(ByteBuffer in) {
    int length = Byte.toUnsignedInt(in.get());
    if (length > in.remaining()) {
      throw new IllegalArgumentException("the encrypted payload's key id is cut short");
    }
    byte[] id = new byte[length];
    in.get(id);
    return new String(id, StandardCharsets.US_ASCII);
  }

  private static byte[] aad(String topic, String subject) {
    byte[] t = topic.getBytes(StandardCharsets.UTF_8);
    byte[] s = subject.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(t.length + 1 + s.length).put(t).put((byte) 0).put(s).array();
  }
}
