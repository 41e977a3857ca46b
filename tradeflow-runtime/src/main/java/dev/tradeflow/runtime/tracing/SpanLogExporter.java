package dev.tradeflow.runtime.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Writes one line a finished span to a file: end time, trace id, span id, parent span id ({@code -}
 * for a root), kind, name, duration and attributes. With the parent on every line, a trace's tree
 * can be read back from the file (`grep <trace id> traces.log`) without a collector.
 */
public final class SpanLogExporter implements SpanExporter {

  private final Path file;
  private final BufferedWriter out;

  public SpanLogExporter(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write spans to " + file, e);
    }
  }

  /** The line a span is written as. */
  public static String line(SpanData span) {
    SpanContext parent = span.getParentSpanContext();
    return Instant.ofEpochSecond(0, span.getEndEpochNanos())
        + " trace="
        + span.getTraceId()
        + " span="
        + span.getSpanId()
        + " parent="
        + (parent.isValid() ? parent.getSpanId() : "-")
        + " "
        + span.getKind()
        + " '"
        + span.getName()
        + "' "
        + TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos() - span.getStartEpochNanos())
        + "us "
        + span.getAttributes().asMap();
  }

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> spans) {
    try {
      for (SpanData span : spans) {
        out.write(line(span));
        out.newLine();
      }
      out.flush();
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      return CompletableResultCode.ofFailure();
    }
  }

  @Override
  public synchronized CompletableResultCode flush() {
    try {
      out.flush();
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      return CompletableResultCode.ofFailure();
    }
  }

  @Override
  public synchronized CompletableResultCode shutdown() {
    try {
      out.close();
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      return CompletableResultCode.ofFailure();
    }
  }

  @Override
  public String toString() {
    return "SpanLogExporter{" + file + "}";
  }
}
