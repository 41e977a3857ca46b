package dev.tradeflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.audit.merkle.Rfc6962Vectors;
import dev.tradeflow.audit.merkle.Rfc6962Vectors.Consistency;
import dev.tradeflow.audit.merkle.Rfc6962Vectors.Inclusion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit merkle-root}, {@code inclusion-proof} and {@code consistency-proof} print the roots
 * and proofs that Certificate Transparency's reference implementation published.
 */
class AuditMerkleCommandsTest {

  @TempDir Path dir;

  @Test
  void merkle_root_prints_the_published_root_of_every_size() throws Exception {
    for (int size = 0; size <= 8; size++) {
      Cli.Result result = Cli.run("audit", "merkle-root", "--leaves", leaves(size).toString());

      assertThat(result.exitCode()).isZero();
      assertThat(result.output().strip()).isEqualTo(Rfc6962Vectors.ROOTS.get(size));
    }
  }

  @Test
  void the_proof_commands_print_the_published_proofs() throws Exception {
    Path all = leaves(8);
    for (Inclusion vector : Rfc6962Vectors.INCLUSIONS) {
      Cli.Result result =
          Cli.run(
              "audit",
              "inclusion-proof",
              "--index",
              String.valueOf(vector.index()),
              "--size",
              String.valueOf(vector.size()),
              "--leaves",
              all.toString());

      assertThat(result.exitCode()).isZero();
      assertThat(result.output().lines().toList()).as("%s", vector).isEqualTo(vector.path());
    }
    for (Consistency vector : Rfc6962Vectors.CONSISTENCIES) {
      Cli.Result result =
          Cli.run(
              "audit",
              "consistency-proof",
              "--old",
              String.valueOf(vector.oldSize()),
              "--leaves",
              leaves((int) vector.newSize()).toString());

      assertThat(result.exitCode()).isZero();
      assertThat(result.output().lines().toList()).as("%s", vector).isEqualTo(vector.proof());
    }
  }

  @Test
  void a_line_that_is_not_hex_or_an_index_outside_the_tree_is_refused_with_a_reason()
      throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.txt"), "00\nzz\n");
    Cli.Result notHex = Cli.run("audit", "merkle-root", "--leaves", bad.toString());
    assertThat(notHex.exitCode()).isEqualTo(1);
    assertThat(notHex.output()).contains("leaf 1 (line 2) is not hex: 'zz'");

    Cli.Result outside =
        Cli.run("audit", "inclusion-proof", "--index", "8", "--leaves", leaves(8).toString());
    assertThat(outside.exitCode()).isEqualTo(1);
    assertThat(outside.output()).contains("no leaf 8 in a tree of 8");
  }

  /** The first {@code size} reference leaves, one hex line each (the first is empty). */
  private Path leaves(int size) throws Exception {
    List<String> lines = Rfc6962Vectors.LEAVES.subList(0, size);
    return Files.write(dir.resolve("leaves-" + size + ".txt"), lines);
  }
}
