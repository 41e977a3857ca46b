package dev.tradeflow.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree that keeps only what its next appends and its root need: the roots of its perfect
 * subtrees, one per set bit of its size, largest first (at most 64 hashes). It is what the audit
 * sequencer holds and stores per partition; proofs need the leaves (see {@link MerkleTree}).
 */
public final class CompactTree {

  private final List<Hash> subtrees;
  private long size;

  private CompactTree(long size, List<Hash> subtrees) {
    this.size = size;
    this.subtrees = subtrees;
  }

  public static CompactTree empty() {
    return new CompactTree(0, new ArrayList<>());
  }

  /**
   * The tree of {@code size} leaves whose perfect subtrees, largest first, are {@code subtrees}.
   *
   * @throws IllegalArgumentException unless there is one subtree per set bit of the size
   */
  public static CompactTree restore(long size, List<Hash> subtrees) {
    if (size < 0 || subtrees.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a tree of "
              + size
              + " leaves has "
              + Long.bitCount(Math.max(size, 0))
              + " perfect subtrees, not "
              + subtrees.size());
    }
    return new CompactTree(size, new ArrayList<>(subtrees));
  }

  public void append(Hash leaf) {
    Hash carry = leaf;
    // Each trailing one bit of the old size is a subtree as large as the carry: merge them.
    for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
      carry = TreeHasher.node(subtrees.remove(subtrees.size() - 1), carry);
    }
    subtrees.add(carry);
    size++;
  }

  public long size() {
    return size;
  }

  /** The roots of the perfect subtrees, largest first. */
  public List<Hash> subtrees() {
    return List.copyOf(subtrees);
  }

  public Hash root() {
    if (subtrees.isEmpty()) {
      return TreeHasher.empty();
    }
    Hash root = subtrees.get(subtrees.size() - 1);
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      root = TreeHasher.node(subtrees.get(i), root);
    }
    return root;
  }
}
