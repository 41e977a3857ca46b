package dev.tradeflow.audit.log;

import dev.tradeflow.audit.merkle.Hash;
import java.util.Objects;

/** One leaf of a partition's tree: the offset of its record and the leaf hash of that record. */
public record Leaf(long offset, Hash hash) {
  public Leaf {
    Objects.requireNonNull(hash, "hash");
  }
}
