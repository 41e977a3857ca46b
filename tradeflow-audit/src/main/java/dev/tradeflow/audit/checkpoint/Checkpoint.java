package dev.tradeflow.audit.checkpoint;

import dev.tradeflow.audit.merkle.Hash;
import java.util.List;
import java.util.Objects;

/**
 * The state of one Merkle log at one size, in the C2SP tlog-checkpoint form: the origin (which
 * log), the tree size in decimal and the root hash in base64, one per line. Signed, it is what an
 * auditor keeps: every later tree must be consistent with it.
 */
public record Checkpoint(String origin, long size, Hash root) {

  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(root, "root");
    if (origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is not negative: " + size);
    }
  }

  /** The note text: origin, size and root, each line ending in a newline. */
  public String text() {
    return origin + "\n" + size + "\n" + root.base64() + "\n";
  }

  /**
   * Reads a note text; extension lines after the root are allowed and ignored.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static Checkpoint parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 4 || !text.endsWith("\n")) {
      throw new IllegalArgumentException(
          "a checkpoint has an origin, a size and a root hash, each on a line of its own");
    }
    String size = lines[1];
    if (!size.matches("0|[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException("a checkpoint's size is a decimal number: " + size);
    }
    Hash root;
    try {
      root = Hash.fromBase64(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a checkpoint's root is a base64 SHA-256 hash: " + lines[2], e);
    }
    return new Checkpoint(lines[0], Long.parseLong(size), root);
  }

  public SignedNote sign(List<SigningKey> keys) {
    return SignedNote.sign(text(), keys);
  }
}
