package dev.tradeflow.audit.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The proof that the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize}
 * leaves: nothing in the older tree was changed or removed (RFC 6962 2.1.2).
 */
public record ConsistencyProof(long oldSize, long newSize, List<Hash> path) {

  public ConsistencyProof {
    Objects.requireNonNull(path, "path");
    path = List.copyOf(path);
  }

  /**
   * True when the path proves {@code newRoot}'s tree extends {@code oldRoot}'s (RFC 9162 2.1.4.2).
   */
  public boolean verify(Hash oldRoot, Hash newRoot) {
    if (oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return path.isEmpty() && oldRoot.equals(newRoot);
    }
    if (oldSize == 0) {
      return path.isEmpty(); // every tree extends the empty one
    }
    if (path.isEmpty()) {
      return false;
    }
    boolean oldIsPerfect = Long.bitCount(oldSize) == 1;
    int next = 0;
    Hash first = oldIsPerfect ? oldRoot : path.get(next++);
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Hash fr = first;
    Hash sr = first;
    for (; next < path.size(); next++) {
      Hash c = path.get(next);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHasher.node(c, fr);
        sr = TreeHasher.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = TreeHasher.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && fr.equals(oldRoot) && sr.equals(newRoot);
  }
}
