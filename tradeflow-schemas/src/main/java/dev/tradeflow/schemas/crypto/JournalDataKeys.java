package dev.tradeflow.schemas.crypto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.schemas.crypto.KeyEncryptionKey.WrappedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Data keys, wrapped, in journal files in a directory: each process that makes keys appends them,
 * one JSON line each, to a {@code .keys} file of its own, and a key is on disk (group-committed)
 * before it seals a first record. Shredding overwrites a key's wrapped bytes in place with when it
 * was destroyed, keeping who, so that a reader learns the payload is gone for good rather than
 * lost. Processes sharing the directory (the service and the CLI on one data directory) share the
 * keys: a key another process made is found by reading the journals again. Unwrapped keys are
 * cached in memory; a shred in another process is seen at its next start.
 */
public final class JournalDataKeys implements DataKeys {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SUFFIX = ".keys";
  // Every line starts so: the wrapped key, which a shred overwrites, sits at a known place.
  private static final byte[] LINE_START = "{\"wrapped\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final String SHREDDED = "!";

  private final Path dir;
  private final KeyEncryptionKey kek;
  private final Duration rotationPeriod;
  private final Clock clock;
  private final Map<String, DataKey> byId = new ConcurrentHashMap<>();
  private final Map<String, DataKey> currentBySubject = new ConcurrentHashMap<>();
  // What the journals hold, read once and kept up to date here; guarded by this where written.
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Entry> newestBySubject = new ConcurrentHashMap<>();
  private final Map<Path, Long> readUpTo = new HashMap<>();
  private volatile boolean loaded;
  // Not this: a thread making a key holds its subject's map entry and must not wait for a shred.
  private final Object journalLock = new Object();
  private GroupCommitFile journal; // this instance's, made at its first key; guarded by journalLock

  /**
   * @param rotationPeriod a subject's key is replaced once it is this old
   */
  public JournalDataKeys(Path dir, KeyEncryptionKey kek, Duration rotationPeriod, Clock clock) {
    this.dir = dir;
    this.kek = kek;
    this.rotationPeriod = rotationPeriod;
    this.clock = clock;
  }

  /** A key as a journal line holds it: {@code wrapped} is {@code "!"} and a time once shredded. */
  @JsonPropertyOrder({"wrapped", "id", "subject", "createdAt", "kekId"})
  record StoredKey(String wrapped, String id, String subject, String createdAt, String kekId) {
    boolean shredded() {
      return wrapped.startsWith(SHREDDED);
    }
  }

  /** Where a key's wrapped bytes are: a key imported twice by racing processes has two places. */
  record Place(Path journal, long offset, int length) {}

  record Entry(StoredKey key, List<Place> places) {
    Entry alsoAt(Entry other) {
      List<Place> all = new ArrayList<>(places);
      all.addAll(other.places);
      return new Entry(key, List.copyOf(all));
    }
  }

  @Override
  public DataKey current(String subject) {
    DataKey current = currentBySubject.get(subject);
    if (current != null && fresh(current)) {
      return current;
    }
    load();
    // One thread at a time per subject: an expired key is replaced once.
    return currentBySubject.compute(
        subject,
        (s, key) -> {
          DataKey newest =
              key != null
                  ? key
                  : Optional.ofNullable(newestBySubject.get(s))
                      .flatMap(this::unwrappedUnlessShredded)
                      .orElse(null);
          return newest == null || !fresh(newest) ? create(s) : newest;
        });
  }

  @Override
  public DataKey get(String id) {
    DataKey cached = byId.get(id);
    if (cached != null) {
      return cached;
    }
    if (!id.matches("[0-9a-f]{32}")) {
      throw new IllegalStateException("not a data key id: " + id);
    }
    load();
    Entry entry = entries.get(id);
    if (entry == null) {
      catchUp(); // made by another process since
      entry = entries.get(id);
    }
    if (entry == null) {
      throw new IllegalStateException("no data key " + id + " in " + dir);
    }
    StoredKey stored = onDisk(entry);
    if (stored.shredded()) {
      throw new KeyShreddedException(
          "the data key "
              + id
              + " of "
              + stored.subject()
              + " was destroyed at "
              + stored.wrapped().substring(SHREDDED.length())
              + " (crypto-shredding): the payload cannot be read");
    }
    DataKey key = unwrapped(stored);
    byId.put(id, key);
    return key;
  }

  @Override
  public DataKey rotate(String subject) {
    load();
    return currentBySubject.compute(subject, (s, key) -> create(s));
  }

  @Override
  public synchronized int shred(String subject) {
    load();
    catchUp();
    String tombstone = SHREDDED + clock.instant();
    int destroyed = 0;
    for (Entry entry : entries.values()) {
      if (entry.key().subject().equals(subject) && !onDisk(entry).shredded()) {
        for (Place place : entry.places()) {
          overwrite(place, tombstone);
        }
        StoredKey key = entry.key();
        entries.put(
            key.id(),
            new Entry(
                new StoredKey(tombstone, key.id(), subject, key.createdAt(), key.kekId()),
                entry.places()));
        byId.remove(key.id());
        destroyed++;
      }
    }
    currentBySubject.remove(subject);
    newestBySubject.remove(subject);
    return destroyed;
  }

  private boolean fresh(DataKey key) {
    return key.createdAt().plus(rotationPeriod).isAfter(clock.instant());
  }

  private void load() {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          catchUp();
          importFilePerKeyLayout();
          loaded = true;
        }
      }
    }
  }

  /** Reads what the journals gained since last read; a line still being written waits. */
  private synchronized void catchUp() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList()) {
        if (file.equals(ownJournal())) {
          continue; // what this instance wrote is held already
        }
        long from = readUpTo.getOrDefault(file, 0L);
        readUpTo.put(file, from + readLines(file, from));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data keys in " + dir, e);
    }
  }

  /** Returns how many bytes of whole lines it read. */
  private long readLines(Path file, long from) throws IOException {
    byte[] bytes;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size() - from));
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {}
      bytes = Arrays.copyOf(buffer.array(), buffer.position());
    }
    int start = 0;
    // A journal ends at its first zero byte (see GroupCommitFile); a line still being written
    // waits for the next read.
    for (int end = 0; end < bytes.length && bytes[end] != 0; end++) {
      if (bytes[end] == '\n') {
        index(parse(file, from + start, bytes, start, end), file, from + start);
        start = end + 1;
      }
    }
    return start;
  }

  private static StoredKey parse(Path file, long offset, byte[] bytes, int start, int end) {
    try {
      if (end - start < LINE_START.length
          || !Arrays.equals(
              bytes, start, start + LINE_START.length, LINE_START, 0, LINE_START.length)) {
        throw new IOException("not a data-key line");
      }
      return JSON.readValue(bytes, start, end - start, StoredKey.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the data-key journal " + file + " is damaged at byte " + offset + ": " + e.getMessage(),
          e);
    }
  }

  private void index(StoredKey key, Path file, long lineOffset) {
    Entry entry =
        new Entry(
            key, List.of(new Place(file, lineOffset + LINE_START.length, key.wrapped().length())));
    entries.merge(key.id(), entry, Entry::alsoAt);
    if (!key.shredded()) {
      newestBySubject.merge(
          key.subject(),
          entries.get(key.id()),
          (a, b) ->
              Instant.parse(a.key().createdAt()).isAfter(Instant.parse(b.key().createdAt()))
                  ? a
                  : b);
    }
  }

  private DataKey create(String subject) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    byte[] idBytes = new byte[16];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    DataKey key = new DataKey(id, subject, clock.instant(), secret);
    WrappedKey wrapped = kek.wrap(secret);
    append(
        new StoredKey(
            Base64.getEncoder().encodeToString(wrapped.bytes()),
            id,
            subject,
            key.createdAt().toString(),
            wrapped.kekId()));
    byId.put(id, key);
    return key;
  }

  /** Appends to this instance's journal: on disk when it returns, as the key's first use needs. */
  private void append(StoredKey key) {
    byte[] line;
    try {
      line = (JSON.writeValueAsString(key) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the data key " + key.id(), e);
    }
    GroupCommitFile journal = journal();
    index(key, journal.path(), journal.append(line));
  }

  private GroupCommitFile journal() {
    synchronized (journalLock) {
      if (journal != null) {
        return journal;
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + dir, e);
      }
      byte[] suffix = new byte[4];
      RANDOM.nextBytes(suffix);
      journal =
          GroupCommitFile.create(
              dir.resolve(clock.millis() + "-" + HexFormat.of().formatHex(suffix) + SUFFIX));
      return journal;
    }
  }

  private Path ownJournal() {
    synchronized (journalLock) {
      return journal == null ? null : journal.path();
    }
  }

  private Optional<DataKey> unwrappedUnlessShredded(Entry entry) {
    StoredKey stored = onDisk(entry);
    if (stored.shredded()) {
      return Optional.empty();
    }
    DataKey key = unwrapped(stored);
    byId.put(key.id(), key);
    return Optional.of(key);
  }

  private DataKey unwrapped(StoredKey stored) {
    byte[] secret =
        kek.unwrap(new WrappedKey(stored.kekId(), Base64.getDecoder().decode(stored.wrapped())));
    return new DataKey(stored.id(), stored.subject(), Instant.parse(stored.createdAt()), secret);
  }

  /**
   * The key as its journal holds it now: another process may have shredded it since it was read.
   */
  private static StoredKey onDisk(Entry entry) {
    Place place = entry.places().get(0);
    ByteBuffer wrapped = ByteBuffer.allocate(place.length());
    try (FileChannel channel = FileChannel.open(place.journal(), StandardOpenOption.READ)) {
      while (wrapped.hasRemaining()
          && channel.read(wrapped, place.offset() + wrapped.position()) >= 0) {}
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + place.journal(), e);
    }
    StoredKey key = entry.key();
    return new StoredKey(
        new String(wrapped.array(), StandardCharsets.US_ASCII).strip(),
        key.id(),
        key.subject(),
        key.createdAt(),
        key.kekId());
  }

  /**
   * Replaces the wrapped bytes where they lie, padded to their length. The old bytes may remain in
   * blocks the file system freed or journalled, as with a deleted file: the keystore's key that
   * wrapped them is what a thorough erasure also retires (rotate-kek, then delete the old entry).
   */
  private static void overwrite(Place place, String tombstone) {
    byte[] bytes = Arrays.copyOf(tombstone.getBytes(StandardCharsets.US_ASCII), place.length());
    Arrays.fill(bytes, Math.min(tombstone.length(), place.length()), place.length(), (byte) ' ');
    try (FileChannel channel = FileChannel.open(place.journal(), StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer, place.offset() + buffer.position());
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot destroy the data key in " + place.journal(), e);
    }
  }

  /** The layout before journals, a file per key: its keys move into this instance's journal. */
  private void importFilePerKeyLayout() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files =
          listed
              .filter(f -> f.toString().endsWith(".key") || f.toString().endsWith(".shredded"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the data keys in " + dir, e);
    }
    for (Path file : files) {
      try {
        Map<?, ?> old = JSON.readValue(file.toFile(), Map.class);
        String id = (String) old.get("id");
        String subject = (String) old.get("subject");
        append(
            file.toString().endsWith(".key")
                ? new StoredKey(
                    (String) old.get("wrapped"),
                    id,
                    subject,
                    (String) old.get("createdAt"),
                    (String) old.get("kekId"))
                : new StoredKey(
                    SHREDDED + old.get("shreddedAt"),
                    id,
                    subject,
                    (String) old.get("shreddedAt"),
                    ""));
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot move the data key " + file + " to a journal", e);
      }
    }
    if (!files.isEmpty()) {
      try {
        GroupCommitFile.syncDirectory(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot sync " + dir, e);
      }
    }
  }
}
