package dev.tradeflow.runtime.crypto.internals;

import dev.tradeflow.runtime.crypto.RecordEncryption;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A producer that seals each value before it is sent. A subclass rather than an interceptor: Kafka
 * logs and ignores an interceptor's failure and would send the plaintext.
 */
public final class SealingProducer<K> extends KafkaProducer<K, byte[]> {

  private final RecordEncryption encryption;

  public SealingProducer(
      Map<String, Object> props, Serializer<K> keys, RecordEncryption encryption) {
    super(props, keys, new ByteArraySerializer());
    this.encryption = encryption;
  }

  // send(record) comes here too.
  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, byte[]> record, Callback callback) {
    return super.send(
        new ProducerRecord<>(
            record.topic(),
            record.partition(),
            record.timestamp(),
            record.key(),
            encryption.seal(record.topic(), record.key(), record.value()),
            record.headers()),
        callback);
  }
}
