package dev.tradeflow.app.bench;

import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.merkle.CompactTree;
import dev.tradeflow.schemas.crypto.JournalDataKeys;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * The per-event costs of the secure set-up, measured in this process on one thread: AES-256-GCM
 * encryption and decryption of an event-sized value under a credit's data key, and appending a
 * record to a partition's Merkle tree (canonical encoding, leaf hash, compact-tree append).
 */
public final class SecurityCosts {

  /** Latency of one operation, in microseconds. */
  public record PerOp(double median, double p99, long ops) {}

  private SecurityCosts() {}

  /** Encryption and decryption of one event each. */
  public record RoundTrip(PerOp encrypt, PerOp decrypt) {}

  /**
   * Encryption and decryption of {@code payloadBytes} values of {@code credits} credits in turn
   * that have their data key, {@code ops} each after a warm-up.
   */
  public static RoundTrip encryption(int payloadBytes, int credits, int ops) {
    PayloadCipher cipher = freshCipher();
    byte[] value = payload(payloadBytes);
    String[] subjects = new String[credits];
    for (int i = 0; i < credits; i++) {
      subjects[i] = "BENCH-" + i;
    }
    Histogram encrypt = new Histogram(3);
    Histogram decrypt = new Histogram(3);
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      encrypt.reset();
      decrypt.reset();
      for (int i = 0; i < ops; i++) {
        String credit = subjects[i % credits];
        long start = System.nanoTime();
        byte[] envelope = cipher.encrypt("tf.lc.events", credit, value);
        long encrypted = System.nanoTime();
        cipher.decrypt("tf.lc.events", envelope);
        long decrypted = System.nanoTime();
        encrypt.recordValue(encrypted - start);
        decrypt.recordValue(decrypted - encrypted);
      }
    }
    return new RoundTrip(micros(encrypt), micros(decrypt));
  }

  /**
   * The first encryption for each of {@code newCredits} credits: it makes, wraps and stores a key.
   */
  public static PerOp firstEncryption(int payloadBytes, int newCredits) {
    PayloadCipher cipher = freshCipher();
    byte[] value = payload(payloadBytes);
    Histogram first = new Histogram(3);
    for (int i = 0; i < newCredits; i++) {
      long start = System.nanoTime();
      cipher.encrypt("tf.lc.events", "NEW-" + i, value);
      first.recordValue(System.nanoTime() - start);
    }
    return micros(first);
  }

  private static byte[] payload(int bytes) {
    byte[] value = new byte[bytes];
    new Random(7).nextBytes(value);
    return value;
  }

  private static PayloadCipher freshCipher() {
    Path dir;
    try {
      dir = Files.createTempDirectory("tradeflow-bench-crypto");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PayloadCipher(
        new JournalDataKeys(
            dir.resolve("data-keys"),
            Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "bench".toCharArray()),
            Duration.ofDays(30),
            Clock.systemUTC()));
  }

  /** Leaves per second appended to one tree, {@code leaves} records of {@code valueBytes}. */
  public static double auditAppendPerSecond(int valueBytes, int leaves) {
    byte[] value = new byte[valueBytes];
    new Random(11).nextBytes(value);
    double perSecond = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      CompactTree tree = CompactTree.empty();
      long start = System.nanoTime();
      for (int i = 0; i < leaves; i++) {
        AuditedRecord record =
            new AuditedRecord("tf.lc.events", 0, i, 1_764_000_000_000L + i, null, value, List.of());
        tree.append(record.leafHash());
      }
      perSecond = leaves / ((System.nanoTime() - start) / 1e9);
    }
    return perSecond;
  }

  private static PerOp micros(Histogram nanos) {
    return new PerOp(
        nanos.getValueAtPercentile(50) / 1000.0,
        nanos.getValueAtPercentile(99) / 1000.0,
        nanos.getTotalCount());
  }
}
