package dev.tradeflow.runtime.crypto;

import dev.tradeflow.schemas.crypto.KeyShreddedException;

/**
 * A stored value that cannot be decrypted: its key was shredded or cannot be had here, it was
 * altered, or it was written for another topic or record key. A property of the record, so a
 * reliable consumer parks it rather than trying again.
 */
public final class RecordDecryptionException extends RuntimeException {

  RecordDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }

  RecordDecryptionException(String message) {
    super(message);
  }

  /** True when the value's data key was destroyed on purpose: it is gone for good. */
  public boolean shredded() {
    return getCause() instanceof KeyShreddedException;
  }
}
