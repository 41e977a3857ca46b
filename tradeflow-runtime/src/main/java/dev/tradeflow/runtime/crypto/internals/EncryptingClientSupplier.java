package dev.tradeflow.runtime.crypto.internals;

import dev.tradeflow.runtime.crypto.RecordEncryption;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * A Streams app's clients with {@link RecordEncryption}: its producers seal and its consumers
 * (main, restore and global) open, so that its topology reads and writes plaintext while its topics
 * hold ciphertext. Internal topics (changelogs, repartitions) are not covered.
 */
public final class EncryptingClientSupplier implements KafkaClientSupplier {

  private final RecordEncryption encryption;

  public EncryptingClientSupplier(RecordEncryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    return Admin.create(config);
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    return encryption.producer(config, new ByteArraySerializer());
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    return consumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    return consumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    return consumer(config);
  }

  private Consumer<byte[], byte[]> consumer(Map<String, Object> config) {
    return new OpeningConsumer(config, encryption);
  }
}
