package dev.tradeflow.app.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tradeflow.app.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small client of Tradeflow's public HTTP API, as any integrator would write one. */
public final class ApiClient {

  private final URI base;
  private final Optional<String> authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client without credentials: health and metrics only. */
  public ApiClient(URI base) {
    this(base, Optional.empty());
  }

  /**
   * A client that sends {@code authorization} ({@code Bearer <token>}) with every request, unless a
   * request names its own.
   */
  public ApiClient(URI base, String authorization) {
    this(base, Optional.of(authorization));
  }

  private ApiClient(URI base, Optional<String> authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** A response: the HTTP status and the JSON body as a map (empty when there is none). */
  public record Response(int status, Map<String, Object> body) {
    public String problemCode() {
      return String.valueOf(body.get("code"));
    }
  }

  public Response post(String path, Object json) {
    return post(path, json, Map.of());
  }

  /** A POST with extra headers, such as another user's {@code Authorization}. */
  public Response post(String path, Object json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(json)));
    return send(request, headers);
  }

  /** A GET of a JSON array, as a list of maps. */
  public java.util.List<Map<String, Object>> getList(String path) {
    String body = getText(path);
    try {
      return Json.mapper()
          .readValue(body, new TypeReference<java.util.List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("not a JSON array from " + path + ": " + body, e);
    }
  }

  public Response get(String path) {
    return get(path, Map.of());
  }

  /** A GET with extra headers, such as another user's {@code Authorization}. */
  public Response get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
  }

  public String getText(String path) {
    return exchange(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of()).body();
  }

  private Response send(HttpRequest.Builder request, Map<String, String> headers) {
    HttpResponse<String> response = exchange(request, headers);
    String body = response.body();
    try {
      Map<String, Object> json =
          body.isBlank() || body.startsWith("[")
              ? Map.of()
              : Json.mapper().readValue(body, new TypeReference<Map<String, Object>>() {});
      return new Response(response.statusCode(), json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON from " + request.build().uri() + ": " + body, e);
    }
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request, Map<String, String> headers) {
    headers.forEach(request::header);
    if (!headers.containsKey("Authorization")) {
      authorization.ifPresent(token -> request.header("Authorization", token));
    }
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the API did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
