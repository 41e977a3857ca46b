package dev.tradeflow.schemas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data keys in journals: on disk before use, shared by processes on one directory, destroyed in
 * place by a shred, and read back after a crash cut a line short.
 */
class JournalDataKeysTest {

  @TempDir Path dir;

  private Pkcs12KeyEncryptionKey kek;
  private Path keysDir;

  @BeforeEach
  void keystore() {
    kek = Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray());
    keysDir = dir.resolve("data-keys");
  }

  private JournalDataKeys open() {
    return new JournalDataKeys(keysDir, kek, Duration.ofDays(30), Clock.systemUTC());
  }

  @Test
  void keys_made_by_many_threads_at_once_are_all_read_back_by_another_instance() throws Exception {
    JournalDataKeys keys = open();
    int threads = 8;
    int perThread = 25;
    Map<String, DataKey> made = new ConcurrentHashMap<>();
    CyclicBarrier together = new CyclicBarrier(threads);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  try {
                    together.await();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  String subject = "LC-" + thread + "-" + i;
                  made.put(subject, keys.current(subject));
                }
              }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }

    assertThat(made).hasSize(threads * perThread);
    JournalDataKeys restarted = open();
    made.forEach(
        (subject, key) -> {
          assertThat(restarted.get(key.id()).secret()).isEqualTo(key.secret());
          assertThat(restarted.current(subject).id()).isEqualTo(key.id());
        });
    assertThat(journals()).hasSize(1);
  }

  @Test
  void a_key_another_instance_made_since_is_found() {
    JournalDataKeys service = open();
    service.current("LC-1");
    DataKey madeByTheCli = open().rotate("LC-2");

    assertThat(service.get(madeByTheCli.id()).secret()).isEqualTo(madeByTheCli.secret());
    assertThatThrownBy(() -> service.get("0".repeat(32)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no data key");
  }

  @Test
  void a_shred_overwrites_the_wrapped_key_where_it_lies_and_keeps_who_and_when()
      throws IOException {
    JournalDataKeys service = open();
    DataKey mine = service.current("LC-1");
    DataKey theirs = service.current("LC-2");
    String myWrapped = wrappedOf(mine.id());
    String theirWrapped = wrappedOf(theirs.id());

    assertThat(open().shred("LC-1")).isEqualTo(1); // by another process, in this one's journal

    assertThat(journals()).hasSize(2); // the shredder's holds the tombstone line for the others
    StringBuilder all = new StringBuilder();
    for (Path journal : journals()) {
      all.append(Files.readString(journal));
    }
    assertThat(all.toString()).doesNotContain(myWrapped).contains(theirWrapped);
    JournalDataKeys restarted = open();
    assertThatThrownBy(() -> restarted.get(mine.id()))
        .isInstanceOf(KeyShreddedException.class)
        .hasMessageContaining("of LC-1 was destroyed at 20");
    assertThat(restarted.get(theirs.id()).secret()).isEqualTo(theirs.secret());
    assertThat(restarted.current("LC-1").id()).isNotEqualTo(mine.id());
    assertThat(restarted.shred("LC-1")).isEqualTo(1); // the new key only
  }

  @Test
  void a_line_a_crash_cut_short_is_left_unread() throws IOException {
    DataKey key = open().current("LC-1");
    writeAtTheEnd(journals().get(0), "{\"wrapped\":\"AAAA");

    JournalDataKeys restarted = open();
    assertThat(restarted.get(key.id()).secret()).isEqualTo(key.secret());
    assertThat(restarted.current("LC-2").subject()).isEqualTo("LC-2");
  }

  @Test
  void a_damaged_journal_is_refused_with_where() throws IOException {
    open().current("LC-1");
    writeAtTheEnd(journals().get(0), "not a key\n");

    assertThatThrownBy(() -> open().current("LC-1"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(journals().get(0).toString())
        .hasMessageContaining("damaged at byte");
  }

  @Test
  void keys_in_the_file_per_key_layout_move_into_a_journal() throws IOException {
    byte[] secret = new byte[32];
    secret[0] = 7;
    KeyEncryptionKey.WrappedKey wrapped = kek.wrap(secret);
    String kept = "a".repeat(32);
    String shredded = "b".repeat(32);
    writeFileKey(kept, "LC-OLD", wrapped);
    writeFileTombstone(shredded, "LC-GONE");

    JournalDataKeys keys = open();
    assertThat(keys.get(kept).secret()).isEqualTo(secret);
    assertThatThrownBy(() -> keys.get(shredded))
        .isInstanceOf(KeyShreddedException.class)
        .hasMessageContaining("of LC-GONE was destroyed at 2026-12-01T10:00:00Z");
    try (Stream<Path> files = Files.list(keysDir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .allMatch(name -> name.endsWith(".keys"));
    }
    assertThat(open().get(kept).secret()).isEqualTo(secret);
  }

  @Test
  void a_key_another_instance_shredded_after_this_one_read_the_journals_is_refused() {
    DataKey key = open().current("LC-1");
    JournalDataKeys reader = open();
    reader.current("LC-2"); // has read the journals, not unwrapped LC-1's key

    assertThat(open().shred("LC-1")).isEqualTo(1);

    assertThatThrownBy(() -> reader.get(key.id())).isInstanceOf(KeyShreddedException.class);
    assertThat(reader.current("LC-1").id()).isNotEqualTo(key.id());
  }

  @Test
  void a_line_finished_after_a_read_is_read_at_the_next() throws IOException {
    JournalDataKeys reader = open();
    reader.current("LC-0");
    DataKey key = open().current("LC-1");
    Path journal = journals().stream().filter(f -> contains(f, key.id())).findFirst().orElseThrow();
    byte[] whole = Files.readAllBytes(journal);
    int lineEnd = indexOfFirstZero(whole);
    int cut = lineEnd - 20;
    try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(lineEnd - cut), cut); // as if still being written
      assertThatThrownBy(() -> reader.get(key.id())).hasMessageContaining("no data key");
      channel.write(ByteBuffer.wrap(whole, cut, lineEnd - cut), cut);
    }

    assertThat(reader.get(key.id()).secret()).isEqualTo(key.secret());
  }

  @Test
  void a_key_with_a_copy_already_shredded_is_shredded_and_its_other_copy_destroyed()
      throws IOException {
    DataKey key = open().current("LC-1");
    Path first = journals().get(0);
    String wrapped = wrappedOf(key.id());
    // A second copy, as two processes moving the file-per-key layout at once would leave.
    Path second = keysDir.resolve("0-copy.keys");
    Files.write(
        second,
        Arrays.copyOf(Files.readAllBytes(first), indexOfFirstZero(Files.readAllBytes(first))));
    Files.writeString(
        first, Files.readString(first).replace(wrapped, "!" + " ".repeat(wrapped.length() - 1)));

    JournalDataKeys keys = open();
    assertThatThrownBy(() -> keys.get(key.id())).isInstanceOf(KeyShreddedException.class);
    assertThat(keys.shred("LC-1")).isEqualTo(1);
    assertThat(Files.readString(second)).doesNotContain(wrapped);
  }

  @Test
  void a_key_file_left_beside_its_tombstone_stays_shredded() throws IOException {
    KeyEncryptionKey.WrappedKey wrapped = kek.wrap(new byte[32]);
    String id = "c".repeat(32);
    writeFileKey(id, "LC-GONE", wrapped);
    writeFileTombstone(id, "LC-GONE");

    JournalDataKeys keys = open();
    assertThatThrownBy(() -> keys.get(id)).isInstanceOf(KeyShreddedException.class);
    assertThat(keys.current("LC-GONE").id()).isNotEqualTo(id);
    assertThat(Files.readString(journals().get(0)))
        .doesNotContain(Base64.getEncoder().encodeToString(wrapped.bytes()));
  }

  @Test
  void a_thread_interrupted_while_making_a_key_leaves_the_others_a_new_journal()
      throws IOException {
    JournalDataKeys keys = open();
    DataKey before = keys.current("LC-0");

    Thread.currentThread().interrupt(); // closes the journal's channel in its next write
    try {
      assertThatThrownBy(() -> keys.current("LC-1")).isInstanceOf(UncheckedIOException.class);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    DataKey after = keys.current("LC-2");

    assertThat(journals()).hasSize(2);
    JournalDataKeys restarted = open();
    assertThat(restarted.get(before.id()).secret()).isEqualTo(before.secret());
    assertThat(restarted.get(after.id()).secret()).isEqualTo(after.secret());
  }

  @Test
  void a_key_another_process_shreds_is_forgotten_here_within_the_catch_up_interval() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    JournalDataKeys service = new JournalDataKeys(keysDir, kek, Duration.ofDays(30), clock);
    DataKey key = service.current("LC-1");

    assertThat(open().shred("LC-1")).isEqualTo(1); // the CLI, another process

    assertThat(service.get(key.id()).secret()).isEqualTo(key.secret()); // not due yet
    assertThat(service.shreddedSubjects()).isEmpty();
    now.set(now.get().plus(JournalDataKeys.CATCH_UP_INTERVAL));
    assertThatThrownBy(() -> service.get(key.id())).isInstanceOf(KeyShreddedException.class);
    assertThat(service.shreddedSubjects()).containsExactly("LC-1");
    assertThat(service.current("LC-1").id()).isNotEqualTo(key.id());
  }

  /** A key file of the file-per-key layout, made 2026-11-30T09:00:00Z. */
  private void writeFileKey(String id, String subject, KeyEncryptionKey.WrappedKey wrapped)
      throws IOException {
    Files.createDirectories(keysDir);
    new ObjectMapper()
        .writeValue(
            keysDir.resolve(id + ".key").toFile(),
            Map.of(
                "id",
                id,
                "subject",
                subject,
                "createdAt",
                "2026-11-30T09:00:00Z",
                "kekId",
                wrapped.kekId(),
                "wrapped",
                Base64.getEncoder().encodeToString(wrapped.bytes())));
  }

  /** A tombstone of the file-per-key layout, shredded 2026-12-01T10:00:00Z. */
  private void writeFileTombstone(String id, String subject) throws IOException {
    Files.createDirectories(keysDir);
    new ObjectMapper()
        .writeValue(
            keysDir.resolve(id + ".shredded").toFile(),
            Map.of("id", id, "subject", subject, "shreddedAt", "2026-12-01T10:00:00Z"));
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOfFirstZero(byte[] bytes) {
    int end = 0;
    while (bytes[end] != 0) {
      end++;
    }
    return end;
  }

  private List<Path> journals() throws IOException {
    try (Stream<Path> files = Files.list(keysDir)) {
      return files.filter(f -> f.toString().endsWith(".keys")).toList();
    }
  }

  /** Writes where the journal's content ends: at its first zero byte. */
  private static void writeAtTheEnd(Path journal, String text) throws IOException {
    int end = indexOfFirstZero(Files.readAllBytes(journal));
    try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), end);
    }
  }

  private String wrappedOf(String id) throws IOException {
    for (Path journal : journals()) {
      for (String line : Files.readString(journal).split("\n")) {
        if (line.contains(id)) {
          return new ObjectMapper().readTree(line).get("wrapped").asText();
        }
      }
    }
    throw new AssertionError("no line for " + id);
  }
}
