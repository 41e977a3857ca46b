package dev.tradeflow.runtime.crypto.internals;

import dev.tradeflow.runtime.crypto.RecordEncryption;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a {@link SealedKeyValueStore} over a store of bytes that Streams meters and logs. Not
 * cached: Streams flushes its record cache at a commit only for stores it sees as cached, and this
 * one, the root, is not one of its own, so dirty entries would reach the changelog after the
 * transaction that should hold them.
 */
public final class SealingStoreBuilder<V> implements StoreBuilder<KeyValueStore<String, V>> {

  private final StoreBuilder<KeyValueStore<String, byte[]>> bytes;
  private final Serde<V> values;
  private final UnaryOperator<String> subjectOfKey;
  private final RecordEncryption encryption;

  public SealingStoreBuilder(
      StoreBuilder<KeyValueStore<String, byte[]>> bytes,
      Serde<V> values,
      UnaryOperator<String> subjectOfKey,
      RecordEncryption encryption) {
    this.bytes = bytes;
    this.values = values;
    this.subjectOfKey = subjectOfKey;
    this.encryption = encryption;
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
    throw new UnsupportedOperationException(
        "a sealed store is not cached: its cache would not be flushed at a commit");
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
    bytes.withCachingDisabled();
    return this;
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
    bytes.withLoggingEnabled(config);
    return this;
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
    bytes.withLoggingDisabled();
    return this;
  }

  @Override
  public KeyValueStore<String, V> build() {
    return new SealedKeyValueStore<>(bytes.build(), values, subjectOfKey, encryption);
  }

  @Override
  public Map<String, String> logConfig() {
    return bytes.logConfig();
  }

  @Override
  public boolean loggingEnabled() {
    return bytes.loggingEnabled();
  }

  @Override
  public String name() {
    return bytes.name();
  }
}
