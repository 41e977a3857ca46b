package dev.tradeflow.audit;

import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a verifier reads: the checkpoint records, and the records of each audited partition in
 * offset order — from the live topics, or from a copy such as an archive export.
 */
public interface AuditSource {

  /** Every checkpoint record, each partition's in the order they were written. */
  List<CheckpointRecord> checkpoints();

  /** The audited partitions, as {@code topic/partition} keys. */
  List<String> partitions();

  /**
   * Hands each record of the partition, committed ones only, in offset order, to {@code sink}.
   *
   * @throws UnreadableRecordException when a stored record cannot be decoded (a damaged copy)
   */
  void readPartition(String topic, int partition, Consumer<AuditedRecord> sink);

  /** A stored record that cannot be decoded: reading its partition stops there. */
  final class UnreadableRecordException extends RuntimeException {
    public UnreadableRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
