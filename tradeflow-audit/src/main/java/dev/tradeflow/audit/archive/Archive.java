package dev.tradeflow.audit.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.tradeflow.audit.AuditSource;
import dev.tradeflow.audit.AuditSource.UnreadableRecordException;
import dev.tradeflow.audit.archive.ArchiveManifest.FileEntry;
import dev.tradeflow.audit.archive.ArchiveManifest.Segment;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.LogName;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An export of the audit log to files, for keeping on WORM storage and for auditors: one segment
 * per partition (each record's canonical encoding, length-prefixed, in offset order), the
 * checkpoint records one JSON per line, and a manifest with every file's SHA-256 and the latest
 * signed checkpoint of each partition. Files are written once and made read-only. As an {@link
 * AuditSource}, an archive is verified exactly like the live topics, without a broker.
 */
public final class Archive implements AuditSource {

  public static final String MANIFEST = "manifest.json";
  public static final String CHECKPOINTS = "checkpoints.jsonl";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final ArchiveManifest manifest;

  private Archive(Path dir, ArchiveManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /**
   * Writes everything {@code source} holds into {@code dir}, which must be new or empty.
   *
   * @throws IllegalArgumentException when {@code dir} holds files already: an archive is never
   *     overwritten
   */
  public static ArchiveManifest export(AuditSource source, Path dir, Clock clock) {
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> existing = Files.list(dir)) {
          if (existing.findAny().isPresent()) {
            throw new IllegalArgumentException(
                dir + " is not empty: an archive is written once, into a new directory");
          }
        }
      }
      Files.createDirectories(dir);
      List<CheckpointRecord> checkpoints = source.checkpoints();
      Map<String, String> latest = new HashMap<>();
      checkpoints.forEach(c -> latest.put(c.logKey(), c.signedCheckpoint()));
      FileEntry checkpointFile = writeCheckpoints(dir.resolve(CHECKPOINTS), checkpoints);
      List<Segment> segments = new ArrayList<>();
      for (String key : source.partitions()) {
        LogName log = LogName.parse("", key); // the origin plays no part in a segment
        segments.add(
            writeSegment(
                dir, source, log.topic(), log.partition(), Optional.ofNullable(latest.get(key))));
      }
      ArchiveManifest manifest =
          new ArchiveManifest(
              ArchiveManifest.FORMAT, clock.instant().toString(), checkpointFile, segments);
      Path manifestFile = dir.resolve(MANIFEST);
      JSON.writeValue(manifestFile.toFile(), manifest);
      makeReadOnly(manifestFile);
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the archive to " + dir, e);
    }
  }

  /**
   * Opens an archive for reading.
   *
   * @throws IllegalArgumentException when {@code dir} holds no archive manifest
   */
  public static Archive open(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + MANIFEST + " in " + dir + ": not an archive");
    }
    try {
      ArchiveManifest manifest = JSON.readValue(file.toFile(), ArchiveManifest.class);
      if (!ArchiveManifest.FORMAT.equals(manifest.format())) {
        throw new IllegalArgumentException(
            dir
                + " is an archive of format "
                + manifest.format()
                + ", not "
                + ArchiveManifest.FORMAT);
      }
      return new Archive(dir, manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public ArchiveManifest manifest() {
    return manifest;
  }

  /** The files whose bytes no longer hash to the manifest's SHA-256. */
  public List<String> filesChangedSinceExport() {
    List<String> changed = new ArrayList<>();
    List<FileEntry> files = new ArrayList<>();
    files.add(manifest.checkpoints());
    manifest.segments().forEach(s -> files.add(new FileEntry(s.file(), s.sha256(), s.records())));
    for (FileEntry entry : files) {
      try (InputStream in = Files.newInputStream(dir.resolve(entry.file()))) {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha256.update(buffer, 0, n);
        }
        if (!HexFormat.of().formatHex(sha256.digest()).equals(entry.sha256())) {
          changed.add(entry.file());
        }
      } catch (IOException e) {
        changed.add(entry.file() + " (" + e.getMessage() + ")");
      }
    }
    return changed;
  }

  @Override
  public List<CheckpointRecord> checkpoints() {
    try (Stream<String> lines = Files.lines(dir.resolve(manifest.checkpoints().file()))) {
      return lines
          .filter(l -> !l.isBlank())
          .map(l -> CheckpointRecord.fromJson(l.getBytes(StandardCharsets.UTF_8)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the archive's checkpoints", e);
    }
  }

  @Override
  public List<String> partitions() {
    return manifest.segments().stream().map(s -> LogName.keyOf(s.topic(), s.partition())).toList();
  }

  @Override
  public void readPartition(String topic, int partition, Consumer<AuditedRecord> sink) {
    Optional<Segment> segment =
        manifest.segments().stream()
            .filter(s -> s.topic().equals(topic) && s.partition() == partition)
            .findFirst();
    if (segment.isEmpty()) {
      return; // a log the archive has no records of: the verifier reports them missing
    }
    Path file = dir.resolve(segment.get().file());
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException end) {
          return;
        }
        if (length < 0 || length > in.available()) {
          throw new UnreadableRecordException(
              "a record length of " + length + " runs past the end of " + file.getFileName(), null);
        }
        byte[] encoded = new byte[length];
        in.readFully(encoded);
        AuditedRecord record;
        try {
          record = AuditedRecord.decode(encoded);
        } catch (IllegalArgumentException e) {
          throw new UnreadableRecordException(e.getMessage(), e);
        }
        sink.accept(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static FileEntry writeCheckpoints(Path file, List<CheckpointRecord> checkpoints)
      throws IOException {
    MessageDigest sha256 = sha256();
    try (OutputStream out =
        new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
      for (CheckpointRecord checkpoint : checkpoints) {
        out.write(checkpoint.toJson());
        out.write('\n');
      }
    }
    makeReadOnly(file);
    return new FileEntry(
        file.getFileName().toString(),
        HexFormat.of().formatHex(sha256.digest()),
        checkpoints.size());
  }

  private static Segment writeSegment(
      Path dir, AuditSource source, String topic, int partition, Optional<String> checkpoint)
      throws IOException {
    String name = topic + "-" + partition + ".seg";
    Path file = dir.resolve(name);
    MessageDigest sha256 = sha256();
    long[] stats = {0, -1, -1}; // records, first offset, last offset
    try (DataOutputStream out =
        new DataOutputStream(
            new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file)), sha256))) {
      source.readPartition(
          topic,
          partition,
          record -> {
            byte[] encoded = record.encode();
            try {
              out.writeInt(encoded.length);
              out.write(encoded);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (stats[0]++ == 0) {
              stats[1] = record.offset();
            }
            stats[2] = record.offset();
          });
    }
    makeReadOnly(file);
    return new Segment(
        topic,
        partition,
        name,
        HexFormat.of().formatHex(sha256.digest()),
        stats[0],
        stats[1],
        stats[2],
        checkpoint);
  }

  private static void makeReadOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setReadOnly();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
