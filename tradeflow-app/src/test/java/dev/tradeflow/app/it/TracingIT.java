package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.reporting.Reporting;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One command's trace, from the HTTP request through the gateway's send and the processor to the
 * SQL reporting projection that consumes its events.
 */
class TracingIT {

  @Test
  void a_command_is_one_trace_from_the_request_to_the_reporting_projection() throws Exception {
    TradeflowService service = SharedKafka.service();
    String lcId = "TRACE-" + UUID.randomUUID().toString().substring(0, 8);
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callerSpanId = "00f067aa0ba902b7";

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        service.apiBase().resolve("/api/v1/lcs/" + lcId + "/commands"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", SharedKafka.bearer(service, "maker.mary", Role.MAKER))
                    .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            Json.toBytes(TestCommands.apply("c1"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);

    List<SpanData> trace =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> spansOf(traceId), spans -> spans.size() >= 4);
    SpanData server = only(trace, SpanKind.SERVER);
    SpanData publish = only(trace, SpanKind.PRODUCER);
    SpanData process = named(trace, "tf.lc.commands process");
    SpanData projection = named(trace, "tf.lc.events process");
    assertThat(server.getName()).isEqualTo("POST /api/v1/lcs/{lcId}/commands");
    assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
    assertThat(publish.getName()).isEqualTo("tf.lc.commands publish");
    assertThat(publish.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
    assertThat(process.getAttributes().get(KafkaTracing.OFFSET))
        .isEqualTo(publish.getAttributes().get(KafkaTracing.OFFSET));
    assertThat(process.getAttributes().get(KafkaTracing.CONSUMER_GROUP))
        .isEqualTo(service.config().streams().applicationId());
    // The event the processor wrote carries its context on to the projection's consumer.
    assertThat(projection.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(projection.getParentSpanId()).isEqualTo(process.getSpanId());
    assertThat(projection.getAttributes().get(KafkaTracing.CONSUMER_GROUP))
        .isEqualTo(Reporting.groupIdFor(service.config().jdbc()));
    assertThat(projection.getAttributes().get(KafkaTracing.MESSAGE_KEY)).isEqualTo(lcId);
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> named = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(named).as("spans named %s", name).hasSize(1);
    return named.get(0);
  }

  private static List<SpanData> spansOf(String traceId) {
    return SharedKafka.SPANS.getFinishedSpanItems().stream()
        .filter(span -> span.getTraceId().equals(traceId))
        .toList();
  }

  private static SpanData only(List<SpanData> spans, SpanKind kind) {
    List<SpanData> ofKind = spans.stream().filter(span -> span.getKind() == kind).toList();
    assertThat(ofKind).as("%s spans", kind).hasSize(1);
    return ofKind.get(0);
  }
}
