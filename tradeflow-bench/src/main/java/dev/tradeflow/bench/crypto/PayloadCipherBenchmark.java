package dev.tradeflow.bench.crypto;

import dev.tradeflow.schemas.crypto.JournalDataKeys;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM of one event's value (480 bytes, the size of an LC event as stored) under a credit's
 * data key, as the processor encrypts it and a reader decrypts it: a fresh nonce, the AAD binding
 * topic and credit, the real journal-backed data keys wrapped by a PKCS#12 key. The events are of
 * {@code credits} credits in turn: one; a working set within the ciphers a thread keeps (one per
 * data key, 256); and more than that, where each event's key schedule is derived afresh. Target:
 * encryption plus decryption ≤ 2 µs median. {@code java -jar tradeflow-bench/target/benchmarks.jar
 * PayloadCipherBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PayloadCipherBenchmark {

  private static final String TOPIC = "tf.lc.events";

  @Param({"1", "64", "1024"})
  int credits;

  private PayloadCipher cipher;
  private byte[] event;
  private String[] subjects;
  private byte[][] envelopes;
  private int next;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("tradeflow-cipher-bench");
    Pkcs12KeyEncryptionKey kek =
        Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "bench".toCharArray());
    cipher =
        new PayloadCipher(
            new JournalDataKeys(
                dir.resolve("data-keys"), kek, Duration.ofDays(30), Clock.systemUTC()));
    event = new byte[480];
    new Random(42).nextBytes(event);
    subjects = new String[credits];
    envelopes = new byte[credits][];
    for (int i = 0; i < credits; i++) {
      subjects[i] = String.format("LC-2026-%06d", i);
      envelopes[i] = cipher.encrypt(TOPIC, subjects[i], event);
    }
  }

  /** The next credit in turn. */
  private int nextCredit() {
    int credit = next;
    next = (next + 1) % credits;
    return credit;
  }

  @Benchmark
  public byte[] encrypt() {
    return cipher.encrypt(TOPIC, subjects[nextCredit()], event);
  }

  @Benchmark
  public byte[] decrypt() {
    return cipher.decrypt(TOPIC, envelopes[nextCredit()]).bytes();
  }

  /**
   * Both, as one event costs end to end: one credit's event written, and another's read, as a
   * reader meets the credits' events interleaved.
   */
  @Benchmark
  public byte[] encryptThenDecrypt() {
    int credit = nextCredit();
    byte[] envelope = cipher.encrypt(TOPIC, subjects[credit], event);
    return cipher.decrypt(TOPIC, envelopes[(credit + credits / 2) % credits]).bytes();
  }
}
