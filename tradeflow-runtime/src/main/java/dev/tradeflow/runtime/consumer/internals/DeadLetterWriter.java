package dev.tradeflow.runtime.consumer.internals;

import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.consumer.DeadLetterHeaders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records that cannot be processed to {@code <topic>.dlq}: the original key, value and
 * headers untouched, plus the {@link DeadLetterHeaders}. Each write is confirmed before it returns,
 * because the caller commits past the record next.
 */
public final class DeadLetterWriter implements AutoCloseable {

  /** Headers count toward the record size limit: an unbounded message could make parking fail. */
  private static final int MAX_MESSAGE_CHARS = 2_000;

  private final Producer<byte[], byte[]> producer;
  private final String groupId;

  /**
   * @param producerProps idempotent, {@code acks=all} producer settings without serializers
   */
  public DeadLetterWriter(Map<String, Object> producerProps, String groupId) {
    this.producer =
        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
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
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    add(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
    add(
        headers,
        DeadLetterHeaders.EXCEPTION_MESSAGE,
        message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message);
    add(headers, DeadLetterHeaders.STACK_TRACE_DIGEST, stackTraceDigest(failure));
    add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
    add(headers, DeadLetterHeaders.FIRST_FAILURE, firstFailure.toString());
    add(headers, DeadLetterHeaders.LAST_FAILURE, lastFailure.toString());
    send(record, headers);
  }

  /**
   * Parks a record that was not attempted because an earlier record with its key is parked.
   *
   * @throws KafkaException if the dead-letter queue did not confirm the write
   */
  public void parkBehind(ConsumerRecord<byte[], byte[]> record, long parkedFirstOffset) {
    Headers headers = origin(record, DeadLetterHeaders.REASON_PARKED_BEHIND);
    add(headers, DeadLetterHeaders.PARKED_BEHIND_OFFSET, Long.toString(parkedFirstOffset));
    send(record, headers);
  }

  @Override
  public void close() {
    producer.close();
  }

  private Headers origin(ConsumerRecord<byte[], byte[]> record, String reason) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    add(headers, DeadLetterHeaders.REASON, reason);
    add(headers, DeadLetterHeaders.TOPIC, record.topic());
    add(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
    add(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
    add(headers, DeadLetterHeaders.TIMESTAMP, Long.toString(record.timestamp()));
    add(headers, DeadLetterHeaders.CONSUMER_GROUP, groupId);
    return headers;
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

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String stackTraceDigest(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(trace.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
