package dev.tradeflow.bench.compliance;

import dev.tradeflow.compliance.sanctions.ListedEntry;
import dev.tradeflow.compliance.sanctions.MatchThresholds;
import dev.tradeflow.compliance.sanctions.PartyType;
import dev.tradeflow.compliance.sanctions.SanctionsList;
import dev.tradeflow.compliance.sanctions.SanctionsMatch;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.sanctions.ScreeningQuery;
import java.util.ArrayList;
import java.util.List;
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
 * Screening one party against the whole OFAC list (8,976 entries, 20,886 names). Target: p99 ≤ 1
 * ms. Sample-time mode, so JMH reports the latency percentiles of single calls.
 *
 * <p>The parties are a fixed, seeded mix like a bank's traffic: mostly ordinary names that clear,
 * some listed names with a typo (hits), and listed names as they are listed (hits on the first
 * key). {@code java -jar tradeflow-bench/target/benchmarks.jar ScreeningBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ScreeningBenchmark {

  private static final String[] GIVEN = {
    "John", "Maria", "Ahmed", "Wei", "Olga", "Carlos", "Fatima", "David", "Elena", "Omar"
  };
  private static final String[] FAMILY = {
    "Thompson", "Fischer", "Okafor", "Nakamura", "Kowalski", "Haddad", "Moreau", "Petrov"
  };
  private static final String[] COMPANY = {"Northwind", "Bluewater", "Redwood", "Goldcrest"};
  private static final String[] TRADE = {"Trading", "Logistics", "Textiles", "Metals", "Foods"};

  private SanctionsScreener screener;
  private ScreeningQuery[] parties;
  private int next;

  @Setup
  public void setUp() {
    SanctionsList list = SanctionsList.bundledSnapshot();
    screener = SanctionsScreener.of(list, MatchThresholds.DEFAULT);
    Random random = new Random(42);
    List<ScreeningQuery> mix = new ArrayList<>();
    List<ListedEntry> entries = list.entries();
    for (int i = 0; i < 1000; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        mix.add(
            kind < 3
                ? ScreeningQuery.name(pick(random, GIVEN) + " " + pick(random, FAMILY))
                    .ofType(PartyType.INDIVIDUAL)
                : ScreeningQuery.name(pick(random, COMPANY) + " " + pick(random, TRADE) + " Ltd"));
      } else {
        String name = entries.get(random.nextInt(entries.size())).name();
        mix.add(ScreeningQuery.name(kind < 8 ? typo(random, name) : name));
      }
    }
    parties = mix.toArray(new ScreeningQuery[0]);
  }

  @Benchmark
  public List<SanctionsMatch> screenOneParty() {
    ScreeningQuery party = parties[next];
    next = (next + 1) % parties.length;
    return screener.screen(party);
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String typo(Random random, String name) {
    if (name.length() < 4) {
      return name;
    }
    int i = 1 + random.nextInt(name.length() - 2);
    return name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
  }
}
