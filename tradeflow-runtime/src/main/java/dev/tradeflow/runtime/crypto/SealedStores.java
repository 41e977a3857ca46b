package dev.tradeflow.runtime.crypto;

import dev.tradeflow.runtime.crypto.internals.SealingStoreBuilder;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Persistent key-value stores of a Streams app whose values are sealed, when encryption is enabled,
 * under the data key of the subject their key names: in the changelog topic and in the local store
 * alike, so that a shred reaches the state built from a subject's records, not only the records. A
 * read of a shredded subject's value fails with a {@link RecordDecryptionException}. A value stored
 * before encryption was turned on still reads.
 */
public final class SealedStores {

  private SealedStores() {}

  /**
   * @param subjectOfKey the subject (the record key whose data key seals it) of a store key
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(
      String name,
      Serde<V> values,
      UnaryOperator<String> subjectOfKey,
      RecordEncryption encryption) {
    if (!encryption.enabled()) {
      return Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
    return new SealingStoreBuilder<>(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray()),
        values,
        subjectOfKey,
        encryption);
  }

  /**
   * A value of store {@code name} under {@code key}, sealed for its subject. The additional
   * authenticated data binds the store and the key, as a topic's name binds a record's: a value
   * copied to another key or store fails to open.
   */
  public static byte[] seal(
      RecordEncryption encryption, String name, String key, String subject, byte[] value) {
    return encryption.seal(sealedFor(name, key), subject, value);
  }

  /**
   * A stored value of store {@code name} under {@code key}, opened: as a store reads it, and as a
   * tool reading the store's changelog must (replay --verify). A value stored before encryption was
   * turned on is returned as it is; it stays plaintext until its key is written again.
   *
   * @throws RecordDecryptionException when it cannot be opened, or its subject's key was shredded
   */
  public static byte[] open(
      RecordEncryption encryption, String name, String key, String subject, byte[] stored) {
    return encryption.open(sealedFor(name, key), subject, stored);
  }

  /**
   * {@link #open}, or empty when the subject's key was shredded: the value is gone for good, and a
   * scan of the store (or of its changelog) passes over it as over a deleted one.
   *
   * @throws RecordDecryptionException when it cannot be opened for another reason
   */
  public static Optional<byte[]> openUnlessShredded(
      RecordEncryption encryption, String name, String key, String subject, byte[] stored) {
    try {
      return Optional.of(open(encryption, name, key, subject, stored));
    } catch (RecordDecryptionException e) {
      if (e.shredded()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String sealedFor(String name, String key) {
    return "tf.store." + name + "/" + key;
  }
}
