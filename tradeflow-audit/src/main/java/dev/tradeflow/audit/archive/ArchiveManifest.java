package dev.tradeflow.audit.archive;

import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json} of an archive: each file with its SHA-256, and for each partition's segment
 * the latest signed checkpoint that covers it, so that the files are tied to the audit log.
 */
public record ArchiveManifest(
    String format, String exportedAt, FileEntry checkpoints, List<Segment> segments) {

  public static final String FORMAT = "tradeflow-audit-archive/1";

  public ArchiveManifest {
    segments = List.copyOf(segments);
  }

  /** A file of the archive and the SHA-256 of its bytes. */
  public record FileEntry(String file, String sha256, long records) {}

  /**
   * A partition's records, in offset order.
   *
   * @param checkpoint the latest signed checkpoint of the partition, if it has one
   */
  public record Segment(
      String topic,
      int partition,
      String file,
      String sha256,
      long records,
      long firstOffset,
      long lastOffset,
      Optional<String> checkpoint) {}
}
