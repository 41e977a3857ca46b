package dev.tradeflow.audit.proof;

import dev.tradeflow.audit.checkpoint.Checkpoint;
import dev.tradeflow.audit.checkpoint.SignedNote;
import dev.tradeflow.audit.checkpoint.VerifierKey;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.audit.merkle.ConsistencyProof;
import dev.tradeflow.audit.merkle.Hash;
import dev.tradeflow.audit.merkle.InclusionProof;
import dev.tradeflow.audit.proof.EvidenceBundle.ConsistencyStep;
import dev.tradeflow.audit.proof.EvidenceBundle.LogEvidence;
import dev.tradeflow.audit.proof.EvidenceBundle.RecordEvidence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an evidence bundle with nothing but the log's verifier keys: every checkpoint's signature,
 * every consistency proof between them, and every record's inclusion proof, its key and its place.
 */
public final class BundleVerifier {

  private final List<VerifierKey> trusted;

  public BundleVerifier(List<VerifierKey> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** What was proven, and every check that failed. */
  public record Result(String subject, int recordsProven, List<String> failures) {
    public Result {
      failures = List.copyOf(failures);
    }

    public boolean passed() {
      return failures.isEmpty() && recordsProven > 0;
    }
  }

  public Result verify(EvidenceBundle bundle) {
    List<String> failures = new ArrayList<>();
    int proven = 0;
    for (LogEvidence log : bundle.logs()) {
      String name = log.topic() + "-" + log.partition();
      Map<Long, Checkpoint> bySize = checkpoints(log, name, failures);
      List<Long> sizes = new ArrayList<>(bySize.keySet());
      for (int i = 0; i + 1 < sizes.size(); i++) {
        checkConsistency(
            log, name, bySize.get(sizes.get(i)), bySize.get(sizes.get(i + 1)), failures);
      }
      byte[] key = bundle.subject().getBytes(StandardCharsets.UTF_8);
      for (RecordEvidence evidence : log.records()) {
        String where = name + "@" + evidence.offset();
        AuditedRecord record;
        try {
          record = AuditedRecord.decode(Base64.getDecoder().decode(evidence.record()));
        } catch (IllegalArgumentException e) {
          failures.add(where + ": the record cannot be read: " + e.getMessage());
          continue;
        }
        if (!record.topic().equals(log.topic())
            || record.partition() != log.partition()
            || record.offset() != evidence.offset()) {
          failures.add(where + ": the record is " + record.position() + ", not at this place");
        } else if (!Arrays.equals(record.key(), key)) {
          failures.add(where + ": the record is not keyed " + bundle.subject());
        } else if (!bySize.containsKey(evidence.treeSize())) {
          failures.add(where + ": no signed checkpoint of size " + evidence.treeSize());
        } else if (!new InclusionProof(
                evidence.leafIndex(),
                evidence.treeSize(),
                evidence.inclusionProof().stream().map(Hash::fromHex).toList())
            .verify(record.leafHash(), bySize.get(evidence.treeSize()).root())) {
          failures.add(
              where
                  + ": the inclusion proof does not lead to the signed root of size "
                  + evidence.treeSize());
        } else {
          proven++;
        }
      }
    }
    if (proven == 0 && failures.isEmpty()) {
      failures.add("the bundle proves no record");
    }
    return new Result(bundle.subject(), proven, failures);
  }

  /** The log's checkpoints whose signatures verify, by size. */
  private Map<Long, Checkpoint> checkpoints(LogEvidence log, String name, List<String> failures) {
    Map<Long, Checkpoint> bySize = new LinkedHashMap<>();
    long previous = -1;
    for (String note : log.checkpoints()) {
      try {
        SignedNote signed = SignedNote.parse(note);
        List<VerifierKey> signers = signed.verify(trusted);
        Checkpoint checkpoint = Checkpoint.parse(signed.text());
        // A log is named after the key that signs it: <key name>/<topic>/<partition>.
        if (signers.stream()
            .noneMatch(
                k ->
                    checkpoint
                        .origin()
                        .equals(
                            new LogName(k.name(), log.topic(), log.partition())
                                .checkpointOrigin()))) {
          failures.add(name + ": a checkpoint of " + checkpoint.origin() + " among its own");
        } else if (checkpoint.size() <= previous) {
          failures.add(name + ": checkpoints out of order at size " + checkpoint.size());
        } else {
          bySize.put(checkpoint.size(), checkpoint);
          previous = checkpoint.size();
        }
      } catch (RuntimeException e) {
        failures.add(name + ": a checkpoint is not valid: " + e.getMessage());
      }
    }
    return bySize;
  }

  private static void checkConsistency(
      LogEvidence log, String name, Checkpoint older, Checkpoint newer, List<String> failures) {
    ConsistencyStep step =
        log.consistency().stream()
            .filter(s -> s.oldSize() == older.size() && s.newSize() == newer.size())
            .findFirst()
            .orElse(null);
    if (step == null) {
      failures.add(
          name + ": no consistency proof from size " + older.size() + " to " + newer.size());
      return;
    }
    boolean consistent =
        new ConsistencyProof(
                step.oldSize(), step.newSize(), step.proof().stream().map(Hash::fromHex).toList())
            .verify(older.root(), newer.root());
    if (!consistent) {
      failures.add(
          name
              + ": the checkpoint of size "
              + newer.size()
              + " is not consistent with that of size "
              + older.size());
    }
  }
}
