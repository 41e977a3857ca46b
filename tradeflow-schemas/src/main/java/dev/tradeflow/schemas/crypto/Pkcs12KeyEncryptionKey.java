package dev.tradeflow.schemas.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key-encryption keys in a PKCS#12 keystore: AES-256 entries named {@code kek-1}, {@code kek-2}…,
 * the highest one wrapping new data keys (AES Key Wrap, RFC 3394) and every one unwrapping the data
 * keys it wrapped, so that a rotation ({@link #rotate}) leaves old records readable. The keystore
 * is created with a first key on first use; its password comes from the configuration.
 */
public final class Pkcs12KeyEncryptionKey implements KeyEncryptionKey {

  private static final String PREFIX = "kek-";

  private final Path file;
  private final char[] password;
  private final KeyStore store;
  // Reading an entry runs the keystore's password-based decryption (PBKDF2): once per key.
  private final Map<String, SecretKey> unlocked = new HashMap<>();

  private Pkcs12KeyEncryptionKey(Path file, char[] password, KeyStore store) {
    this.file = file;
    this.password = password.clone();
    this.store = store;
  }

  /**
   * Opens the keystore, creating it with a first key when the file does not exist.
   *
   * @throws IllegalStateException when the file is not a PKCS#12 keystore with this password
   */
  public static Pkcs12KeyEncryptionKey openOrCreate(Path file, char[] password) {
    Objects.requireNonNull(file, "file");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          store.load(in, password);
        }
        Pkcs12KeyEncryptionKey kek = new Pkcs12KeyEncryptionKey(file, password, store);
        if (kek.generations().isEmpty()) {
          throw new IllegalStateException(file + " holds no key-encryption key (kek-N)");
        }
        return kek;
      }
      store.load(null, password);
      Pkcs12KeyEncryptionKey kek = new Pkcs12KeyEncryptionKey(file, password, store);
      kek.rotate();
      return kek;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot open the keystore " + file + " (wrong password?): " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the keystore " + file + ": " + e, e);
    }
  }

  /** Adds a new key-encryption key; it wraps every data key from now on. Returns its id. */
  public synchronized String rotate() {
    List<Integer> generations = generations();
    String id = PREFIX + (generations.isEmpty() ? 1 : Collections.max(generations) + 1);
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      store.setEntry(
          id,
          new KeyStore.SecretKeyEntry(generator.generateKey()),
          new KeyStore.PasswordProtection(password));
      save();
      return id;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot add a key-encryption key: " + e, e);
    }
  }

  /** The id of the key that wraps new data keys. */
  public synchronized String currentId() {
    return PREFIX + Collections.max(generations());
  }

  @Override
  public synchronized WrappedKey wrap(byte[] dataKey) {
    String id = currentId();
    try {
      Cipher cipher = Cipher.getInstance("AESWrap");
      cipher.init(Cipher.WRAP_MODE, key(id));
      return new WrappedKey(id, cipher.wrap(new SecretKeySpec(dataKey, "AES")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a data key: " + e, e);
    }
  }

  @Override
  public synchronized byte[] unwrap(WrappedKey wrapped) {
    try {
      Cipher cipher = Cipher.getInstance("AESWrap");
      cipher.init(Cipher.UNWRAP_MODE, key(wrapped.kekId()));
      return cipher.unwrap(wrapped.bytes(), "AES", Cipher.SECRET_KEY).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot unwrap a data key with " + wrapped.kekId() + ": " + e, e);
    }
  }

  private SecretKey key(String id) throws GeneralSecurityException {
    SecretKey cached = unlocked.get(id);
    if (cached != null) {
      return cached;
    }
    Key key = store.getKey(id, password);
    if (!(key instanceof SecretKey secret)) {
      throw new IllegalStateException("no key-encryption key " + id + " in " + file);
    }
    unlocked.put(id, secret);
    return secret;
  }

  private List<Integer> generations() {
    try {
      return Collections.list(store.aliases()).stream()
          .filter(a -> a.startsWith(PREFIX))
          .map(a -> Integer.parseInt(a.substring(PREFIX.length())))
          .toList();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot list " + file + ": " + e, e);
    }
  }

  /** Writes the keystore to a temporary file, owner-only, then moves it into place. */
  private void save() throws GeneralSecurityException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temporary);
      Files.createFile(temporary);
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: its own access control applies.
      }
      try (OutputStream out = Files.newOutputStream(temporary)) {
        store.store(out, password);
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the keystore " + file, e);
    }
  }
}
