package dev.tradeflow.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree that keeps every level, so that it answers the root of any earlier size and the
 * inclusion and consistency proofs of RFC 6962 (section 2.1) in O(log n) hashes each. Memory is
 * about two hashes per leaf.
 */
public final class MerkleTree {

  /** levels.get(j).get(i) is the root of the perfect subtree of leaves [i * 2^j, (i+1) * 2^j). */
  private final List<List<Hash>> levels = new ArrayList<>();

  public MerkleTree() {
    levels.add(new ArrayList<>());
  }

  public static MerkleTree of(List<Hash> leaves) {
    MerkleTree tree = new MerkleTree();
    leaves.forEach(tree::append);
    return tree;
  }

  public void append(Hash leaf) {
    levels.get(0).add(leaf);
    for (int j = 0; levels.get(j).size() % 2 == 0; j++) {
      List<Hash> level = levels.get(j);
      if (levels.size() == j + 1) {
        levels.add(new ArrayList<>());
      }
      levels
          .get(j + 1)
          .add(TreeHasher.node(level.get(level.size() - 2), level.get(level.size() - 1)));
    }
  }

  public long size() {
    return levels.get(0).size();
  }

  public Hash leaf(long index) {
    checkSize(index + 1);
    return levels.get(0).get((int) index);
  }

  /** The root of the tree as it stood with its first {@code size} leaves. */
  public Hash root(long size) {
    checkSize(size);
    return size == 0 ? TreeHasher.empty() : subtree(0, size);
  }

  public Hash root() {
    return root(size());
  }

  /** The audit path of leaf {@code index} in the tree of its first {@code size} leaves. */
  public InclusionProof inclusionProof(long index, long size) {
    checkSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
    }
    List<Hash> path = new ArrayList<>();
    path(index, 0, size, path);
    return new InclusionProof(index, size, path);
  }

  /** The proof that the tree of {@code oldSize} leaves is a prefix of that of {@code newSize}. */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    checkSize(newSize);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + oldSize + " to " + newSize);
    }
    List<Hash> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < newSize) {
      subproof(oldSize, 0, newSize, true, proof);
    }
    return new ConsistencyProof(oldSize, newSize, proof);
  }

  /** PATH(m, D[start:start+n]) of RFC 6962 2.1.1, with m relative to start. */
  private void path(long m, long start, long n, List<Hash> out) {
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, k, out);
      out.add(subtree(start + k, n - k));
    } else {
      path(m - k, start + k, n - k, out);
      out.add(subtree(start, k));
    }
  }

  /** SUBPROOF(m, D[start:start+n], b) of RFC 6962 2.1.2. */
  private void subproof(long m, long start, long n, boolean whole, List<Hash> out) {
    if (m == n) {
      if (!whole) {
        out.add(subtree(start, n));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, k, whole, out);
      out.add(subtree(start + k, n - k));
    } else {
      subproof(m - k, start + k, n - k, false, out);
      out.add(subtree(start, k));
    }
  }

  /** MTH(D[start:start+n]): a stored node when the range is a perfect subtree. */
  private Hash subtree(long start, long n) {
    if (Long.bitCount(n) == 1) {
      int level = Long.numberOfTrailingZeros(n);
      if (start % n == 0 && level < levels.size()) {
        List<Hash> nodes = levels.get(level);
        int index = (int) (start >>> level);
        if (index < nodes.size()) {
          return nodes.get(index);
        }
      }
    }
    long k = largestPowerOfTwoBelow(n);
    return TreeHasher.node(subtree(start, k), subtree(start + k, n - k));
  }

  /** The largest power of two smaller than n, for n of at least 2. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private void checkSize(long size) {
    if (size < 0 || size > size()) {
      throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
    }
  }
}
