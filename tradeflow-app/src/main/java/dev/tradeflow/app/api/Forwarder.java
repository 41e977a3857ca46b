package dev.tradeflow.app.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance, on a client's behalf, what only it can answer (its partitions' stores):
 * the same method, path, query and body, with who the client is, and a header that stops the other
 * instance from forwarding again.
 */
final class Forwarder {

  private final HttpClient client = HttpClient.newHttpClient();

  /** The client's request, answered by {@code host}: its status, content type and body. */
  void relay(Context ctx, HostInfo host) {
    HttpResponse<String> response =
        send(
            ctx,
            host,
            ctx.path() + Optional.ofNullable(ctx.queryString()).map(q -> "?" + q).orElse(""));
    ctx.status(response.statusCode())
        .contentType(response.headers().firstValue("Content-Type").orElse("application/json"))
        .result(response.body());
  }

  /** The client's request, sent to {@code pathAndQuery} on {@code host}. */
  HttpResponse<String> send(Context ctx, HostInfo host, String pathAndQuery) {
    String body = ctx.body();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
            .header(HttpApi.FORWARDED, "1")
            .timeout(Duration.ofSeconds(10))
            .method(
                ctx.method().name(),
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    // The client's own token: the instance that answers verifies it again.
    Optional.ofNullable(ctx.header(HttpApi.AUTHORIZATION))
        .ifPresent(token -> builder.header(HttpApi.AUTHORIZATION, token));
    Optional.ofNullable(ctx.contentType()).ifPresent(type -> builder.header("Content-Type", type));
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new HttpApi.InstanceUnavailable(
          "instance " + host + " did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
