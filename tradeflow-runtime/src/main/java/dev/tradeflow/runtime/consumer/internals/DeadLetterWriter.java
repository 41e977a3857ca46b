package dev.tradeflow.runtime.consumer.internals;

import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records that cannot be processed to {@code <topic>.dlq}: the original key, value and
 * headers untouched, plus the {@link DeadLetterHeaders}. Each write is confirmed before it returns,
 * because the caller commits past the record next.
 */
public final class DeadLetterWriter implements AutoCloseable {

  private final Producer<byte[], byte[]> producer;
  private final String groupId;

  /** Each parked record is awaited on its own before the commit: no lingering for a batch. */
  public DeadLetterWriter(KafkaClients clients, String groupId) {
    this.producer =
        clients
            .encryption()
            .producer(clients.interactiveProducerProps(), new ByteArraySerializer());
    this.groupId = groupId;
  }

  /**
   * Parks a record that failed.
   *
   * @throws KafkaException if the dead-letter queue did not confirm the write
   */
  public void park(
      ConsumerRecord<byte[], byte[]> record,
      String reason,
      Throwable failure,
      int attempts,
      Instant firstFailure,
      Instant lastFailure) {
    Headers headers = origin(record, reason);
    DeadLetterHeaders.addFailure(headers, failure, attempts, firstFailure, lastFailure);
    send(record, headers);
  }

  /**
   * Parks a record that was not attempted because an earlier record with its key is parked.
   *
   * @throws KafkaException if the dead-letter queue did not confirm the write
   */
  public void parkBehind(ConsumerRecord<byte[], byte[]> record, long parkedFirstOffset) {
    Headers headers = origin(record, DeadLetterHeaders.REASON_PARKED_BEHIND);
    DeadLetterHeaders.add(
        headers, DeadLetterHeaders.PARKED_BEHIND_OFFSET, Long.toString(parkedFirstOffset));
    send(record, headers);
  }

  @Override
  public void close() {
    producer.close();
  }

  private Headers origin(ConsumerRecord<byte[], byte[]> record, String reason) {
    return DeadLetterHeaders.origin(
        record.headers(),
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        groupId,
        reason);
  }

  private void send(ConsumerRecord<byte[], byte[]> record, Headers headers) {
    String dlq = Topics.dlqOf(record.topic());
    // Keyed like the original, so records of one key stay in order in the DLQ for their replay.
    ProducerRecord<byte[], byte[]> parked =
        new ProducerRecord<>(dlq, null, record.key(), record.value(), headers);
    try {
      producer.send(parked).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      throw new KafkaException(
          "could not park "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + " in "
              + dlq
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    }
  }
}
