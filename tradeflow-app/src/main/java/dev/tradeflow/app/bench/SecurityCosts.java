package dev.tradeflow.app.bench;

import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.merkle.CompactTree;
import dev.tradeflow.schemas.crypto.FileDataKeys;
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

  /**
   * Encryption and decryption of {@code payloadBytes} values of credits that have their data key,
   * {@code ops} each after a warm-up; then the first encryption for each of {@code newCredits} new
   * credits, which makes, wraps and stores its key.
   */
  public static List<PerOp> encryption(int payloadBytes, int ops, int newCredits) {
    PayloadCipher cipher = freshCipher();
    byte[] value = new byte[payloadBytes];
    new Random(7).nextBytes(value);
    String[] credits = new String[64];
    for (int i = 0; i < credits.length; i++) {
      credits[i] = "BENCH-" + i;
    }
    Histogram encrypt = new Histogram(3);
    Histogram decrypt = new Histogram(3);
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      encrypt.reset();
      decrypt.reset();
      for (int i = 0; i < ops; i++) {
        String credit = credits[i % credits.length];
        long start = System.nanoTime();
        byte[] envelope = cipher.encrypt("tf.lc.events", credit, value);
        long encrypted = System.nanoTime();
        cipher.decrypt("tf.lc.events", envelope);
        long decrypted = System.nanoTime();
        encrypt.recordValue(encrypted - start);
        decrypt.recordValue(decrypted - encrypted);
      }
    }
    Histogram first = new Histogram(3);
    for (int i = 0; i < newCredits; i++) {
      long start = System.nanoTime();
      cipher.encrypt("tf.lc.events", "NEW-" + i, value);
      first.recordValue(System.nanoTime() - start);
    }
    return List.of(micros(encrypt), micros(decrypt), micros(first));
  }

  private static PayloadCipher freshCipher() {
    Path dir;
    try {
      dir = Files.createTempDirectory("tradeflow-bench-crypto");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PayloadCipher(
        new FileDataKeys(
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
