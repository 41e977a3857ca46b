package dev.tradeflow.app.cli;

import dev.tradeflow.audit.merkle.Hash;
import dev.tradeflow.audit.merkle.MerkleTree;
import dev.tradeflow.audit.merkle.TreeHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow audit ...}: the Merkle audit log, its proofs and their verification. */
@Command(
    name = "audit",
    description = "The RFC 6962 audit log: roots, proofs and their verification.",
    subcommands = {
      AuditCommand.MerkleRoot.class,
      AuditCommand.InclusionProofCommand.class,
      AuditCommand.ConsistencyProofCommand.class
    })
final class AuditCommand {

  @ParentCommand TradeflowCli cli;

  /** Leaf data as hex, one leaf per line (an empty line is an empty leaf). */
  static final class Leaves {
    @Option(
        names = "--leaves",
        paramLabel = "FILE",
        description = "leaf data as hex, one leaf per line; standard input without it")
    Path file;

    /** The tree of the leaves, or an exception naming the line that is not hex. */
    MerkleTree tree() throws IOException {
      String text;
      if (file == null) {
        InputStream in = System.in;
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } else {
        text = Files.readString(file);
      }
      List<String> lines = text.lines().toList();
      MerkleTree tree = new MerkleTree();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        try {
          tree.append(TreeHasher.leaf(HexFormat.of().parseHex(line)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "leaf " + i + " (line " + (i + 1) + ") is not hex: '" + line + "'", e);
        }
      }
      return tree;
    }
  }

  @Command(
      name = "merkle-root",
      description = "Print the RFC 6962 root hash, as hex, of the leaves given as hex.")
  static final class MerkleRoot implements Callable<Integer> {
    @Mixin Leaves leaves;

    @Override
    public Integer call() throws IOException {
      System.out.println(leaves.tree().root().hex());
      return 0;
    }
  }

  @Command(
      name = "inclusion-proof",
      description =
          "Print the audit path of leaf I (from 0) in the tree of the leaves, one hash (hex) per"
              + " line, leaf to root.")
  static final class InclusionProofCommand implements Callable<Integer> {
    @Mixin Leaves leaves;

    @Option(names = "--index", required = true, paramLabel = "I", description = "leaf index")
    long index;

    @Option(
        names = "--size",
        paramLabel = "N",
        description = "the tree's size (default: every leaf given)")
    Long size;

    @Override
    public Integer call() throws IOException {
      MerkleTree tree = leaves.tree();
      print(tree.inclusionProof(index, size == null ? tree.size() : size).path());
      return 0;
    }
  }

  @Command(
      name = "consistency-proof",
      description =
          "Print the proof that the tree of the first M leaves is a prefix of the tree of all of"
              + " them, one hash (hex) per line.")
  static final class ConsistencyProofCommand implements Callable<Integer> {
    @Mixin Leaves leaves;

    @Option(names = "--old", required = true, paramLabel = "M", description = "the older size")
    long oldSize;

    @Option(
        names = "--size",
        paramLabel = "N",
        description = "the newer size (default: every leaf given)")
    Long size;

    @Override
    public Integer call() throws IOException {
      MerkleTree tree = leaves.tree();
      print(tree.consistencyProof(oldSize, size == null ? tree.size() : size).path());
      return 0;
    }
  }

  private static void print(List<Hash> hashes) {
    hashes.forEach(h -> System.out.println(h.hex()));
  }
}
