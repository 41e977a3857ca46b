package dev.tradeflow.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.audit.AuditReport;
import dev.tradeflow.audit.AuditSequencer;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.audit.TestCluster;
import dev.tradeflow.audit.archive.ArchiveManifest.Segment;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.runtime.Topics;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive export of an audited log, and copies of it tampered with as an insider would: one byte
 * changed, a record deleted, one inserted, two swapped, a checkpoint's leaf replaced. The verifier
 * fails on each and names the offset.
 */
class ArchiveTamperingTest {

  @TempDir static Path dir;

  private static TestCluster cluster;
  private static Path archive;
  private static Segment segment;
  private static List<Long> offsets;

  @BeforeAll
  static void exportAnAuditedLog() throws Exception {
    cluster = new TestCluster(dir);
    try (AuditSequencer sequencer = cluster.startSequencer("tamper")) {
      cluster.produceTo(Topics.LC_EVENTS, 1, "LC-1", 6);
      cluster.produce(Topics.LC_EVENTS, 10, true);
      cluster.awaitCheckpointed(16);
    }
    archive = dir.resolve("archive");
    ArchiveManifest manifest =
        Archive.export(new KafkaAuditSource(cluster.clients), archive, Clock.systemUTC());
    segment =
        manifest.segments().stream()
            .filter(s -> s.topic().equals(Topics.LC_EVENTS) && s.partition() == 1)
            .findFirst()
            .orElseThrow();
    offsets = new ArrayList<>();
    Archive.open(archive).readPartition(Topics.LC_EVENTS, 1, r -> offsets.add(r.offset()));
    assertThat(offsets).hasSizeGreaterThanOrEqualTo(6);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void the_archive_as_exported_verifies_without_a_broker() throws IOException {
    Archive copy = Archive.open(archive);

    AuditReport report = verify(copy);

    assertThat(report.passed()).as("%s", report).isTrue();
    assertThat(copy.filesChangedSinceExport()).isEmpty();
    assertThat(segment.checkpoint()).isPresent();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(archive.resolve(segment.file()))))
        .isEqualTo("r--r--r--");
  }

  @Test
  void one_changed_byte_is_named_by_its_offset() throws Exception {
    Path copy =
        tampered(
            records -> {
              // The last byte of the value: before it the record ends with its header count.
              byte[] changed = records.get(2).clone();
              changed[changed.length - 5] ^= 1;
              records.set(2, changed);
              return records;
            });

    assertDivergence(copy, offsets.get(2), "the record differs from the one audited");
    assertThat(Archive.open(copy).filesChangedSinceExport()).containsExactly(segment.file());
  }

  @Test
  void a_byte_changed_so_that_the_record_cannot_be_read_is_named_by_its_offset() throws Exception {
    Path copy =
        tampered(
            records -> {
              byte[] changed = records.get(3).clone();
              changed[changed.length - 1] ^= 1; // a header count the record has no room for
              records.set(3, changed);
              return records;
            });

    assertDivergence(copy, offsets.get(3), "the record stored here cannot be read");
  }

  @Test
  void a_deleted_record_is_named_by_its_offset() throws Exception {
    Path copy =
        tampered(
            records -> {
              records.remove(3);
              return records;
            });

    assertDivergence(
        copy,
        offsets.get(3),
        "the audited record is missing here: offset " + offsets.get(4) + " is in its place");
  }

  @Test
  void an_inserted_record_is_named_by_its_offset() throws Exception {
    Path copy =
        tampered(
            records -> {
              AuditedRecord genuine = AuditedRecord.decode(records.get(1));
              AuditedRecord forged = genuine.withValue("forged".getBytes(StandardCharsets.UTF_8));
              records.add(1, forged.encode());
              return records;
            });

    assertDivergence(copy, offsets.get(1), "the record differs from the one audited");
  }

  @Test
  void two_swapped_records_are_named_by_the_first_offset() throws Exception {
    Path copy =
        tampered(
            records -> {
              Collections.swap(records, 4, 5);
              return records;
            });

    assertDivergence(
        copy,
        offsets.get(4),
        "the audited record is missing here: offset " + offsets.get(5) + " is in its place");
  }

  @Test
  void a_leaf_replaced_in_a_checkpoint_breaks_its_signed_root() throws Exception {
    Path copy = copyOf(archive);
    Path checkpoints = copy.resolve(Archive.CHECKPOINTS);
    checkpoints.toFile().setWritable(true);
    List<String> lines = new ArrayList<>(Files.readAllLines(checkpoints));
    String line = lines.get(0);
    int hash = line.indexOf("\"hash\":\"") + 8;
    lines.set(0, line.substring(0, hash) + "00" + line.substring(hash + 2));
    Files.write(checkpoints, lines);

    AuditReport report = verify(Archive.open(copy));

    assertThat(report.passed()).isFalse();
    assertThat(report.firstDivergence().orElseThrow().reason())
        .contains("does not match the leaves the checkpoint lists");
  }

  @Test
  void an_archive_is_never_written_over() {
    KafkaAuditSource source = new KafkaAuditSource(cluster.clients);
    assertThatThrownBy(() -> Archive.export(source, archive, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not empty");
  }

  private static AuditReport verify(Archive archive) {
    return new AuditVerifier(cluster.settings.origin(), cluster.keys.verifierKeys())
        .verify(archive);
  }

  private static void assertDivergence(Path copy, long offset, String reason) {
    AuditReport report = verify(Archive.open(copy));

    assertThat(report.passed()).isFalse();
    assertThat(report.firstDivergence().orElseThrow().log()).isEqualTo(Topics.LC_EVENTS + "-1");
    assertThat(report.firstDivergence().orElseThrow().offset()).isEqualTo(offset);
    assertThat(report.firstDivergence().orElseThrow().reason()).contains(reason);
  }

  /** A copy of the archive whose partition-1 segment went through {@code change}. */
  private static Path tampered(UnaryOperator<List<byte[]>> change) throws IOException {
    Path copy = copyOf(archive);
    Path file = copy.resolve(segment.file());
    List<byte[]> records = change.apply(readRecords(file));
    file.toFile().setWritable(true);
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      for (byte[] record : records) {
        out.writeInt(record.length);
        out.write(record);
      }
    }
    return copy;
  }

  private static List<byte[]> readRecords(Path file) throws IOException {
    List<byte[]> records = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      while (in.available() > 0) {
        byte[] record = new byte[in.readInt()];
        in.readFully(record);
        records.add(record);
      }
    }
    return records;
  }

  private static Path copyOf(Path source) throws IOException {
    Path copy = Files.createTempDirectory(dir, "copy");
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return copy;
  }
}
