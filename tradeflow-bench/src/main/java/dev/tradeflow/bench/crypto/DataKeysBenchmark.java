package dev.tradeflow.bench.crypto;

import dev.tradeflow.schemas.crypto.JournalDataKeys;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A new credit's data key, made, wrapped and on disk, by four threads at once as the bench's four
 * writers make them: what group commit shares is one sync for the keys made meanwhile. {@code java
 * -jar tradeflow-bench/target/benchmarks.jar DataKeysBenchmark} (add {@code -t 1} for one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(4)
@Fork(1)
public class DataKeysBenchmark {

  private final AtomicLong credits = new AtomicLong();
  private JournalDataKeys keys;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("tradeflow-data-keys-bench");
    keys =
        new JournalDataKeys(
            dir.resolve("data-keys"),
            Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "bench".toCharArray()),
            Duration.ofDays(30),
            Clock.systemUTC());
  }

  @Benchmark
  public Object newCreditsKey() {
    return keys.current("LC-" + credits.incrementAndGet());
  }
}
