package dev.tradeflow.runtime.tracing;

import java.util.Locale;

/** Where finished spans go. */
public enum SpanExport {
  /** To the log, one line a span: the default, readable with no collector running. */
  LOGGING,
  /** To an OpenTelemetry collector over OTLP/gRPC. */
  OTLP,
  /** Nowhere: context is still propagated, so traces stay whole for the services around this. */
  NONE;

  /** Parses {@code logging}, {@code otlp} or {@code none}, in any case. */
  public static SpanExport parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown span exporter '" + name + "': expected logging, otlp or none", e);
    }
  }
}
