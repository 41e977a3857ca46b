package dev.tradeflow.app.processor;

import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parks a record a Streams processor cannot take in a dead-letter sink, as the reliable consumer
 * does: the original bytes, and headers naming where it came from and why.
 */
public final class DeadLetterSink {

  private DeadLetterSink() {}

  public static void park(
      ProcessorContext<String, ?> context,
      Record<String, byte[]> record,
      RuntimeException failure,
      String reason,
      String sink) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    RecordMetadata meta = context.recordMetadata().orElseThrow();
    Headers headers =
        DeadLetterHeaders.origin(
            record.headers(),
            meta.topic(),
            meta.partition(),
            meta.offset(),
            record.timestamp(),
            context.applicationId(),
            reason);
    DeadLetterHeaders.addFailure(headers, failure, 1, now, now);
    @SuppressWarnings("unchecked")
    ProcessorContext<String, Object> out = (ProcessorContext<String, Object>) context;
    out.forward(record.withValue((Object) record.value()).withHeaders(headers), sink);
  }
}
