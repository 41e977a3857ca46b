package dev.tradeflow.runtime.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace context in Kafka record headers ({@code traceparent}, {@code tracestate}) and
 * starts the spans of a hop with the messaging semantic conventions' names and attributes.
 */
public final class KafkaTracing {

  public static final String INSTRUMENTATION_SCOPE = "dev.tradeflow";

  public static final AttributeKey<String> MESSAGING_SYSTEM =
      AttributeKey.stringKey("messaging.system");
  public static final AttributeKey<String> DESTINATION_NAME =
      AttributeKey.stringKey("messaging.destination.name");
  public static final AttributeKey<Long> PARTITION =
      AttributeKey.longKey("messaging.kafka.destination.partition");
  public static final AttributeKey<Long> OFFSET =
      AttributeKey.longKey("messaging.kafka.message.offset");
  public static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  public static final AttributeKey<String> MESSAGE_KEY =
      AttributeKey.stringKey("messaging.kafka.message.key");

  private static final TextMapSetter<Headers> SETTER =
      (headers, name, value) -> {
        // Replaced, not appended: a record forwarded on must name its new parent only, or a reader
        // taking the first value would skip the hop that forwarded it.
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
      };

  private static final TextMapGetter<Headers> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
          List<String> keys = new ArrayList<>();
          for (Header header : headers) {
            keys.add(header.key());
          }
          return keys;
        }

        @Override
        public String get(Headers headers, String name) {
          if (headers == null) {
            return null;
          }
          Header header = headers.lastHeader(name);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public KafkaTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** Writes the context's trace into the headers, replacing any trace they carried. */
  public void inject(Context context, Headers headers) {
    propagator.inject(context, headers, SETTER);
  }

  /** The trace the headers carry, as a parent context; the root context when they carry none. */
  public Context extract(Headers headers) {
    return propagator.extract(Context.root(), headers, GETTER);
  }

  /** Starts the span of sending one record: "{@code <topic>} publish". */
  public Span startPublish(Context parent, String topic, String key) {
    return messaging(parent, topic + " publish", SpanKind.PRODUCER, topic, key).startSpan();
  }

  /**
   * Starts the span of processing one record: "{@code <topic>} process".
   *
   * @param partition the record's partition, or negative when unknown
   * @param offset the record's offset, or negative when unknown
   * @param consumerGroup the group reading it, or null when it reads without one
   */
  public Span startProcess(
      Context parent, String topic, int partition, long offset, String consumerGroup, String key) {
    SpanBuilder builder = messaging(parent, topic + " process", SpanKind.CONSUMER, topic, key);
    if (partition >= 0) {
      builder.setAttribute(PARTITION, (long) partition);
    }
    if (offset >= 0) {
      builder.setAttribute(OFFSET, offset);
    }
    if (consumerGroup != null) {
      builder.setAttribute(CONSUMER_GROUP, consumerGroup);
    }
    return builder.startSpan();
  }

  public Tracer tracer() {
    return tracer;
  }

  private SpanBuilder messaging(
      Context parent, String name, SpanKind kind, String topic, String key) {
    SpanBuilder builder =
        tracer
            .spanBuilder(name)
            .setParent(parent)
            .setSpanKind(kind)
            .setAttribute(MESSAGING_SYSTEM, "kafka")
            .setAttribute(DESTINATION_NAME, topic);
    if (key != null) {
      builder.setAttribute(MESSAGE_KEY, key);
    }
    return builder;
  }
}
