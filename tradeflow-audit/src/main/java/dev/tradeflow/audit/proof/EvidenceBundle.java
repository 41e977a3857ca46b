package dev.tradeflow.audit.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an auditor receives about one subject (a letter of credit): its records as stored, each with
 * an inclusion proof to a signed checkpoint, and consistency proofs that chain those checkpoints up
 * to the latest. Verified offline with the log's verifier key: no broker, no configuration.
 *
 * @param subject the records' key, such as an LC id
 * @param logs per partition that holds records of the subject
 */
public record EvidenceBundle(
    String format, String subject, String createdAt, List<LogEvidence> logs) {

  public static final String FORMAT = "tradeflow-evidence-bundle/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public EvidenceBundle {
    logs = List.copyOf(logs);
  }

  /**
   * One partition's evidence.
   *
   * @param checkpoints signed checkpoints (C2SP notes), by increasing size
   * @param consistency a proof from each checkpoint to the next
   * @param records the subject's records, each proven in one of the checkpoints
   */
  public record LogEvidence(
      String topic,
      int partition,
      List<String> checkpoints,
      List<ConsistencyStep> consistency,
      List<RecordEvidence> records) {
    public LogEvidence {
      checkpoints = List.copyOf(checkpoints);
      consistency = List.copyOf(consistency);
      records = List.copyOf(records);
    }
  }

  /** The proof that the tree of {@code oldSize} leaves is a prefix of that of {@code newSize}. */
  public record ConsistencyStep(long oldSize, long newSize, List<String> proof) {
    public ConsistencyStep {
      proof = List.copyOf(proof);
    }
  }

  /**
   * A record and its place.
   *
   * @param record the canonical encoding (base64): topic, partition, offset, timestamp, key, value
   *     and headers as stored
   * @param leafIndex its position in the partition's tree
   * @param treeSize the size of the checkpoint the proof leads to
   * @param inclusionProof the audit path, leaf to root, as hex
   */
  public record RecordEvidence(
      long offset, String record, long leafIndex, long treeSize, List<String> inclusionProof) {
    public RecordEvidence {
      inclusionProof = List.copyOf(inclusionProof);
    }
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads a bundle.
   *
   * @throws IllegalArgumentException when the file is not a bundle of this format
   */
  public static EvidenceBundle read(Path file) {
    EvidenceBundle bundle;
    try {
      bundle = JSON.readValue(file.toFile(), EvidenceBundle.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not an evidence bundle: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(bundle.format())) {
      throw new IllegalArgumentException(
          file + " is a bundle of format " + bundle.format() + ", not " + FORMAT);
    }
    return bundle;
  }
}
