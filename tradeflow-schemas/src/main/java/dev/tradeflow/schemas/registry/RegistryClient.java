package dev.tradeflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of any registry that speaks Confluent's REST API (Tradeflow's, Confluent's, Apicurio's
 * ccompat), caching what never changes: the schema of an id, and the id of a schema under a
 * subject. Thread-safe.
 *
 * <p>A registry that cannot be reached, or answers 5xx, is an {@link UncheckedIOException}: worth
 * retrying. A refusal (4xx) is a {@link RegistryException} with Confluent's {@code error_code}.
 */
public final class RegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idBySubjectSchema = new ConcurrentHashMap<>();

  /**
   * @param baseUrl such as {@code http://localhost:8081}
   */
  public RegistryClient(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  public String baseUrl() {
    return base.toString();
  }

  /** Registers the schema under the subject (or finds it there); its id. */
  public int register(String subject, Schema schema) {
    return idBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        k -> {
          JsonNode answer = post("subjects/" + encode(subject) + "/versions", schema);
          int id = answer.get("id").asInt();
          schemaById.putIfAbsent(id, schema);
          return id;
        });
  }

  /** The id the schema has under the subject, if it is registered there. */
  public Optional<Integer> lookup(String subject, Schema schema) {
    Integer cached = idBySubjectSchema.get(new SubjectSchema(subject, schema));
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      int id = post("subjects/" + encode(subject), schema).get("id").asInt();
      idBySubjectSchema.put(new SubjectSchema(subject, schema), id);
      schemaById.putIfAbsent(id, schema);
      return Optional.of(id);
    } catch (RegistryException e) {
      if (e.errorCode() == 40401 || e.errorCode() == 40403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The schema registered with this id, if any. */
  public Optional<Schema> schemaById(int id) {
    Schema cached = schemaById.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      Schema schema = new Schema.Parser().parse(get("schemas/ids/" + id).get("schema").asText());
      schemaById.put(id, schema);
      return Optional.of(schema);
    } catch (RegistryException e) {
      if (e.errorCode() == 40403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * What keeps the schema from becoming the subject's next version at its compatibility level;
   * empty when it may (a subject without versions accepts anything).
   */
  public List<String> incompatibilities(String subject, Schema schema) {
    try {
      JsonNode answer =
          post(
              "compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
              schema);
      List<String> messages = new ArrayList<>();
      if (!answer.path("is_compatible").asBoolean(false)) {
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        if (messages.isEmpty()) {
          messages.add("incompatible with the latest version of " + subject);
        }
      }
      return messages;
    } catch (RegistryException e) {
      if (e.errorCode() == 40401 || e.errorCode() == 40402) {
        return List.of();
      }
      throw e;
    }
  }

  private JsonNode post(String path, Schema schema) {
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(TIMEOUT).header("Accept", CONTENT_TYPE).build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "schema registry " + base + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new IOException("interrupted while calling the schema registry", e));
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "schema registry " + base + " answered " + response.statusCode() + " without JSON", e);
    }
    if (response.statusCode() >= 500) {
      throw new UncheckedIOException(
          new IOException("schema registry " + base + " failed: " + json.path("message").asText()));
    }
    if (response.statusCode() >= 400) {
      throw new RegistryException(
          response.statusCode(),
          json.path("error_code").asInt(response.statusCode()),
          json.path("message").asText("refused " + built.method() + " " + built.uri()));
    }
    return json;
  }

  // Avro caches a schema's hash and compares the same instance at once: the key costs nothing on
  // every event written, where the schema's JSON text as the key cost a serialization and a hash.
  private record SubjectSchema(String subject, Schema schema) {}

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
