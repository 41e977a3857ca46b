package dev.tradeflow.schemas.crypto;

/**
 * Wraps and unwraps data keys: a local keystore by default, a KMS in production (AWS KMS, Azure Key
 * Vault, HashiCorp Vault…) behind this interface. A key-encryption key never leaves it.
 */
public interface KeyEncryptionKey {

  /** A data key wrapped by the current key-encryption key, with that key's id. */
  WrappedKey wrap(byte[] dataKey);

  /**
   * The data key inside {@code wrapped}.
   *
   * @throws IllegalStateException when the key-encryption key it names is unknown, or the wrapped
   *     bytes were altered
   */
  byte[] unwrap(WrappedKey wrapped);

  /** A data key as stored: wrapped, and the id of the key-encryption key that wrapped it. */
  record WrappedKey(String kekId, byte[] bytes) {
    public WrappedKey {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }
}
