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

/** A small client of Tradeflow's public HTTP API, as any integrator would write one. */
public final class ApiClient {

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ApiClient(URI base) {
    this.base = base;
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

  /** A POST with extra headers, such as who sends it ({@code X-Tradeflow-Actor}). */
  public Response post(String path, Object json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(json)));
    headers.forEach(request::header);
    return send(request);
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
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public String getText(String path) {
    return exchange(HttpRequest.newBuilder(base.resolve(path)).GET()).body();
  }

  private Response send(HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(request);
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

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
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
