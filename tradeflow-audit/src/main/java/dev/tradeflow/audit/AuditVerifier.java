package dev.tradeflow.audit;

import dev.tradeflow.audit.AuditReport.Divergence;
import dev.tradeflow.audit.AuditReport.PartitionReport;
import dev.tradeflow.audit.checkpoint.Checkpoint;
import dev.tradeflow.audit.checkpoint.InvalidSignatureException;
import dev.tradeflow.audit.checkpoint.VerifierKey;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.Leaf;
import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.audit.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Recomputes every partition's tree and checks it against the signed checkpoints: each signature by
 * a trusted key, each checkpoint's root over the leaves it lists (so the listed leaves are the
 * audited ones), each checkpoint continuing the previous one, and each stored record hashing to its
 * audited leaf at its offset. The first departure per partition is named by its offset.
 */
public final class AuditVerifier {

  private final String origin;
  private final List<VerifierKey> trusted;

  /**
   * @param origin the logs' origin prefix, as configured ({@code audit.origin})
   * @param trusted the verifier keys whose signatures count
   */
  public AuditVerifier(String origin, List<VerifierKey> trusted) {
    this.origin = origin;
    this.trusted = List.copyOf(trusted);
  }

  /** What a caller may learn while the logs are verified, without reading them a second time. */
  public interface Observer {
    /** A record of the partition, in offset order. */
    default void record(LogName log, AuditedRecord record) {}

    /**
     * The partition's tree over the leaves of its checkpoints, and the checkpoints that verified
     * (all of them when its report has no divergence).
     */
    default void verified(LogName log, MerkleTree tree, List<CheckpointRecord> checkpoints) {}
  }

  public AuditReport verify(AuditSource source) {
    return verify(source, new Observer() {});
  }

  public AuditReport verify(AuditSource source, Observer observer) {
    Map<String, List<CheckpointRecord>> byLog = new LinkedHashMap<>();
    for (CheckpointRecord record : source.checkpoints()) {
      byLog.computeIfAbsent(record.logKey(), k -> new ArrayList<>()).add(record);
    }
    TreeSet<String> logs = new TreeSet<>(source.partitions());
    logs.addAll(byLog.keySet());
    List<PartitionReport> reports = new ArrayList<>();
    for (String key : logs) {
      LogName name = LogName.parse(origin, key);
      reports.add(verify(source, name, byLog.getOrDefault(key, List.of()), observer));
    }
    return new AuditReport(reports);
  }

  private PartitionReport verify(
      AuditSource source, LogName name, List<CheckpointRecord> checkpoints, Observer observer) {
    MerkleTree tree = new MerkleTree();
    List<Leaf> leaves = new ArrayList<>();
    Optional<Divergence> divergence = Optional.empty();
    List<CheckpointRecord> passed = new ArrayList<>();
    long verifiedSize = 0;
    for (CheckpointRecord record : checkpoints) {
      Optional<String> wrong = checkCheckpoint(name, record, tree, leaves);
      if (wrong.isPresent()) {
        long offset = record.leaves().isEmpty() ? -1 : record.leaves().get(0).offset();
        divergence = Optional.of(new Divergence(name.toString(), offset, wrong.get()));
        break;
      }
      passed.add(record);
      verifiedSize = tree.size();
    }
    observer.verified(name, tree, passed);
    RecordCheck records = new RecordCheck(name, leaves);
    try {
      source.readPartition(
          name.topic(),
          name.partition(),
          record -> {
            records.accept(record);
            observer.record(name, record);
          });
    } catch (AuditSource.UnreadableRecordException e) {
      records.unreadable(e.getMessage());
    }
    if (divergence.isEmpty()) {
      divergence = records.result();
    }
    return new PartitionReport(
        name.toString(), passed.size(), verifiedSize, records.read, divergence);
  }

  /** Appends the record's leaves to the tree; what is wrong with the checkpoint, if anything. */
  private Optional<String> checkCheckpoint(
      LogName name, CheckpointRecord record, MerkleTree tree, List<Leaf> leaves) {
    Checkpoint checkpoint;
    try {
      record.note().verify(trusted);
      checkpoint = record.checkpoint();
    } catch (InvalidSignatureException | IllegalArgumentException e) {
      return Optional.of(
          "the checkpoint after leaf " + record.fromSize() + " is not valid: " + e.getMessage());
    }
    if (!checkpoint.origin().equals(name.checkpointOrigin())) {
      return Optional.of(
          "a checkpoint of " + checkpoint.origin() + " is filed under " + name.checkpointOrigin());
    }
    if (record.fromSize() != tree.size()) {
      return Optional.of(
          "the checkpoint of size "
              + checkpoint.size()
              + " continues from size "
              + record.fromSize()
              + " but the previous one ended at "
              + tree.size());
    }
    long lastOffset = leaves.isEmpty() ? -1 : leaves.get(leaves.size() - 1).offset();
    for (Leaf leaf : record.leaves()) {
      if (leaf.offset() <= lastOffset) {
        return Optional.of("the checkpoint lists offset " + leaf.offset() + " out of order");
      }
      lastOffset = leaf.offset();
      tree.append(leaf.hash());
      leaves.add(leaf);
    }
    if (checkpoint.size() != tree.size() || !checkpoint.root().equals(tree.root())) {
      return Optional.of(
          "the signed root of size "
              + checkpoint.size()
              + " does not match the leaves the checkpoint lists");
    }
    return Optional.empty();
  }

  /** Walks a partition's records against its audited leaves. */
  private static final class RecordCheck {
    private final LogName name;
    private final List<Leaf> leaves;
    private long read;
    private Divergence first;

    RecordCheck(LogName name, List<Leaf> leaves) {
      this.name = name;
      this.leaves = leaves;
    }

    void accept(AuditedRecord record) {
      long index = read++;
      if (first != null || index >= leaves.size()) {
        return; // past the latest checkpoint: not audited yet
      }
      Leaf expected = leaves.get((int) index);
      if (!record.topic().equals(name.topic()) || record.partition() != name.partition()) {
        first =
            diverge(record.offset(), "a record of " + record.topic() + "-" + record.partition());
      } else if (record.offset() == expected.offset()) {
        if (!record.leafHash().equals(expected.hash())) {
          first = diverge(record.offset(), "the record differs from the one audited");
        }
      } else if (record.offset() > expected.offset()) {
        first =
            diverge(
                expected.offset(),
                "the audited record is missing here: offset "
                    + record.offset()
                    + " is in its place (deleted or moved)");
      } else {
        first =
            diverge(
                record.offset(),
                "a record that was never audited (offset " + expected.offset() + " was expected)");
      }
    }

    /** The next stored record cannot be read: it departs from the leaf at its place. */
    void unreadable(String reason) {
      if (first == null) {
        long offset = read < leaves.size() ? leaves.get((int) read).offset() : -1;
        first = diverge(offset, "the record stored here cannot be read: " + reason);
      }
    }

    Optional<Divergence> result() {
      if (first == null && read < leaves.size()) {
        first =
            diverge(
                leaves.get((int) read).offset(),
                "the audited record is missing (the log ends after "
                    + read
                    + " of "
                    + leaves.size()
                    + " audited records)");
      }
      return Optional.ofNullable(first);
    }

    private Divergence diverge(long offset, String reason) {
      return new Divergence(name.toString(), offset, reason);
    }
  }
}
