package dev.tradeflow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold a secret made on the first run (a password, a private key): owner-only, whole
 * when they appear, and never replaced, so that two processes starting at once end up with the same
 * secret.
 */
public final class SecretFiles {

  private SecretFiles() {}

  /**
   * Writes {@code content} to {@code file} unless it exists, and returns what the file holds:
   * {@code content}, or what another process wrote first.
   */
  public static String createOnce(Path file, String content) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      if (!Files.exists(file)) {
        Path temp =
            Files.createTempFile(
                dir,
                ".secret",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
          Files.writeString(temp, content, StandardCharsets.UTF_8);
          // A hard link appears whole and fails if the file exists, where a rename would replace.
          Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
          // another process won: its secret is the one
        } finally {
          Files.delete(temp);
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make the secret file " + file, e);
    }
  }
}
