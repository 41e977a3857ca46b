package dev.tradeflow.audit.proof;

import dev.tradeflow.audit.AuditReport;
import dev.tradeflow.audit.AuditSource;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.Leaf;
import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.audit.merkle.Hash;
import dev.tradeflow.audit.merkle.MerkleTree;
import dev.tradeflow.audit.proof.EvidenceBundle.ConsistencyStep;
import dev.tradeflow.audit.proof.EvidenceBundle.LogEvidence;
import dev.tradeflow.audit.proof.EvidenceBundle.RecordEvidence;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the evidence bundle of one subject from a verified log: each of its checkpointed records
 * is proven in the first checkpoint that covers it, and those checkpoints are chained to the latest
 * by consistency proofs.
 */
public final class Prover {

  private final AuditVerifier verifier;
  private final Clock clock;

  public Prover(AuditVerifier verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  /**
   * The bundle of the records keyed {@code subject}.
   *
   * @throws IllegalStateException when the log does not verify (no evidence from a broken log) or
   *     holds no checkpointed record of the subject
   */
  public EvidenceBundle prove(AuditSource source, String subject) {
    byte[] key = subject.getBytes(StandardCharsets.UTF_8);
    Map<LogName, List<AuditedRecord>> mine = new LinkedHashMap<>();
    Map<LogName, MerkleTree> trees = new HashMap<>();
    Map<LogName, List<CheckpointRecord>> checkpoints = new HashMap<>();
    AuditReport report =
        verifier.verify(
            source,
            new AuditVerifier.Observer() {
              @Override
              public void record(LogName log, AuditedRecord record) {
                if (Arrays.equals(record.key(), key)) {
                  mine.computeIfAbsent(log, l -> new ArrayList<>()).add(record);
                }
              }

              @Override
              public void verified(LogName log, MerkleTree tree, List<CheckpointRecord> passed) {
                trees.put(log, tree);
                checkpoints.put(log, passed);
              }
            });
    if (!report.passed()) {
      throw new IllegalStateException(
          "the audit log does not verify, so it proves nothing: "
              + report.firstDivergence().orElseThrow());
    }
    List<LogEvidence> logs = new ArrayList<>();
    mine.forEach(
        (log, records) ->
            evidence(log, trees.get(log), checkpoints.get(log), records).ifPresent(logs::add));
    if (logs.isEmpty()) {
      throw new IllegalStateException("no checkpointed record is keyed " + subject);
    }
    return new EvidenceBundle(EvidenceBundle.FORMAT, subject, clock.instant().toString(), logs);
  }

  /** The proofs of the subject's records in one verified log, none for records not checkpointed. */
  private static Optional<LogEvidence> evidence(
      LogName log, MerkleTree tree, List<CheckpointRecord> checkpoints, List<AuditedRecord> mine) {
    Map<Long, Long> indexOfOffset = new HashMap<>();
    TreeMap<Long, String> notes = new TreeMap<>(); // each signed checkpoint by its tree size
    for (CheckpointRecord record : checkpoints) {
      long index = record.fromSize();
      for (Leaf leaf : record.leaves()) {
        indexOfOffset.put(leaf.offset(), index++);
      }
      notes.put(index, record.signedCheckpoint());
    }
    TreeMap<Long, String> used = new TreeMap<>();
    List<RecordEvidence> records = new ArrayList<>();
    for (AuditedRecord record : mine) {
      Long index = indexOfOffset.get(record.offset());
      if (index == null) {
        continue; // not checkpointed yet
      }
      Hash leaf = record.leafHash();
      if (!leaf.equals(tree.leaf(index))) {
        throw new IllegalStateException(record.position() + " differs from its audited leaf");
      }
      long size = notes.higherKey(index);
      used.put(size, notes.get(size));
      records.add(
          new RecordEvidence(
              record.offset(),
              Base64.getEncoder().encodeToString(record.encode()),
              index,
              size,
              tree.inclusionProof(index, size).path().stream().map(Hash::hex).toList()));
    }
    if (records.isEmpty()) {
      return Optional.empty();
    }
    used.put(notes.lastKey(), notes.lastEntry().getValue());
    List<ConsistencyStep> steps = new ArrayList<>();
    Long previous = null;
    for (long size : used.keySet()) {
      if (previous != null) {
        steps.add(
            new ConsistencyStep(
                previous,
                size,
                tree.consistencyProof(previous, size).path().stream().map(Hash::hex).toList()));
      }
      previous = size;
    }
    return Optional.of(
        new LogEvidence(
            log.topic(), log.partition(), new ArrayList<>(used.values()), steps, records));
  }
}
