package dev.tradeflow.audit.internals;

import dev.tradeflow.audit.checkpoint.Checkpoint;
import dev.tradeflow.audit.checkpoint.SigningKey;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.Leaf;
import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.audit.log.SequencerState;
import dev.tradeflow.audit.merkle.CompactTree;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One partition's tree as the sequencer grows it, and the leaves since its last checkpoint. */
final class PartitionLog {

  private final LogName name;
  private final CompactTree tree;
  private final List<Leaf> pending = new ArrayList<>();
  private long nextOffset;
  private Instant firstPendingAt;

  PartitionLog(LogName name, SequencerState state) {
    this.name = name;
    this.tree = state.tree();
    this.nextOffset = state.nextOffset();
  }

  LogName name() {
    return name;
  }

  long nextOffset() {
    return nextOffset;
  }

  /** Appends the record's leaf, unless it is one the tree holds already (a re-read). */
  void append(AuditedRecord record, Instant now) {
    if (record.offset() < nextOffset) {
      return;
    }
    Leaf leaf = new Leaf(record.offset(), record.leafHash());
    tree.append(leaf.hash());
    pending.add(leaf);
    nextOffset = record.offset() + 1;
    if (firstPendingAt == null) {
      firstPendingAt = now;
    }
  }

  /** When the oldest leaf not yet checkpointed was read, if any. */
  Optional<Instant> firstPendingAt() {
    return Optional.ofNullable(firstPendingAt);
  }

  int pendingLeaves() {
    return pending.size();
  }

  /** Due when {@code records} leaves wait, or the first has waited {@code interval}. */
  boolean due(int records, Duration interval, Instant now) {
    return !pending.isEmpty()
        && (pending.size() >= records || !firstPendingAt.plus(interval).isAfter(now));
  }

  /** The signed checkpoint of the tree as it stands, with its new leaves; empty with none. */
  Optional<CheckpointRecord> checkpoint(List<SigningKey> keys) {
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    Checkpoint checkpoint = new Checkpoint(name.checkpointOrigin(), tree.size(), tree.root());
    return Optional.of(
        new CheckpointRecord(
            name.topic(),
            name.partition(),
            tree.size() - pending.size(),
            pending,
            checkpoint.sign(keys).format()));
  }

  SequencerState state() {
    return SequencerState.of(nextOffset, tree);
  }

  /** After the checkpoint's transaction committed. */
  void checkpointed() {
    pending.clear();
    firstPendingAt = null;
  }
}
