package dev.tradeflow.runtime.crypto;

import dev.tradeflow.runtime.crypto.internals.SealingStoreBuilder;
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
   * The name the values of store {@code name} are sealed for, as a topic's name is for a record's:
   * the additional authenticated data, so that a value copied to another store fails to open.
   */
  public static String sealedFor(String name) {
    return "tf.store." + name;
  }
}
