package dev.tradeflow.audit;

import java.util.List;
import java.util.Optional;

/** What {@link AuditVerifier} found: per partition, and whether every check passed. */
public record AuditReport(List<PartitionReport> partitions) {

  public AuditReport {
    partitions = List.copyOf(partitions);
  }

  /**
   * One partition's log.
   *
   * @param log {@code topic-partition}
   * @param checkpoints signed checkpoints read
   * @param treeSize the size of its latest checkpoint
   * @param records records read from the partition
   * @param divergence the first place where the log departs from what was audited, if any
   */
  public record PartitionReport(
      String log, int checkpoints, long treeSize, long records, Optional<Divergence> divergence) {

    /** Records read beyond the latest checkpoint: committed, not audited yet. */
    public long notYetCheckpointed() {
      return Math.max(0, records - treeSize);
    }
  }

  /** Where and how a log departs from its checkpoints. */
  public record Divergence(String log, long offset, String reason) {
    @Override
    public String toString() {
      return log + "@" + offset + ": " + reason;
    }
  }

  public boolean passed() {
    return partitions.stream().allMatch(p -> p.divergence().isEmpty());
  }

  /** The first divergence, by the order of the partitions. */
  public Optional<Divergence> firstDivergence() {
    return partitions.stream().flatMap(p -> p.divergence().stream()).findFirst();
  }
}
