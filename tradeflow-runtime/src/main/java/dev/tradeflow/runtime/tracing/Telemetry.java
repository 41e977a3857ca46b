package dev.tradeflow.runtime.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;

/** Builds the OpenTelemetry SDK the service traces with. */
public final class Telemetry {

  public static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4317";

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private Telemetry() {}

  /**
   * An SDK propagating W3C trace context and exporting in batches, so that a slow or absent
   * collector never holds up a command; close it to flush what is buffered.
   *
   * @param otlpEndpoint the collector's gRPC endpoint, used only by {@link SpanExport#OTLP}
   * @param spanLog where {@link SpanExport#LOGGING} writes a line a span ({@link SpanLogExporter})
   */
  public static OpenTelemetrySdk create(SpanExport export, String otlpEndpoint, Path spanLog) {
    SdkTracerProviderBuilder tracers =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(Resource.create(Attributes.of(SERVICE_NAME, "tradeflow"))));
    SpanExporter exporter =
        switch (export) {
          case LOGGING -> new SpanLogExporter(spanLog);
          case OTLP -> OtlpGrpcSpanExporter.builder().setEndpoint(otlpEndpoint).build();
          case NONE -> null;
        };
    if (exporter != null) {
      tracers.addSpanProcessor(BatchSpanProcessor.builder(exporter).build());
    }
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracers.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
