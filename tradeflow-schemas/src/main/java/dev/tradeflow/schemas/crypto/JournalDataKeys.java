package dev.tradeflow.schemas.crypto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.schemas.crypto.KeyEncryptionKey.WrappedKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Data keys, wrapped, in journal files in a directory: each process that makes keys appends them,
 * one JSON line each, to a {@code .keys} file of its own, and a key is on disk (group-committed)
 * before it seals a first record. Shredding overwrites a key's wrapped bytes in place with when it
 * was destroyed, keeping who, so that a reader learns the payload is gone for good rather than
 * lost. Processes sharing the directory (the service and the CLI on one data directory) share the
 * keys: a key another process made is found by reading the journals again, and a shred appends a
 * tombstone line too, which makes the others forget the key within {@link #CATCH_UP_INTERVAL}. A
 * key the CLI rotates in is used for new records from the service's next start.
 */
public final class JournalDataKeys implements DataKeys {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SUFFIX = ".keys";
  // Every line starts so: the wrapped key, which a shred overwrites, sits at a known place.
  private static final byte[] LINE_START = "{\"wrapped\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final String SHREDDED = "!";
  private static final int READ_CHUNK = 64 * 1024;

  /** How soon a key made or shredded by another process is seen here. */
  static final Duration CATCH_UP_INTERVAL = Duration.ofSeconds(2);

  private final Path dir;
  private final KeyEncryptionKey kek;
  private final Duration rotationPeriod;
  private final Clock clock;
  private final Map<String, DataKey> byId = new ConcurrentHashMap<>();
  private final Map<String, DataKey> currentBySubject = new ConcurrentHashMap<>();
  // What the journals hold: filled by catchUp (under this) and by create.
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Entry> newestBySubject = new ConcurrentHashMap<>();
  // Shredded here: a reader that unwrapped one just before must not cache it after.
  private final Set<String> shreddedIds = ConcurrentHashMap.newKeySet();
  private final Set<String> shreddedSubjects = ConcurrentHashMap.newKeySet();
  private final Map<Path, Long> readUpTo = new HashMap<>(); // guarded by this
  private volatile boolean loaded;
  private volatile long nextCatchUp;
  private final AtomicBoolean catchingUp = new AtomicBoolean();
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

    StoredKey withWrapped(String now) {
      return new StoredKey(now, id, subject, createdAt, kekId);
    }
  }

  /** Where a key's wrapped bytes are: a key imported by two processes at once has two places. */
  record Place(Path journal, long offset, int length) {}

  record Entry(StoredKey key, List<Place> places) {
    Entry alsoAt(Entry other) {
      List<Place> all = new ArrayList<>(places);
      other.places.stream().filter(place -> !all.contains(place)).forEach(all::add);
      return new Entry(key, List.copyOf(all));
    }
  }

  /** The file-per-key layout's key file, {@code <id>.key}. */
  record FileKey(String id, String subject, String createdAt, String kekId, String wrapped) {
    FileKey {
      for (String field : new String[] {id, subject, createdAt, kekId, wrapped}) {
        Objects.requireNonNull(field, "a field of the key file is missing");
      }
    }
  }

  /** The file-per-key layout's tombstone, {@code <id>.shredded}. */
  record FileTombstone(String id, String subject, String shreddedAt) {
    FileTombstone {
      for (String field : new String[] {id, subject, shreddedAt}) {
        Objects.requireNonNull(field, "a field of the tombstone is missing");
      }
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
    catchUpIfDue();
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
    Entry found = entry;
    return unwrappedUnlessShredded(found)
        .orElseThrow(
            () -> {
              StoredKey tombstone = onDisk(found);
              return new KeyShreddedException(
                  "the data key "
                      + id
                      + " of "
                      + tombstone.subject()
                      + " was destroyed at "
                      + tombstone.wrapped().substring(SHREDDED.length())
                      + " (crypto-shredding): the payload cannot be read");
            });
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
    List<StoredKey> destroyed = new ArrayList<>();
    // In the subject's map entry: no key of it is made or handed out meanwhile.
    currentBySubject.compute(
        subject,
        (s, key) -> {
          for (Entry entry : entries.values()) {
            if (!entry.key().subject().equals(s)) {
              continue;
            }
            List<Place> live =
                entry.places().stream()
                    .filter(place -> !wrappedAt(place).startsWith(SHREDDED))
                    .toList();
            if (!live.isEmpty()) {
              shreddedIds.add(entry.key().id());
              live.forEach(place -> overwrite(place, tombstone));
              byId.remove(entry.key().id());
              destroyed.add(entry.key().withWrapped(tombstone));
            }
          }
          newestBySubject.remove(s);
          return null;
        });
    if (!destroyed.isEmpty()) {
      append(destroyed); // tells the other processes, whose catch-up reads new lines only
    }
    return destroyed.size();
  }

  @Override
  public Set<String> shreddedSubjects() {
    load();
    catchUpIfDue();
    return Set.copyOf(shreddedSubjects);
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

  /**
   * Every {@link #CATCH_UP_INTERVAL}, one reader catches up with the other processes' journals
   * (their tombstones make it forget the keys they shredded); the others go on meanwhile.
   */
  private void catchUpIfDue() {
    if (loaded && clock.millis() >= nextCatchUp && catchingUp.compareAndSet(false, true)) {
      try {
        catchUp();
      } finally {
        catchingUp.set(false);
      }
    }
  }

  /** Reads what the journals gained since last read; a line still being written waits. */
  private synchronized void catchUp() {
    nextCatchUp = clock.millis() + CATCH_UP_INTERVAL.toMillis();
    if (!Files.isDirectory(dir)) {
      return;
    }
    Path own = ownJournal();
    for (Path file : filesEndingWith(SUFFIX)) {
      if (!file.equals(own)) { // what this instance wrote is held already
        readLines(file);
      }
    }
  }

  private void readLines(Path file) {
    long from = readUpTo.getOrDefault(file, 0L);
    byte[] bytes = contentFrom(file, from);
    int start = 0;
    for (int end = 0; end < bytes.length; end++) {
      if (bytes[end] == '\n') {
        index(parse(file, from + start, bytes, start, end), file, from + start);
        start = end + 1;
        readUpTo.put(file, from + start); // a damaged line is met again, not what precedes it
      }
    }
  }

  /** The journal's bytes from {@code from} to its end: its first zero byte (GroupCommitFile). */
  private static byte[] contentFrom(Path file, long from) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
      for (long at = from; ; ) {
        chunk.clear();
        int read = channel.read(chunk, at);
        if (read <= 0) {
          return content.toByteArray();
        }
        byte[] bytes = chunk.array();
        for (int i = 0; i < read; i++) {
          if (bytes[i] == 0) {
            content.write(bytes, 0, i);
            return content.toByteArray();
          }
        }
        content.write(bytes, 0, read);
        at += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data keys in " + file, e);
    }
  }

  // Not an IllegalStateException: PayloadCipher takes that for a bad payload, and this is a
  // broken key store, to be repaired rather than parked around.
  private static StoredKey parse(Path file, long offset, byte[] bytes, int start, int end) {
    try {
      if (end - start < LINE_START.length
          || !Arrays.equals(
              bytes, start, start + LINE_START.length, LINE_START, 0, LINE_START.length)) {
        throw new IOException("not a data-key line");
      }
      StoredKey key = JSON.readValue(bytes, start, end - start, StoredKey.class);
      if (key.id() == null || key.subject() == null || key.createdAt() == null) {
        throw new IOException("a data-key line without its id, subject or time");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the data-key journal " + file + " is damaged at byte " + offset + ": " + e.getMessage(),
          e);
    }
  }

  private void index(StoredKey key, Path file, long lineOffset) {
    Entry entry =
        new Entry(
            key, List.of(new Place(file, lineOffset + LINE_START.length, key.wrapped().length())));
    Entry merged = entries.merge(key.id(), entry, Entry::alsoAt);
    if (key.shredded()) {
      forget(key);
    } else {
      newestBySubject.merge(
          key.subject(),
          merged,
          (a, b) ->
              Instant.parse(a.key().createdAt()).isAfter(Instant.parse(b.key().createdAt()))
                  ? a
                  : b);
    }
  }

  /** Drops a shredded key that this process may still hold unwrapped. */
  private void forget(StoredKey shredded) {
    shreddedIds.add(shredded.id());
    shreddedSubjects.add(shredded.subject());
    byId.remove(shredded.id());
    currentBySubject.computeIfPresent(
        shredded.subject(), (s, current) -> current.id().equals(shredded.id()) ? null : current);
    newestBySubject.computeIfPresent(
        shredded.subject(), (s, newest) -> newest.key().id().equals(shredded.id()) ? null : newest);
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
        List.of(
            new StoredKey(
                Base64.getEncoder().encodeToString(wrapped.bytes()),
                id,
                subject,
                key.createdAt().toString(),
                wrapped.kekId())));
    byId.put(id, key);
    return key;
  }

  /** Appends to this instance's journal, with one sync for them all: on disk when it returns. */
  private void append(List<StoredKey> keys) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    List<Integer> starts = new ArrayList<>();
    for (StoredKey key : keys) {
      starts.add(lines.size());
      try {
        lines.write(JSON.writeValueAsBytes(key));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode the data key " + key.id(), e);
      }
      lines.write('\n');
    }
    GroupCommitFile journal = journal();
    long at;
    try {
      at = journal.append(lines.toByteArray());
    } catch (UncheckedIOException e) {
      if (!journal.broken() || Thread.currentThread().isInterrupted()) {
        throw e;
      }
      // A failed sync, or another thread's interrupt closed the channel: whether these lines
      // are on disk is unknown, and no one was told they are; a new journal takes them.
      journal = replaceJournal(journal);
      at = journal.append(lines.toByteArray());
    }
    for (int i = 0; i < keys.size(); i++) {
      index(keys.get(i), journal.path(), at + starts.get(i));
    }
  }

  private GroupCommitFile journal() {
    synchronized (journalLock) {
      if (journal == null) {
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
      }
      return journal;
    }
  }

  private GroupCommitFile replaceJournal(GroupCommitFile broken) {
    synchronized (journalLock) {
      if (journal == broken) {
        journal = null;
      }
      return journal();
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
    byte[] secret;
    try {
      secret =
          kek.unwrap(new WrappedKey(stored.kekId(), Base64.getDecoder().decode(stored.wrapped())));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the data key " + stored.id() + " in " + entry.places().get(0).journal() + " is damaged",
          e);
    }
    DataKey key =
        new DataKey(stored.id(), stored.subject(), Instant.parse(stored.createdAt()), secret);
    byId.compute(key.id(), (id, cached) -> shreddedIds.contains(id) ? null : key);
    return Optional.of(key);
  }

  /**
   * The key as its journals hold it now, shredded if any copy is: another process may have shredded
   * it since this one read it.
   */
  private static StoredKey onDisk(Entry entry) {
    String wrapped = null;
    for (Place place : entry.places()) {
      wrapped = wrappedAt(place);
      if (wrapped.startsWith(SHREDDED)) {
        break;
      }
    }
    return entry.key().withWrapped(wrapped);
  }

  private static String wrappedAt(Place place) {
    ByteBuffer wrapped = ByteBuffer.allocate(place.length());
    try (FileChannel channel = FileChannel.open(place.journal(), StandardOpenOption.READ)) {
      while (wrapped.hasRemaining()
          && channel.read(wrapped, place.offset() + wrapped.position()) >= 0) {}
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + place.journal(), e);
    }
    return new String(wrapped.array(), StandardCharsets.US_ASCII).strip();
  }

  /**
   * Replaces the wrapped bytes where they lie, padded to their length. The old bytes may remain in
   * blocks the file system freed or journalled, as with a deleted file; they are wrapped, so they
   * are of use only with the key-encryption key that wrapped them (ADR 14).
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

  /**
   * The layout before journals, a file per key: its keys and tombstones move into this instance's
   * journal, with one sync, and the files go. A key whose tombstone exists too was shredded (its
   * file was deleted after the tombstone was written, with no sync between). A temporary file was
   * never moved into place, so its key was never used.
   */
  private void importFilePerKeyLayout() {
    List<Path> keyFiles = filesEndingWith(".key");
    List<Path> tombstoneFiles = filesEndingWith(".shredded");
    List<Path> temporaryFiles = filesEndingWith(".tmp");
    if (keyFiles.isEmpty() && tombstoneFiles.isEmpty() && temporaryFiles.isEmpty()) {
      return;
    }
    List<StoredKey> moved = new ArrayList<>();
    for (Path file : tombstoneFiles) {
      readIfThere(file, FileTombstone.class)
          .ifPresent(
              old ->
                  moved.add(
                      new StoredKey(
                          SHREDDED + old.shreddedAt(),
                          old.id(),
                          old.subject(),
                          old.shreddedAt(),
                          "")));
    }
    Set<String> shredded = moved.stream().map(StoredKey::id).collect(Collectors.toSet());
    for (Path file : keyFiles) {
      readIfThere(file, FileKey.class)
          .filter(old -> !shredded.contains(old.id()))
          .ifPresent(
              old ->
                  moved.add(
                      new StoredKey(
                          old.wrapped(), old.id(), old.subject(), old.createdAt(), old.kekId())));
    }
    if (!moved.isEmpty()) {
      append(moved);
    }
    try {
      for (Path file :
          Stream.of(keyFiles, tombstoneFiles, temporaryFiles).flatMap(List::stream).toList()) {
        Files.deleteIfExists(file);
      }
      GroupCommitFile.syncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the file-per-key layout from " + dir, e);
    }
  }

  /** The file's record; empty when another process moved it into its journal meanwhile. */
  private static <T> Optional<T> readIfThere(Path file, Class<T> type) {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the data key " + file + ": " + e.getMessage(), e);
    }
  }

  private List<Path> filesEndingWith(String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the data keys in " + dir, e);
    }
  }
}
