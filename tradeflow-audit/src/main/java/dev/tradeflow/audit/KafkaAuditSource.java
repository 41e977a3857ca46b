package dev.tradeflow.audit;

import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.audit.log.LogName;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicReader;
import dev.tradeflow.runtime.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** The audit log as the cluster holds it: the topics themselves, read committed. */
public final class KafkaAuditSource implements AuditSource {

  // Fails a read only when nothing arrives for this long: a large log takes as long as it takes.
  private static final Duration READ_STALL = Duration.ofSeconds(30);

  private final KafkaClients clients;

  public KafkaAuditSource(KafkaClients clients) {
    this.clients = clients;
  }

  @Override
  public List<CheckpointRecord> checkpoints() {
    List<CheckpointRecord> records = new ArrayList<>();
    TopicReader.readToEnd(
        clients, List.of(Topics.AUDIT_CHECKPOINTS), READ_STALL, r -> records.add(checkpoint(r)));
    return records;
  }

  @Override
  public List<String> partitions() {
    return TopicReader.partitionsOf(clients, Topics.audited(), READ_STALL).stream()
        .map(p -> LogName.keyOf(p.topic(), p.partition()))
        .toList();
  }

  @Override
  public void readPartition(String topic, int partition, Consumer<AuditedRecord> sink) {
    TopicReader.readPartitionsToEnd(
        clients,
        List.of(new TopicPartition(topic, partition)),
        READ_STALL,
        r -> sink.accept(audited(r)));
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
}
