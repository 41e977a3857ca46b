package dev.tradeflow.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.audit.checkpoint.Checkpoint;
import dev.tradeflow.audit.checkpoint.SignedNote;
import dev.tradeflow.audit.merkle.Hash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A record of {@code tf.audit.checkpoints}: a partition's signed checkpoint and the leaves it adds
 * to the previous one (tree positions {@code fromSize} to the checkpoint's size). The signed roots
 * authenticate the listed leaves, and the leaves let a verifier name the exact offset where a log
 * departs from what was audited. JSON, so that an auditor reads it with any tool.
 */
public record CheckpointRecord(
    String topic, int partition, long fromSize, List<Leaf> leaves, String signedCheckpoint) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public CheckpointRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(signedCheckpoint, "signedCheckpoint");
    leaves = List.copyOf(leaves);
  }

  /** The key of its partition's log, {@code topic/partition}. */
  public String logKey() {
    return LogName.keyOf(topic, partition);
  }

  /** The signed note. */
  public SignedNote note() {
    return SignedNote.parse(signedCheckpoint);
  }

  /** The checkpoint, read from the note without checking its signatures. */
  public Checkpoint checkpoint() {
    return Checkpoint.parse(note().text());
  }

  public byte[] toJson() {
    Json json =
        new Json(
            topic,
            partition,
            fromSize,
            leaves.stream().map(l -> new JsonLeaf(l.offset(), l.hash().hex())).toList(),
            signedCheckpoint);
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checkpoint record always maps to JSON", e);
    }
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException when it is not a checkpoint record
   */
  public static CheckpointRecord fromJson(byte[] bytes) {
    try {
      Json json = JSON.readValue(bytes, Json.class);
      return new CheckpointRecord(
          json.topic(),
          json.partition(),
          json.fromSize(),
          json.leaves().stream().map(l -> new Leaf(l.offset(), Hash.fromHex(l.hash()))).toList(),
          json.checkpoint());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "not a checkpoint record ("
              + e.getMessage()
              + "): "
              + new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8),
          e);
    }
  }

  record Json(
      String topic, int partition, long fromSize, List<JsonLeaf> leaves, String checkpoint) {}

  record JsonLeaf(long offset, String hash) {}
}
