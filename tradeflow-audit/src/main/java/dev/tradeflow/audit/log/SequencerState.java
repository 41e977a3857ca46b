package dev.tradeflow.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.audit.merkle.CompactTree;
import dev.tradeflow.audit.merkle.Hash;
import java.io.IOException;
import java.util.List;

/**
 * Where the sequencer stands in one partition as of its last checkpoint: the next offset to read
 * and the tree's perfect subtrees (O(log n) hashes). Written in the checkpoint's transaction, it
 * lets a restarted sequencer resume exactly there.
 */
public record SequencerState(long nextOffset, long size, List<Hash> subtrees) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SequencerState {
    subtrees = List.copyOf(subtrees);
  }

  public static SequencerState of(long nextOffset, CompactTree tree) {
    return new SequencerState(nextOffset, tree.size(), tree.subtrees());
  }

  public CompactTree tree() {
    return CompactTree.restore(size, subtrees);
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(
          new Json(nextOffset, size, subtrees.stream().map(Hash::hex).toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a sequencer state always maps to JSON", e);
    }
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException when it is not a sequencer state
   */
  public static SequencerState fromJson(byte[] bytes) {
    try {
      Json json = JSON.readValue(bytes, Json.class);
      return new SequencerState(
          json.nextOffset(), json.size(), json.subtrees().stream().map(Hash::fromHex).toList());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a sequencer state: " + e.getMessage(), e);
    }
  }

  record Json(long nextOffset, long size, List<String> subtrees) {}
}
