package dev.tradeflow.runtime.dlq;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every dead letter carries in {@code <topic>.dlq}, next to the record's own key, value
 * and headers, whether a {@code ReliableConsumer} or a Streams processor parked it; and those of a
 * dead letter replayed onto its original topic. All values are UTF-8 text.
 */
public final class DeadLetterHeaders {

  /** Why the record was parked: one of the {@code REASON_*} values. */
  public static final String REASON = "tf-dlq-reason";

  public static final String TOPIC = "tf-dlq-topic";
  public static final String PARTITION = "tf-dlq-partition";
  public static final String OFFSET = "tf-dlq-offset";

  /** The original record's timestamp in epoch milliseconds, as Kafka keeps it. */
  public static final String TIMESTAMP = "tf-dlq-timestamp";

  public static final String CONSUMER_GROUP = "tf-dlq-consumer-group";
  public static final String EXCEPTION_CLASS = "tf-dlq-exception-class";
  public static final String EXCEPTION_MESSAGE = "tf-dlq-exception-message";

  /** SHA-256 (lower-case hex) of the stack trace text: groups records that failed the same way. */
  public static final String STACK_TRACE_DIGEST = "tf-dlq-stacktrace-sha256";

  public static final String ATTEMPTS = "tf-dlq-attempts";

  /** ISO-8601 instants of the first and the last failed attempt. */
  public static final String FIRST_FAILURE = "tf-dlq-first-failure";

  public static final String LAST_FAILURE = "tf-dlq-last-failure";

  /** On a record parked behind another: the offset of the first parked record with its key. */
  public static final String PARKED_BEHIND_OFFSET = "tf-dlq-parked-behind-offset";

  public static final String REASON_NON_RETRYABLE = "non-retryable";
  public static final String REASON_RETRIES_EXHAUSTED = "retries-exhausted";
  public static final String REASON_DESERIALIZATION = "deserialization-failed";
  public static final String REASON_PARKED_BEHIND = "parked-behind";

  /**
   * On a replayed record: the id of the dead letter it replays ({@code
   * <dlq>:<partition>:<offset>}).
   */
  public static final String REPLAY_OF = "tf-replay-of";

  /**
   * On a replayed record: where the original record was, as {@code <topic>:<partition>:<offset>}.
   */
  public static final String REPLAY_ORIGINAL = "tf-replay-original";

  public static final String REPLAYED_AT = "tf-replayed-at";

  /** Prefix of the headers a parked record gets, which its replay leaves behind. */
  public static final String PREFIX = "tf-dlq-";

  /** Headers count toward the record size limit: an unbounded message could make parking fail. */
  private static final int MAX_MESSAGE_CHARS = 2_000;

  private DeadLetterHeaders() {}

  /** A parked record's headers: its own, then where it was read and why it was parked. */
  public static Headers origin(
      Headers own,
      String topic,
      int partition,
      long offset,
      long timestamp,
      String consumerGroup,
      String reason) {
    Headers headers = new RecordHeaders(own.toArray());
    add(headers, REASON, reason);
    add(headers, TOPIC, topic);
    add(headers, PARTITION, Integer.toString(partition));
    add(headers, OFFSET, Long.toString(offset));
    add(headers, TIMESTAMP, Long.toString(timestamp));
    add(headers, CONSUMER_GROUP, consumerGroup);
    return headers;
  }

  /** Adds what failed and how often to a parked record's headers. */
  public static void addFailure(
      Headers headers, Throwable failure, int attempts, Instant firstFailure, Instant lastFailure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    add(headers, EXCEPTION_CLASS, failure.getClass().getName());
    add(
        headers,
        EXCEPTION_MESSAGE,
        message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message);
    add(headers, STACK_TRACE_DIGEST, stackTraceDigest(failure));
    add(headers, ATTEMPTS, Integer.toString(attempts));
    add(headers, FIRST_FAILURE, firstFailure.toString());
    add(headers, LAST_FAILURE, lastFailure.toString());
  }

  public static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The last value of a header as text, or null when the record has none. */
  public static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
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
