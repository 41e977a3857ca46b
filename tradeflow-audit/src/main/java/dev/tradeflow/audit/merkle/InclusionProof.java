package dev.tradeflow.audit.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The audit path that proves leaf {@code leafIndex} belongs to the tree of {@code treeSize} leaves:
 * the sibling hashes from the leaf up to the root (RFC 6962 2.1.1).
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {

  public InclusionProof {
    Objects.requireNonNull(path, "path");
    path = List.copyOf(path);
  }

  /**
   * True when the path leads from {@code leaf} to {@code root}: the verification of RFC 9162
   * 2.1.3.2, which also rejects a path of the wrong length or an index outside the tree.
   */
  public boolean verify(Hash leaf, Hash root) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    Hash r = leaf;
    for (Hash p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHasher.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = TreeHasher.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && r.equals(root);
  }
}
