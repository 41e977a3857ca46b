package dev.tradeflow.bench.crypto;

import dev.tradeflow.schemas.crypto.FileDataKeys;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM of one event's value (480 bytes, the size of an LC event as stored) under a credit's
 * data key, as the processor encrypts it and a reader decrypts it: a fresh nonce, the AAD binding
 * topic and credit, the real file-backed data keys wrapped by a PKCS#12 key. Target: encryption
 * plus decryption ≤ 2 µs median. {@code java -jar tradeflow-bench/target/benchmarks.jar
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
  private static final String CREDIT = "LC-2026-000123";

  private PayloadCipher cipher;
  private byte[] event;
  private byte[] envelope;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("tradeflow-cipher-bench");
    Pkcs12KeyEncryptionKey kek =
        Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "bench".toCharArray());
    cipher =
        new PayloadCipher(
            new FileDataKeys(
                dir.resolve("data-keys"), kek, Duration.ofDays(30), Clock.systemUTC()));
    event = new byte[480];
    new Random(42).nextBytes(event);
    envelope = cipher.encrypt(TOPIC, CREDIT, event);
  }

  @Benchmark
  public byte[] encrypt() {
    return cipher.encrypt(TOPIC, CREDIT, event);
  }

  @Benchmark
  public byte[] decrypt() {
    return cipher.decrypt(TOPIC, envelope).bytes();
  }

  /** Both, as one event costs end to end: written once, read once. */
  @Benchmark
  public byte[] encryptThenDecrypt() {
    return cipher.decrypt(TOPIC, cipher.encrypt(TOPIC, CREDIT, event)).bytes();
  }
}
