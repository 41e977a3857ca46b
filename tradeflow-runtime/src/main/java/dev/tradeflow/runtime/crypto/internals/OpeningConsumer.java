package dev.tradeflow.runtime.crypto.internals;

import dev.tradeflow.runtime.KafkaRecords;
import dev.tradeflow.runtime.crypto.RecordDecryptionException;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Streams app's consumer, which opens each value before the app's deserializers see it. A value
 * that cannot be opened is passed on as stored, so that the app's deserialization handler parks the
 * record, bytes intact, in its dead-letter topic; why it could not be opened is logged here.
 */
final class OpeningConsumer extends KafkaConsumer<byte[], byte[]> {

  private static final Logger log = LoggerFactory.getLogger(OpeningConsumer.class);

  private final RecordEncryption encryption;

  OpeningConsumer(Map<String, Object> props, RecordEncryption encryption) {
    super(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.encryption = encryption;
  }

  @Override
  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
    if (records.isEmpty() || !encryption.enabled()) {
      return records;
    }
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> opened = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        list.add(opened(record));
      }
      opened.put(partition, list);
    }
    return new ConsumerRecords<>(opened, records.nextOffsets());
  }

  private ConsumerRecord<byte[], byte[]> opened(ConsumerRecord<byte[], byte[]> record) {
    byte[] value;
    try {
      value = encryption.open(record);
    } catch (RecordDecryptionException e) {
      log.warn(
          "{}-{}@{} is passed on undecrypted: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return record;
    }
    if (value == record.value()) {
      return record;
    }
    return KafkaRecords.withKeyAndValue(record, record.key(), value);
  }
}
