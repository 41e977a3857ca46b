package dev.tradeflow.schemas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AES-256-GCM envelopes under per-credit data keys wrapped by a PKCS#12 key-encryption key:
 * tampering and misplacement fail, rotations of either key leave old payloads readable, and a
 * shredded credit's payloads are gone for good.
 */
class PayloadCipherTest {

  private static final char[] PASSWORD = "changeit-in-production".toCharArray();
  private static final byte[] TERMS =
      "USD 1,250,000 rice CIF Felixstowe".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  private Pkcs12KeyEncryptionKey kek;
  private JournalDataKeys keys;
  private PayloadCipher cipher;

  @BeforeEach
  void open() {
    kek = Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), PASSWORD);
    keys = new JournalDataKeys(dir.resolve("data-keys"), kek, Duration.ofDays(30), clock);
    cipher = new PayloadCipher(keys);
  }

  @Test
  void encrypts_with_a_fresh_nonce_and_decrypts() {
    byte[] first = cipher.encrypt("tf.lc.events", "LC-1", TERMS);
    byte[] second = cipher.encrypt("tf.lc.events", "LC-1", TERMS);

    assertThat(PayloadCipher.isEnvelope(first)).isTrue();
    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("rice");
    assertThat(cipher.decrypt("tf.lc.events", first).bytes()).isEqualTo(TERMS);
    assertThat(cipher.decrypt("tf.lc.events", first).subject()).isEqualTo("LC-1");
    assertThat(PayloadCipher.keyIdOf(first)).isEqualTo(PayloadCipher.keyIdOf(second));
  }

  @Test
  void payloads_of_more_credits_than_a_thread_keeps_ciphers_for_decrypt_in_any_order() {
    int credits = PayloadCipher.CIPHERS_PER_THREAD + 44;
    byte[][] envelopes = new byte[credits][];
    for (int i = 0; i < credits; i++) {
      envelopes[i] = cipher.encrypt("tf.lc.events", "LC-" + i, ("terms of " + i).getBytes());
    }
    for (int i = credits - 1; i >= 0; i--) { // the eldest ciphers were evicted: re-made
      PayloadCipher.Plaintext plaintext = cipher.decrypt("tf.lc.events", envelopes[i]);
      assertThat(plaintext.subject()).isEqualTo("LC-" + i);
      assertThat(plaintext.bytes()).isEqualTo(("terms of " + i).getBytes());
    }
    byte[] again = cipher.encrypt("tf.lc.events", "LC-0", TERMS);
    assertThat(cipher.decrypt("tf.lc.events", again).bytes()).isEqualTo(TERMS);
  }

  @Test
  void an_altered_byte_or_another_topic_fails_authentication() {
    byte[] envelope = cipher.encrypt("tf.lc.events", "LC-1", TERMS);
    byte[] altered = envelope.clone();
    altered[altered.length - 20] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt("tf.lc.events", altered))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fails its authentication tag");
    assertThatThrownBy(() -> cipher.decrypt("tf.lc.events.dlq", envelope))
        .hasMessageContaining("fails its authentication tag");
    assertThatThrownBy(() -> cipher.decrypt("tf.lc.events", TERMS))
        .hasMessageContaining("not an encrypted payload");
    PayloadCipher elsewhere =
        new PayloadCipher(
            new JournalDataKeys(dir.resolve("other-keys"), kek, Duration.ofDays(30), clock));
    byte[] foreign = elsewhere.encrypt("tf.lc.events", "LC-1", TERMS);
    assertThatThrownBy(() -> cipher.decrypt("tf.lc.events", foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no data key");
  }

  @Test
  void rotated_data_keys_and_key_encryption_keys_leave_old_payloads_readable() {
    byte[] before = cipher.encrypt("tf.lc.events", "LC-1", TERMS);
    keys.rotate("LC-1");
    assertThat(kek.rotate()).isEqualTo("kek-2");
    byte[] after = cipher.encrypt("tf.lc.events", "LC-1", TERMS);
    now.set(now.get().plus(Duration.ofDays(31)));
    byte[] aMonthLater = cipher.encrypt("tf.lc.events", "LC-1", TERMS);

    assertThat(PayloadCipher.keyIdOf(after)).isNotEqualTo(PayloadCipher.keyIdOf(before));
    assertThat(PayloadCipher.keyIdOf(aMonthLater)).isNotEqualTo(PayloadCipher.keyIdOf(after));
    // Another process on the same files: the keystore and the wrapped keys are all it needs.
    PayloadCipher restarted =
        new PayloadCipher(
            new JournalDataKeys(
                dir.resolve("data-keys"),
                Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), PASSWORD),
                Duration.ofDays(30),
                clock));
    for (byte[] envelope : new byte[][] {before, after, aMonthLater}) {
      assertThat(restarted.decrypt("tf.lc.events", envelope).bytes()).isEqualTo(TERMS);
    }
  }

  @Test
  void a_shredded_credit_can_never_be_read_again_and_others_can() {
    byte[] mine = cipher.encrypt("tf.lc.events", "LC-1", TERMS);
    keys.rotate("LC-1");
    byte[] mineLater = cipher.encrypt("tf.lc.events", "LC-1", TERMS);
    byte[] theirs = cipher.encrypt("tf.lc.events", "LC-2", TERMS);

    assertThat(keys.shred("LC-1")).isEqualTo(2);

    for (PayloadCipher reader :
        new PayloadCipher[] {
          cipher,
          new PayloadCipher(
              new JournalDataKeys(dir.resolve("data-keys"), kek, Duration.ofDays(30), clock))
        }) {
      for (byte[] envelope : new byte[][] {mine, mineLater}) {
        assertThatThrownBy(() -> reader.decrypt("tf.lc.events", envelope))
            .isInstanceOf(KeyShreddedException.class)
            .hasMessageContaining("of LC-1 was destroyed");
      }
      assertThat(reader.decrypt("tf.lc.events", theirs).bytes()).isEqualTo(TERMS);
    }
  }

  @Test
  void a_keystore_with_the_wrong_password_is_refused_with_a_reason() throws Exception {
    assertThat(Files.exists(dir.resolve("kek.p12"))).isTrue();

    assertThatThrownBy(
            () ->
                Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "wrong".toCharArray()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrong password?");
  }
}
