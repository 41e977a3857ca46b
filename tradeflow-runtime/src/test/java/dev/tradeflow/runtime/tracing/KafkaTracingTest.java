package dev.tradeflow.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaTracingTest {

  @TempDir Path dir;

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private final KafkaTracing tracing = new KafkaTracing(sdk);

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void the_context_injected_into_headers_is_extracted_from_them() {
    Span publish = tracing.startPublish(Context.root(), "tf.lc.commands", "LC-1");
    Headers headers = new RecordHeaders();

    tracing.inject(Context.root().with(publish), headers);
    SpanContext extracted = Span.fromContext(tracing.extract(headers)).getSpanContext();

    assertThat(extracted.isRemote()).isTrue();
    assertThat(extracted.getTraceId()).isEqualTo(publish.getSpanContext().getTraceId());
    assertThat(extracted.getSpanId()).isEqualTo(publish.getSpanContext().getSpanId());
  }

  @Test
  void injecting_replaces_the_trace_a_forwarded_record_carried() {
    Headers headers = new RecordHeaders();
    Span first = tracing.startPublish(Context.root(), "tf.lc.commands", "LC-1");
    tracing.inject(Context.root().with(first), headers);
    Span next = tracing.startProcess(tracing.extract(headers), "tf.lc.commands", 0, 7, "g", "LC-1");

    tracing.inject(Context.root().with(next), headers);

    assertThat(headers.headers("traceparent")).hasSize(1);
    assertThat(value(headers.lastHeader("traceparent")))
        .contains(next.getSpanContext().getSpanId());
  }

  @Test
  void headers_without_a_trace_give_no_parent() {
    assertThat(Span.fromContext(tracing.extract(new RecordHeaders())).getSpanContext().isValid())
        .isFalse();
  }

  @Test
  void spans_carry_the_messaging_conventions() {
    Span parent = tracing.startPublish(Context.root(), "tf.lc.commands", "LC-1");
    parent.end();
    tracing
        .startProcess(Context.root().with(parent), "tf.lc.commands", 3, 42, "tradeflow", "LC-1")
        .end();

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData publish = finished.get(0);
    SpanData process = finished.get(1);
    assertThat(publish.getName()).isEqualTo("tf.lc.commands publish");
    assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(publish.getAttributes().get(KafkaTracing.MESSAGING_SYSTEM)).isEqualTo("kafka");
    assertThat(publish.getAttributes().get(KafkaTracing.PARTITION)).isNull();
    assertThat(process.getName()).isEqualTo("tf.lc.commands process");
    assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
    assertThat(process.getAttributes().get(KafkaTracing.DESTINATION_NAME))
        .isEqualTo("tf.lc.commands");
    assertThat(process.getAttributes().get(KafkaTracing.PARTITION)).isEqualTo(3L);
    assertThat(process.getAttributes().get(KafkaTracing.OFFSET)).isEqualTo(42L);
    assertThat(process.getAttributes().get(KafkaTracing.CONSUMER_GROUP)).isEqualTo("tradeflow");
    assertThat(process.getAttributes().get(KafkaTracing.MESSAGE_KEY)).isEqualTo("LC-1");
  }

  @Test
  void the_exporter_is_named_in_configuration_words() {
    assertThat(SpanExport.parse(" OTLP ")).isEqualTo(SpanExport.OTLP);
    assertThat(SpanExport.parse("none")).isEqualTo(SpanExport.NONE);
    assertThatThrownBy(() -> SpanExport.parse("jaeger")).hasMessageContaining("logging, otlp");
  }

  @Test
  void the_service_sdk_propagates_w3c_trace_context_and_logs_each_span_with_its_parent()
      throws Exception {
    Path spanLog = dir.resolve("logs").resolve("traces.log");
    Span span;
    try (OpenTelemetrySdk service =
        Telemetry.create(SpanExport.LOGGING, Telemetry.DEFAULT_OTLP_ENDPOINT, spanLog)) {
      KafkaTracing serviceTracing = new KafkaTracing(service);
      span = serviceTracing.startPublish(Context.root(), "tf.lc.commands", "LC-1");
      Headers headers = new RecordHeaders();

      serviceTracing.inject(Context.root().with(span), headers);
      span.end();

      // The flags are not asserted: they may mark the trace id as random as well as sampled.
      assertThat(value(headers.lastHeader("traceparent")))
          .startsWith(
              "00-"
                  + span.getSpanContext().getTraceId()
                  + "-"
                  + span.getSpanContext().getSpanId()
                  + "-");
    }
    // Closing flushed the span to the log, a line with its parent (none: a root).
    assertThat(Files.readString(spanLog))
        .contains(
            "trace="
                + span.getSpanContext().getTraceId()
                + " span="
                + span.getSpanContext().getSpanId()
                + " parent=- PRODUCER 'tf.lc.commands publish'");
  }

  @Test
  void with_no_exporter_a_callers_trace_still_passes_through() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    Headers incoming = new RecordHeaders();
    incoming.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    try (OpenTelemetrySdk service =
        Telemetry.create(SpanExport.NONE, Telemetry.DEFAULT_OTLP_ENDPOINT, dir.resolve("unused"))) {
      KafkaTracing serviceTracing = new KafkaTracing(service);
      Span span =
          serviceTracing.startProcess(
              serviceTracing.extract(incoming), "tf.lc.commands", 0, 0, null, "LC-1");
      Headers outgoing = new RecordHeaders();

      serviceTracing.inject(Context.root().with(span), outgoing);
      span.end();

      assertThat(value(outgoing.lastHeader("traceparent")))
          .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }
  }

  private static String value(Header header) {
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
