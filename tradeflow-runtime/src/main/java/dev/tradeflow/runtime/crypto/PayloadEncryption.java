package dev.tradeflow.runtime.crypto;

import dev.tradeflow.runtime.SecretFiles;
import dev.tradeflow.runtime.TradeflowConfig.CryptoSettings;
import dev.tradeflow.schemas.crypto.DataKeys;
import dev.tradeflow.schemas.crypto.JournalDataKeys;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of {@code crypto.*}: the keystore of key-encryption keys and the data keys, as every
 * reader and writer of records in this process uses them (through {@link RecordEncryption}) and the
 * {@code crypto} commands manage them.
 */
public final class PayloadEncryption {

  private final Pkcs12KeyEncryptionKey kek;
  private final DataKeys dataKeys;

  private PayloadEncryption(Pkcs12KeyEncryptionKey kek, DataKeys dataKeys) {
    this.kek = kek;
    this.dataKeys = dataKeys;
  }

  // One per settings in a process: the processor, the projection and the tools of one JVM share
  // its caches, and a credit gets one key, not one per reader that meets it first.
  private static final Map<CryptoSettings, PayloadEncryption> OPEN = new ConcurrentHashMap<>();

  /** Opens the keystore (made on first use) and the data keys, once per process. */
  public static PayloadEncryption open(CryptoSettings settings) {
    return OPEN.computeIfAbsent(
        settings,
        s -> {
          Pkcs12KeyEncryptionKey kek =
              Pkcs12KeyEncryptionKey.openOrCreate(settings.keystore(), password(settings));
          return new PayloadEncryption(
              kek,
              new JournalDataKeys(
                  settings.dataKeysDir(), kek, settings.dataKeyRotation(), Clock.systemUTC()));
        });
  }

  public Pkcs12KeyEncryptionKey keyEncryptionKeys() {
    return kek;
  }

  public DataKeys dataKeys() {
    return dataKeys;
  }

  /**
   * The configured password, or for the embedded default one generated into {@code
   * keystore.password} next to the keystore, owner-only (config validation requires a configured
   * one with a cluster).
   */
  private static char[] password(CryptoSettings settings) {
    if (settings.keystorePassword().isPresent()) {
      return settings.keystorePassword().get().toCharArray();
    }
    Path file = settings.keystore().toAbsolutePath().resolveSibling("keystore.password");
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    return SecretFiles.createOnce(file, Base64.getEncoder().encodeToString(secret))
        .strip()
        .toCharArray();
  }
}
