package dev.tradeflow.schemas.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.schemas.crypto.KeyEncryptionKey.WrappedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Data keys as files in a directory, wrapped: {@code <id>.key} holds a key's subject, creation
 * time, key-encryption key id and wrapped bytes; shredding replaces it with {@code <id>.shredded},
 * which keeps only who and when, so that a reader learns the payload is gone for good rather than
 * lost. Processes sharing the directory (the service and the CLI on one data directory) share the
 * keys. Unwrapped keys are cached in memory; a shred in another process is seen at its next start.
 */
public final class FileDataKeys implements DataKeys {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final KeyEncryptionKey kek;
  private final Duration rotationPeriod;
  private final Clock clock;
  private final Map<String, DataKey> byId = new ConcurrentHashMap<>();
  private final Map<String, DataKey> currentBySubject = new ConcurrentHashMap<>();
  // The newest stored key of each subject, read from the directory once (then kept up to date
  // here), so that a new subject costs one file write rather than a scan.
  private volatile Map<String, StoredKey> newestStored;

  /**
   * @param rotationPeriod a subject's key is replaced once it is this old
   */
  public FileDataKeys(Path dir, KeyEncryptionKey kek, Duration rotationPeriod, Clock clock) {
    this.dir = dir;
    this.kek = kek;
    this.rotationPeriod = rotationPeriod;
    this.clock = clock;
  }

  record StoredKey(String id, String subject, String createdAt, String kekId, String wrapped) {}

  record Shredded(String id, String subject, String shreddedAt) {}

  @Override
  public DataKey current(String subject) {
    Map<String, StoredKey> index = newestStored(); // loaded before: it may lock this
    // One thread at a time per subject: an expired key is replaced once.
    return currentBySubject.compute(
        subject,
        (s, key) -> {
          DataKey current =
              key != null
                  ? key
                  : Optional.ofNullable(index.get(s)).map(this::unwrapped).orElse(null);
          return current == null
                  || !current.createdAt().plus(rotationPeriod).isAfter(clock.instant())
              ? create(s)
              : current;
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
    Path shredded = dir.resolve(id + ".shredded");
    if (Files.exists(shredded)) {
      Shredded tombstone = read(shredded, Shredded.class);
      throw new KeyShreddedException(
          "the data key "
              + id
              + " of "
              + tombstone.subject()
              + " was destroyed at "
              + tombstone.shreddedAt()
              + " (crypto-shredding): the payload cannot be read");
    }
    Path file = dir.resolve(id + ".key");
    if (!Files.exists(file)) {
      throw new IllegalStateException("no data key " + id + " in " + dir);
    }
    DataKey key = unwrapped(read(file, StoredKey.class));
    byId.put(id, key);
    return key;
  }

  @Override
  public DataKey rotate(String subject) {
    newestStored();
    return currentBySubject.compute(subject, (s, key) -> create(s));
  }

  @Override
  public synchronized int shred(String subject) {
    int destroyed = 0;
    for (StoredKey stored : storedKeys()) {
      if (stored.subject().equals(subject)) {
        write(
            dir.resolve(stored.id() + ".shredded"),
            new Shredded(stored.id(), subject, clock.instant().toString()));
        try {
          Files.delete(dir.resolve(stored.id() + ".key"));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot destroy the data key " + stored.id(), e);
        }
        byId.remove(stored.id());
        destroyed++;
      }
    }
    currentBySubject.remove(subject);
    newestStored().remove(subject);
    return destroyed;
  }

  private Map<String, StoredKey> newestStored() {
    Map<String, StoredKey> index = newestStored;
    if (index == null) {
      synchronized (this) {
        if (newestStored == null) {
          Map<String, StoredKey> loaded = new ConcurrentHashMap<>();
          for (StoredKey stored : storedKeys()) {
            loaded.merge(
                stored.subject(),
                stored,
                (a, b) ->
                    Instant.parse(a.createdAt()).isAfter(Instant.parse(b.createdAt())) ? a : b);
          }
          newestStored = loaded;
        }
        index = newestStored;
      }
    }
    return index;
  }

  private DataKey create(String subject) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    byte[] idBytes = new byte[16];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    DataKey key = new DataKey(id, subject, clock.instant(), secret);
    WrappedKey wrapped = kek.wrap(secret);
    StoredKey stored =
        new StoredKey(
            id,
            subject,
            key.createdAt().toString(),
            wrapped.kekId(),
            Base64.getEncoder().encodeToString(wrapped.bytes()));
    write(dir.resolve(id + ".key"), stored);
    newestStored().put(subject, stored);
    byId.put(id, key);
    return key;
  }

  private DataKey unwrapped(StoredKey stored) {
    byte[] secret =
        kek.unwrap(new WrappedKey(stored.kekId(), Base64.getDecoder().decode(stored.wrapped())));
    return new DataKey(stored.id(), stored.subject(), Instant.parse(stored.createdAt()), secret);
  }

  private List<StoredKey> storedKeys() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".key"))
          .map(f -> read(f, StoredKey.class))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the data keys in " + dir, e);
    }
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Written to a temporary file and moved into place, so a reader never sees half a key; on disk
   * (file and directory entry) before it returns. A key is made before the first record it seals is
   * sent, and a key lost in a crash after that would leave the record unreadable for good: the
   * fsyncs (~0.5 ms here) are paid once per credit and rotation.
   */
  private void write(Path file, Object value) {
    try {
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, "write", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(value));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
