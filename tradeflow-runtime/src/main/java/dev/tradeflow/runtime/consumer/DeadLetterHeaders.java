package dev.tradeflow.runtime.consumer;

/**
 * The headers a {@link ReliableConsumer} adds to a record it parks in {@code <topic>.dlq}, next to
 * the record's own key, value and headers. All values are UTF-8 text.
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

  private DeadLetterHeaders() {}
}
