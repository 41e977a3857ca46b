package dev.tradeflow.schemas.crypto;

import java.util.Set;

/**
 * The data keys, one or more per subject (the record key: a credit's id), each wrapped by a
 * key-encryption key where it is stored. A subject's payloads are encrypted with its current key;
 * destroying its keys (crypto-shredding) makes every payload of it unreadable for good.
 */
public interface DataKeys {

  /**
   * The key for new payloads of {@code subject}: made on first use and once the last is too old.
   */
  DataKey current(String subject);

  /**
   * The key {@code id}.
   *
   * @throws KeyShreddedException when it was destroyed
   * @throws IllegalStateException when no such key was ever made here
   */
  DataKey get(String id);

  /** A new key for {@code subject}, used from now on; payloads under older keys stay readable. */
  DataKey rotate(String subject);

  /** Destroys every key of {@code subject}; returns how many. */
  int shred(String subject);

  /**
   * The subjects with a destroyed key, as far as this process knows: its own shreds, and other
   * processes' once it has read of them. Copies of their data held elsewhere are to be erased too.
   */
  Set<String> shreddedSubjects();
}
