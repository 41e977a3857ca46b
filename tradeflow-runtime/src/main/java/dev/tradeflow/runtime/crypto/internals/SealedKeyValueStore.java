package dev.tradeflow.runtime.crypto.internals;

import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.crypto.SealedStores;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A typed key-value store over Streams' own store of bytes (metered, logged): each value is
 * serialized and then sealed under its key's subject, so the changelog and the local store hold
 * only ciphertext. Keys stay plain, as record keys do, so that ranges and prefix scans work.
 */
final class SealedKeyValueStore<V> implements KeyValueStore<String, V> {

  private final KeyValueStore<String, byte[]> bytes;
  private final UnaryOperator<String> subjectOfKey;
  private final RecordEncryption encryption;
  private final String name;
  // Made once: a JSON serde's deserializer() is a new object per call.
  private final Serializer<V> serializer;
  private final Deserializer<V> deserializer;

  SealedKeyValueStore(
      KeyValueStore<String, byte[]> bytes,
      Serde<V> values,
      UnaryOperator<String> subjectOfKey,
      RecordEncryption encryption) {
    this.bytes = bytes;
    this.subjectOfKey = subjectOfKey;
    this.encryption = encryption;
    this.name = bytes.name();
    this.serializer = values.serializer();
    this.deserializer = values.deserializer();
  }

  private byte[] seal(String key, V value) {
    if (value == null) {
      return null;
    }
    return SealedStores.seal(
        encryption, name, key, subjectOfKey.apply(key), serializer.serialize(name, value));
  }

  private V open(String key, byte[] stored) {
    if (stored == null) {
      return null;
    }
    return deserializer.deserialize(
        name, SealedStores.open(encryption, name, key, subjectOfKey.apply(key), stored));
  }

  @Override
  public void put(String key, V value) {
    bytes.put(key, seal(key, value));
  }

  @Override
  public V putIfAbsent(String key, V value) {
    return open(key, bytes.putIfAbsent(key, seal(key, value)));
  }

  @Override
  public void putAll(List<KeyValue<String, V>> entries) {
    bytes.putAll(entries.stream().map(e -> KeyValue.pair(e.key, seal(e.key, e.value))).toList());
  }

  @Override
  public V delete(String key) {
    return open(key, bytes.delete(key));
  }

  @Override
  public V get(String key) {
    return open(key, bytes.get(key));
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    return opening(bytes.range(from, to));
  }

  @Override
  public KeyValueIterator<String, V> reverseRange(String from, String to) {
    return opening(bytes.reverseRange(from, to));
  }

  @Override
  public KeyValueIterator<String, V> all() {
    return opening(bytes.all());
  }

  @Override
  public KeyValueIterator<String, V> reverseAll() {
    return opening(bytes.reverseAll());
  }

  @Override
  public <S extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
      P prefix, S prefixKeySerializer) {
    return opening(bytes.prefixScan(prefix, prefixKeySerializer));
  }

  @Override
  public long approximateNumEntries() {
    return bytes.approximateNumEntries();
  }

  /**
   * Values opened as they are read. A shredded subject's value is passed over, as a deleted one
   * would be: it is gone for good, and a listing should not fail for it (a get names it).
   */
  private KeyValueIterator<String, V> opening(KeyValueIterator<String, byte[]> stored) {
    return new KeyValueIterator<>() {
      private KeyValue<String, V> next;

      private boolean advance() {
        while (next == null && stored.hasNext()) {
          KeyValue<String, byte[]> entry = stored.next();
          SealedStores.openUnlessShredded(
                  encryption, name, entry.key, subjectOfKey.apply(entry.key), entry.value)
              .ifPresent(
                  plaintext ->
                      next = KeyValue.pair(entry.key, deserializer.deserialize(name, plaintext)));
        }
        return next != null;
      }

      @Override
      public boolean hasNext() {
        return advance();
      }

      @Override
      public KeyValue<String, V> next() {
        if (!advance()) {
          throw new NoSuchElementException();
        }
        KeyValue<String, V> entry = next;
        next = null;
        return entry;
      }

      @Override
      public String peekNextKey() {
        if (!advance()) {
          throw new NoSuchElementException();
        }
        return next.key;
      }

      @Override
      public void close() {
        stored.close();
      }
    };
  }

  // The rest is the store of bytes': Streams registers, commits and closes it through this one,
  // the root it was given.

  @Override
  public String name() {
    return bytes.name();
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    bytes.init(context, root);
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    bytes.commit(changelogOffsets);
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return bytes.committedOffset(partition);
  }

  // Deprecated in Streams, but what keeps it from wrapping the store in a legacy checkpointing one.
  @Override
  @SuppressWarnings("deprecation")
  public boolean managesOffsets() {
    return bytes.managesOffsets();
  }

  @Override
  public void close() {
    bytes.close();
  }

  @Override
  public boolean persistent() {
    return bytes.persistent();
  }

  @Override
  public boolean isOpen() {
    return bytes.isOpen();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
    // Interactive queries v2 would return the stored ciphertext: not offered.
    return QueryResult.forUnknownQueryType(query, this);
  }

  @Override
  public Position getPosition() {
    return bytes.getPosition();
  }
}
