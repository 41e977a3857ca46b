package dev.tradeflow.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The checkpoint keys in a directory: {@code <key id>.key} holds a signing key (secret, owner-only)
 * and {@code <key id>.pub} its verifier key (public, for auditors). Every signing key present signs
 * each checkpoint, so a rotation is: add the new key, let both sign while verifiers learn it, then
 * retire the old one — its verifier key stays, so the checkpoints it signed still verify.
 */
public final class KeyRing {

  private final List<SigningKey> signing;
  private final List<VerifierKey> verifiers;

  private KeyRing(List<SigningKey> signing, List<VerifierKey> verifiers) {
    this.signing = List.copyOf(signing);
    this.verifiers = List.copyOf(verifiers);
  }

  /**
   * The keys in {@code dir}.
   *
   * @throws IllegalArgumentException naming a file that holds no valid key
   */
  public static KeyRing load(Path dir) {
    List<SigningKey> signing = new ArrayList<>();
    List<VerifierKey> verifiers = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      for (Path file : files(dir)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".key")) {
          signing.add(read(file, SigningKey::parse));
        } else if (name.endsWith(".pub")) {
          verifiers.add(read(file, VerifierKey::parse));
        }
      }
    }
    for (SigningKey key : signing) {
      if (!verifiers.contains(key.verifierKey())) {
        verifiers.add(key.verifierKey());
      }
    }
    return new KeyRing(signing, verifiers);
  }

  /** The keys in {@code dir}, with a new signing key named {@code name} if it had none. */
  public static KeyRing loadOrGenerate(Path dir, String name) {
    KeyRing ring = load(dir);
    if (!ring.signing.isEmpty()) {
      return ring;
    }
    add(dir, SigningKey.generate(name));
    return load(dir);
  }

  /** Writes {@code key} into {@code dir}: it signs from the next start on. */
  public static void add(Path dir, SigningKey key) {
    String id = key.verifierKey().keyIdHex();
    try {
      Files.createDirectories(dir);
      Path secret = dir.resolve(id + ".key");
      Files.writeString(secret, "");
      restrictToOwner(secret);
      Files.writeString(secret, key.secretText() + "\n");
      Files.writeString(dir.resolve(id + ".pub"), key.verifierKey() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit key to " + dir, e);
    }
  }

  /** The keys that sign new checkpoints. */
  public List<SigningKey> signingKeys() {
    return signing;
  }

  /** The keys whose signatures are trusted: every signing key's, and every retired one's. */
  public List<VerifierKey> verifierKeys() {
    return verifiers;
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the audit keys in " + dir, e);
    }
  }

  private static <T> T read(Path file, Function<String, T> parser) {
    try {
      return parser.apply(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " holds no valid key: " + e.getMessage(), e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its own access control applies.
    }
  }
}
