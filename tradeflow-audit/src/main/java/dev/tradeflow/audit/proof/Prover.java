package dev.tradeflow.audit.proof;

import dev.tradeflow.audit.AuditReport;
import dev.tradeflow.audit.AuditSource;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.checkpoint.Checkpoint;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.Leaf;
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
    AuditReport report = verifier.verify(source);
    if (!report.passed()) {
      throw new IllegalStateException(
          "the audit log does not verify, so it proves nothing: "
              + report.firstDivergence().orElseThrow());
    }
    byte[] key = subject.getBytes(StandardCharsets.UTF_8);
    Map<String, List<CheckpointRecord>> byLog = new LinkedHashMap<>();
    for (CheckpointRecord record : source.checkpoints()) {
      byLog.computeIfAbsent(record.logKey(), k -> new ArrayList<>()).add(record);
    }
    List<LogEvidence> logs = new ArrayList<>();
    for (Map.Entry<String, List<CheckpointRecord>> log : byLog.entrySet()) {
      List<CheckpointRecord> checkpoints = log.getValue();
      String topic = checkpoints.get(0).topic();
      int partition = checkpoints.get(0).partition();
      List<AuditedRecord> mine = new ArrayList<>();
      source.readPartition(
          topic,
          partition,
          r -> {
            if (Arrays.equals(r.key(), key)) {
              mine.add(r);
            }
          });
      if (!mine.isEmpty()) {
        evidence(topic, partition, checkpoints, mine).ifPresent(logs::add);
      }
    }
    if (logs.isEmpty()) {
      throw new IllegalStateException("no checkpointed record is keyed " + subject);
    }
    return new EvidenceBundle(EvidenceBundle.FORMAT, subject, clock.instant().toString(), logs);
  }

  private static Optional<LogEvidence> evidence(
      String topic, int partition, List<CheckpointRecord> checkpoints, List<AuditedRecord> mine) {
    MerkleTree tree = new MerkleTree();
    Map<Long, Long> indexOfOffset = new HashMap<>();
    // Size of each checkpoint, and the note, by size.
    TreeMap<Long, String> notes = new TreeMap<>();
    for (CheckpointRecord record : checkpoints) {
      for (Leaf leaf : record.leaves()) {
        indexOfOffset.put(leaf.offset(), tree.size());
        tree.append(leaf.hash());
      }
      Checkpoint checkpoint = record.checkpoint();
      notes.put(checkpoint.size(), record.signedCheckpoint());
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
        new LogEvidence(topic, partition, new ArrayList<>(used.values()), steps, records));
  }
}
