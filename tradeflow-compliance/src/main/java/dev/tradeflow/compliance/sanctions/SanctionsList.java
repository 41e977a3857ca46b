package dev.tradeflow.compliance.sanctions;

import dev.tradeflow.compliance.sanctions.internals.OfacCsv;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One edition of the sanctions list: its entries and the version that identifies it. */
public record SanctionsList(List<ListedEntry> entries, ListVersion version) {

  public SanctionsList {
    entries = List.copyOf(entries);
    Objects.requireNonNull(version, "version");
  }

  /**
   * Loads OFAC's {@code sdn.csv}, {@code alt.csv} and {@code add.csv} from {@code dir}.
   *
   * @throws SanctionsListException naming the file and line that cannot be read
   */
  public static SanctionsList load(Path dir) {
    return of(OfacCsv.read(dir));
  }

  /**
   * The OFAC snapshot bundled with Tradeflow (mid-2021): what the embedded default and the tests
   * screen against. Out of date by design; a deployment loads its own copy with {@link #load}.
   */
  public static SanctionsList bundledSnapshot() {
    return of(OfacCsv.readSnapshot());
  }

  private static SanctionsList of(OfacCsv.Loaded loaded) {
    return new SanctionsList(loaded.entries(), loaded.version());
  }
}
