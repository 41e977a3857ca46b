package dev.tradeflow.schemas.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A new file that threads append to, each append on disk when it returns. Appends made while a sync
 * is under way share the next one (group commit): with four writers making keys at once, one
 * fdatasync serves them all, where a file per key cost each of them two fsyncs and a rename.
 *
 * <p>The append that reaches the file's end grows it by a quarter megabyte, zero-filled and synced,
 * so that the other appends' syncs write data only, not the file's size and blocks (the file
 * system's journal). Appends hold no zero byte, and the content ends at the first one: what follows
 * was never written, or written and never synced, which no caller was told was on disk.
 *
 * <p>Any failed write or sync breaks the file for good (see {@link #broken}): after a failed fsync
 * the kernel may have dropped the pages, so a later sync's success proves nothing (PostgreSQL's
 * "fsyncgate"), and a thread interrupted in a write or sync closes the channel for all.
 */
final class GroupCommitFile {

  static final int GROWTH = 1 << 18;

  private final Path path;
  private final FileChannel channel;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition synced = lock.newCondition();
  // Guarded by lock.
  private long end;
  private long allocated;
  private long durable;
  private boolean syncing;
  private IOException failed;

  private GroupCommitFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Creates {@code path}, which must not exist, with its directory entry on disk. */
  static GroupCommitFile create(Path path) {
    try {
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      syncDirectory(path.getParent());
      return new GroupCommitFile(path, channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  Path path() {
    return path;
  }

  /**
   * Writes {@code bytes} at the end and returns where they start, once they are on disk.
   *
   * @throws UncheckedIOException when they cannot be; if {@link #broken}, nothing more can
   */
  long append(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException("an append holds a zero byte: it would end the file");
      }
    }
    long at;
    lock.lock();
    try {
      failIfBroken();
      at = end;
      try {
        allocate(at + bytes.length);
        // Written under the lock: a sync that starts must cover only bytes already written.
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer, at + buffer.position());
        }
      } catch (IOException e) {
        failed = e;
        throw new UncheckedIOException("cannot append to " + path, e);
      }
      end = at + bytes.length;
    } finally {
      lock.unlock();
    }
    awaitDurable(at + bytes.length);
    return at;
  }

  /** True once a write or sync failed: the file takes no more appends. */
  boolean broken() {
    lock.lock();
    try {
      return failed != null;
    } finally {
      lock.unlock();
    }
  }

  private void allocate(long upTo) throws IOException {
    while (allocated < upTo) {
      ByteBuffer zeros = ByteBuffer.allocate(GROWTH);
      while (zeros.hasRemaining()) {
        channel.write(zeros, allocated + zeros.position());
      }
      channel.force(true);
      allocated += GROWTH;
    }
  }

  private void awaitDurable(long upTo) {
    lock.lock();
    try {
      while (durable < upTo) {
        failIfBroken();
        if (syncing) {
          synced.awaitUninterruptibly();
          continue;
        }
        syncing = true;
        long target = end;
        IOException failure = null;
        lock.unlock();
        try {
          channel.force(false);
        } catch (IOException e) {
          failure = e;
        } finally {
          lock.lock();
          syncing = false;
          synced.signalAll();
        }
        if (failure != null) {
          failed = failure;
        } else {
          durable = target;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void failIfBroken() {
    if (failed != null) {
      throw new UncheckedIOException(
          "cannot sync "
              + path
              + ": a write or sync failed, and what was appended since the last sync may not be on"
              + " disk",
          failed);
    }
  }
}
