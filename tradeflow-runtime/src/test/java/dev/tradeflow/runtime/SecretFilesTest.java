package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

  @TempDir Path dir;

  @Test
  void a_secret_is_written_once_owner_only_and_never_replaced() throws Exception {
    Path file = dir.resolve("keys/secret");
    assertThat(SecretFiles.createOnce(file, "first")).isEqualTo("first");
    assertThat(SecretFiles.createOnce(file, "second")).isEqualTo("first");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void writers_racing_all_read_the_one_that_won() {
    Path file = dir.resolve("raced");
    List<CompletableFuture<String>> writers =
        IntStream.range(0, 8)
            .mapToObj(
                i -> CompletableFuture.supplyAsync(() -> SecretFiles.createOnce(file, "w" + i)))
            .toList();
    Set<String> read = writers.stream().map(CompletableFuture::join).collect(Collectors.toSet());
    assertThat(read).hasSize(1);
  }
}
