package dev.tradeflow.schemas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends from many threads land whole, where each was told; an existing file is refused. */
class GroupCommitFileTest {

  @TempDir Path dir;

  @Test
  void concurrent_appends_land_whole_at_the_offsets_returned() throws Exception {
    GroupCommitFile file = GroupCommitFile.create(dir.resolve("journal"));
    Map<String, Long> offsets = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int thread = t;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 50; i++) {
                  String record = "record " + thread + "/" + i + " " + "x".repeat(i) + "\n";
                  offsets.put(record, file.append(record.getBytes(StandardCharsets.UTF_8)));
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    byte[] written = Files.readAllBytes(dir.resolve("journal"));
    long total = 0;
    for (Map.Entry<String, Long> appended : offsets.entrySet()) {
      byte[] record = appended.getKey().getBytes(StandardCharsets.UTF_8);
      int at = Math.toIntExact(appended.getValue());
      assertThat(new String(written, at, record.length, StandardCharsets.UTF_8))
          .isEqualTo(appended.getKey());
      total += record.length;
    }
    assertThat(written).hasSize(GroupCommitFile.GROWTH); // grown ahead, zero-filled
    assertThat(written[Math.toIntExact(total) - 1]).isEqualTo((byte) '\n');
    assertThat(written[Math.toIntExact(total)]).isZero();
  }

  @Test
  void an_existing_file_is_never_appended_to() throws Exception {
    Files.writeString(dir.resolve("journal"), "someone else's");

    assertThatThrownBy(() -> GroupCommitFile.create(dir.resolve("journal")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot create");
  }
}
