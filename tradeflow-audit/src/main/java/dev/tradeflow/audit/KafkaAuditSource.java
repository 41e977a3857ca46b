package dev.tradeflow.audit;

import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The audit log as the cluster holds it: the topics themselves, read committed. */
public final class KafkaAuditSource implements AuditSource {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> reader;

  public KafkaAuditSource(KafkaClients clients) {
    this.reader =
        new KafkaConsumer<>(
            clients.readerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public List<CheckpointRecord> checkpoints() {
    List<CheckpointRecord> records = new ArrayList<>();
    readToEnd(partitionsOf(Topics.AUDIT_CHECKPOINTS), r -> records.add(checkpoint(r)));
    return records;
  }

  @Override
  public List<String> partitions() {
    List<String> partitions = new ArrayList<>();
    for (String topic : Topics.audited()) {
      partitionsOf(topic).forEach(p -> partitions.add(p.topic() + "/" + p.partition()));
    }
    return partitions;
  }

  @Override
  public void readPartition(String topic, int partition, Consumer<AuditedRecord> sink) {
    readToEnd(List.of(new TopicPartition(topic, partition)), r -> sink.accept(audited(r)));
  }

  /** The record as it was stored: what the sequencer hashed. */
  public static AuditedRecord audited(ConsumerRecord<byte[], byte[]> record) {
    List<AuditedRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new AuditedRecord.Header(header.key(), header.value()));
    }
    return new AuditedRecord(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.key(),
        record.value(),
        headers);
  }

  private static CheckpointRecord checkpoint(ConsumerRecord<byte[], byte[]> record) {
    try {
      return CheckpointRecord.fromJson(record.value());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage(),
          e);
    }
  }

  private List<TopicPartition> partitionsOf(String topic) {
    List<PartitionInfo> infos = reader.partitionsFor(topic);
    return infos == null
        ? List.of()
        : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private void readToEnd(
      List<TopicPartition> partitions, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    if (partitions.isEmpty()) {
      return;
    }
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = reader.endOffsets(partitions);
    while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
      for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          sink.accept(record);
        }
      }
    }
    reader.unsubscribe();
  }

  @Override
  public void close() {
    reader.close();
  }
}
