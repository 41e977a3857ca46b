package dev.tradeflow.runtime.internals;

import dev.tradeflow.runtime.BrokerStartException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's log directory: formatting it once, finding the cluster id it was formatted
 * with, telling whether a running broker holds it, and wiping it.
 */
public final class BrokerStorage {

  private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

  /** The lock file Kafka's log manager holds in each log directory while the broker runs. */
  private static final String LOCK_FILE = ".lock";

  private BrokerStorage() {}

  /** A formatted log directory: its cluster id, and whether it was formatted just now. */
  public record Formatted(String clusterId, boolean now) {}

  /**
   * The cluster id of the formatted directory, formatting it first if it is not. Kafka's own {@code
   * meta.properties} keeps the id, so a restart finds the same cluster and its log.
   *
   * @param scramArguments SCRAM users to create with a new log ({@code --add-scram}), or none
   */
  public static Formatted formatIfNeeded(
      Path dir, int nodeId, String controllerListenerName, List<String> scramArguments) {
    Optional<String> clusterId = clusterIdOf(dir);
    if (clusterId.isPresent()) {
      return new Formatted(clusterId.get(), false);
    }
    String newClusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream formatterOutput = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      Files.createDirectories(dir);
      new Formatter()
          .setPrintStream(formatterOutput)
          .setNodeId(nodeId)
          .setClusterId(newClusterId)
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setControllerListenerName(controllerListenerName)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setUnstableFeatureVersionsEnabled(false)
          .setScramArguments(scramArguments)
          .run();
    } catch (Exception e) {
      throw new BrokerStartException(
          "could not format the Kafka data dir " + dir + ": " + e.getMessage(), e);
    }
    log.info(
        "formatted {} for a new cluster {} with metadata.version {}",
        dir,
        newClusterId,
        MetadataVersion.latestProduction());
    log.debug("formatter output: {}", output.toString(StandardCharsets.UTF_8).trim());
    return new Formatted(newClusterId, true);
  }

  private static Optional<String> clusterIdOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      return new MetaPropertiesEnsemble.Loader()
          .addLogDirs(List.of(dir.toString()))
          .load()
          .clusterId();
    } catch (IOException e) {
      throw new BrokerStartException(
          "could not read " + dir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME), e);
    }
  }

  /**
   * True if a broker, in this process or another, holds the directory's lock. The lock is tried and
   * released at once, before the broker takes it for good.
   */
  public static boolean isLocked(Path dir) {
    Path lockFile = dir.resolve(LOCK_FILE);
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by a broker in this JVM
    } catch (NoSuchFileException e) {
      return false; // never started here
    } catch (IOException e) {
      throw new UncheckedIOException("could not check the lock " + lockFile, e);
    }
  }

  /**
   * Deletes the directory and everything in it. Refuses a non-empty directory that is not a Kafka
   * log directory, so that a mistyped data dir cannot wipe unrelated files.
   */
  public static void wipe(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      boolean empty;
      try (Stream<Path> children = Files.list(dir)) {
        empty = children.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
        throw new BrokerStartException(
            "refusing to wipe "
                + dir
                + ": it is not a Kafka data dir (it has no "
                + MetaPropertiesEnsemble.META_PROPERTIES_NAME
                + "); choose an empty or Kafka data dir");
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not wipe " + dir, e);
    }
  }
}
