package dev.tradeflow.compliance.sanctions;

import dev.tradeflow.compliance.sanctions.internals.NameNormalizer;
import dev.tradeflow.compliance.sanctions.internals.OfacCsv;
import dev.tradeflow.compliance.sanctions.internals.SanctionsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screens parties against the sanctions list. Thread-safe; {@link #reloadIfChanged()} swaps in a
 * new edition of the list atomically, so screening never sees half a list and never stops for a
 * reload.
 */
public final class SanctionsScreener {

  /** A known country shared by none of the entry's addresses scales the score by this. */
  static final double COUNTRY_MISMATCH_FACTOR = 0.95;

  private final Optional<Path> directory;
  private final MatchThresholds thresholds;
  private final AtomicReference<Loaded> current;

  private record Loaded(SanctionsIndex index, ListVersion version, Map<Path, FileStamp> stamps) {}

  /** What tells a changed file from the one loaded, without reading it. */
  private record FileStamp(long modifiedMillis, long size) {}

  private SanctionsScreener(Optional<Path> directory, MatchThresholds thresholds, Loaded loaded) {
    this.directory = directory;
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    this.current = new AtomicReference<>(loaded);
  }

  /** A screener over the list in {@code directory}, which {@link #reloadIfChanged()} re-reads. */
  public static SanctionsScreener load(Path directory, MatchThresholds thresholds) {
    return new SanctionsScreener(Optional.of(directory), thresholds, read(directory));
  }

  /** A screener over a list held in memory. */
  public static SanctionsScreener of(SanctionsList list, MatchThresholds thresholds) {
    return new SanctionsScreener(
        Optional.empty(),
        thresholds,
        new Loaded(SanctionsIndex.build(list.entries()), list.version(), Map.of()));
  }

  public ListVersion version() {
    return current.get().version();
  }

  public MatchThresholds thresholds() {
    return thresholds;
  }

  /** The entries the query is a hit for (at or above the review threshold), best first. */
  public List<SanctionsMatch> screen(ScreeningQuery query) {
    return matches(query, thresholds.review(), Integer.MAX_VALUE);
  }

  /** The best {@code limit} matches at or above {@code minimum}, hits or not, best first. */
  public List<SanctionsMatch> bestMatches(ScreeningQuery query, double minimum, int limit) {
    return matches(query, minimum, limit);
  }

  /**
   * Reads the list again if any of its files changed since it was loaded.
   *
   * @return whether a new edition is now in use
   * @throws SanctionsListException if the changed list cannot be read (the old one stays in use)
   */
  public boolean reloadIfChanged() {
    if (directory.isEmpty()) {
      return false;
    }
    Loaded loaded = current.get();
    if (stamps(directory.get()).equals(loaded.stamps())) {
      return false;
    }
    Loaded fresh = read(directory.get());
    if (fresh.version().sha256().equals(loaded.version().sha256())) {
      current.compareAndSet(loaded, new Loaded(loaded.index(), loaded.version(), fresh.stamps()));
      return false;
    }
    return current.compareAndSet(loaded, fresh);
  }

  private List<SanctionsMatch> matches(ScreeningQuery query, double minimum, int limit) {
    SanctionsIndex index = current.get().index();
    List<ListedEntry> entries = index.entries();
    Map<Integer, SanctionsMatch> byEntry = new HashMap<>();
    for (Identifier identifier : query.identifiers()) {
      for (int e : index.entriesWith(identifier)) {
        ListedEntry entry = entries.get(e);
        byEntry.put(
            e,
            new SanctionsMatch(
                entry,
                entry.names().get(0),
                Optional.of(identifier),
                1.0,
                thresholds.severityOf(1.0),
                Optional.empty()));
      }
    }
    double searchFloor = minimum;
    if (query.country().isPresent()) {
      searchFloor = minimum * COUNTRY_MISMATCH_FACTOR;
    }
    for (SanctionsIndex.NameScore found :
        index.search(NameNormalizer.tokens(query.name()), searchFloor)) {
      ListedEntry entry = entries.get(found.entry());
      if (byEntry.containsKey(found.entry())
          || (query.type().isPresent() && query.type().get() != entry.type())) {
        continue;
      }
      double score = found.score();
      Optional<String> caveat = Optional.empty();
      String country = query.country().orElse(null);
      if (country != null && !entry.countries().isEmpty() && !entry.countries().contains(country)) {
        score *= COUNTRY_MISMATCH_FACTOR;
        caveat = Optional.of("listed addresses are in " + entry.countries() + ", not " + country);
      }
      if (score < minimum) {
        continue;
      }
      byEntry.put(
          found.entry(),
          new SanctionsMatch(
              entry,
              entry.names().get(found.variant()),
              Optional.empty(),
              score,
              thresholds.severityOf(score),
              caveat));
    }
    List<SanctionsMatch> sorted = new ArrayList<>(byEntry.values());
    sorted.sort(
        Comparator.comparingDouble(SanctionsMatch::score)
            .reversed()
            .thenComparing(m -> m.entry().id().number()));
    return sorted.size() > limit ? List.copyOf(sorted.subList(0, limit)) : List.copyOf(sorted);
  }

  private static Loaded read(Path directory) {
    Map<Path, FileStamp> stamps = stamps(directory);
    SanctionsList list = SanctionsList.load(directory);
    return new Loaded(SanctionsIndex.build(list.entries()), list.version(), stamps);
  }

  private static Map<Path, FileStamp> stamps(Path directory) {
    Map<Path, FileStamp> stamps = new HashMap<>();
    for (String name : OfacCsv.FILES) {
      Path file = directory.resolve(name);
      try {
        stamps.put(
            file, new FileStamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file)));
      } catch (IOException e) {
        // A missing file is a change too; reading the list then says which file is missing.
        stamps.put(file, new FileStamp(-1, -1));
      }
    }
    return stamps;
  }
}
