package dev.tradeflow.registry.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.registry.CompatibilityLevel;
import dev.tradeflow.registry.RegistryMode;
import dev.tradeflow.registry.internals.RegistryState.Version;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Confluent's Schema Registry REST API over a {@link SchemaStore}. */
public final class RegistryRoutes {

  /** What the registry answers with, as Confluent's does. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaStore store;

  public RegistryRoutes(SchemaStore store) {
    this.store = store;
  }

  public void addTo(RoutesConfig routes) {
    routes.get("/", ctx -> send(ctx, JSON.createObjectNode()));
    routes.get("/subjects", this::subjects);
    routes.get("/subjects/{subject}/versions", this::versions);
    routes.post("/subjects/{subject}/versions", this::register);
    routes.get("/subjects/{subject}/versions/{version}", this::version);
    routes.get("/subjects/{subject}/versions/{version}/schema", this::rawSchema);
    routes.post("/subjects/{subject}", this::lookup);
    routes.delete("/subjects/{subject}", this::deleteSubject);
    routes.delete("/subjects/{subject}/versions/{version}", this::deleteVersion);
    routes.get("/schemas/ids/{id}", this::schemaById);
    routes.get("/schemas/ids/{id}/versions", this::schemaUses);
    routes.get("/schemas/types", ctx -> send(ctx, JSON.createArrayNode().add("AVRO")));
    routes.post("/compatibility/subjects/{subject}/versions/{version}", this::compatibility);
    routes.get("/config", ctx -> sendConfig(ctx, store.read(RegistryState::globalConfig)));
    routes.put("/config", ctx -> putConfig(ctx, Optional.empty()));
    routes.get("/config/{subject}", this::subjectConfig);
    routes.put("/config/{subject}", ctx -> putConfig(ctx, Optional.of(subject(ctx))));
    routes.get("/mode", ctx -> sendMode(ctx, store.read(RegistryState::mode)));
    routes.put("/mode", this::putMode);
    routes.exception(RegistryError.class, (e, ctx) -> error(ctx, e));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("registry request {} {} failed", ctx.method(), ctx.path(), e);
          // The message says what failed; the stack trace stays in the log.
          error(
              ctx,
              RegistryError.storeFailure(
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
  }

  private void subjects(Context ctx) {
    ArrayNode subjects = JSON.createArrayNode();
    store.read(s -> s.subjects(flag(ctx, "deleted"))).forEach(subjects::add);
    send(ctx, subjects);
  }

  private void versions(Context ctx) {
    String subject = subject(ctx);
    List<Version> versions = store.read(s -> s.versions(subject, flag(ctx, "deleted")));
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    ArrayNode numbers = JSON.createArrayNode();
    versions.forEach(v -> numbers.add(v.version()));
    send(ctx, numbers);
  }

  private void register(Context ctx) {
    JsonNode body = body(ctx);
    requireAvro(body);
    Optional<Integer> id =
        body.hasNonNull("id") ? Optional.of(body.get("id").asInt()) : Optional.empty();
    int registered = store.register(subject(ctx), body.path("schema").asText(null), id);
    send(ctx, JSON.createObjectNode().put("id", registered));
  }

  private void version(Context ctx) {
    send(
        ctx, describe(store.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"))));
  }

  private void rawSchema(Context ctx) {
    Version version = store.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"));
    ctx.contentType(CONTENT_TYPE).result(version.schema());
  }

  private void lookup(Context ctx) {
    JsonNode body = body(ctx);
    requireAvro(body);
    send(
        ctx,
        describe(
            store.lookup(subject(ctx), body.path("schema").asText(null), flag(ctx, "deleted"))));
  }

  private void deleteSubject(Context ctx) {
    ArrayNode numbers = JSON.createArrayNode();
    store.deleteSubject(subject(ctx), flag(ctx, "permanent")).forEach(numbers::add);
    send(ctx, numbers);
  }

  private void deleteVersion(Context ctx) {
    int deleted =
        store.deleteVersion(subject(ctx), ctx.pathParam("version"), flag(ctx, "permanent"));
    ctx.contentType(CONTENT_TYPE).result(Integer.toString(deleted));
  }

  private void schemaById(Context ctx) {
    int id = id(ctx);
    String schema =
        store.read(s -> s.schema(id)).orElseThrow(() -> RegistryError.schemaNotFound("" + id));
    send(ctx, JSON.createObjectNode().put("schema", schema));
  }

  private void schemaUses(Context ctx) {
    int id = id(ctx);
    List<Version> uses =
        store.read(
            s -> {
              if (s.schema(id).isEmpty()) {
                throw RegistryError.schemaNotFound("" + id);
              }
              return s.usesOf(id);
            });
    ArrayNode array = JSON.createArrayNode();
    uses.forEach(v -> array.addObject().put("subject", v.subject()).put("version", v.version()));
    send(ctx, array);
  }

  private void compatibility(Context ctx) {
    JsonNode body = body(ctx);
    requireAvro(body);
    List<String> problems =
        store.compatibility(
            subject(ctx), ctx.pathParam("version"), body.path("schema").asText(null));
    ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
    if (flag(ctx, "verbose")) {
      ArrayNode messages = answer.putArray("messages");
      problems.forEach(messages::add);
    }
    send(ctx, answer);
  }

  private void subjectConfig(Context ctx) {
    String subject = subject(ctx);
    Optional<CompatibilityLevel> level = store.read(s -> s.subjectConfig(subject));
    if (level.isPresent()) {
      sendConfig(ctx, level.get());
    } else if (flag(ctx, "defaultToGlobal")) {
      sendConfig(ctx, store.read(RegistryState::globalConfig));
    } else {
      throw RegistryError.subjectConfigNotFound(subject);
    }
  }

  private void putConfig(Context ctx, Optional<String> subject) {
    String text = body(ctx).path("compatibility").asText(null);
    CompatibilityLevel level;
    try {
      level = CompatibilityLevel.valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryError.invalidCompatibilityLevel(text);
    }
    store.setConfig(subject, level);
    send(ctx, JSON.createObjectNode().put("compatibility", level.name()));
  }

  private void putMode(Context ctx) {
    String text = body(ctx).path("mode").asText(null);
    RegistryMode mode;
    try {
      mode = RegistryMode.valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryError.invalidMode(text);
    }
    store.setMode(mode);
    send(ctx, JSON.createObjectNode().put("mode", mode.name()));
  }

  private static void sendConfig(Context ctx, CompatibilityLevel level) {
    send(ctx, JSON.createObjectNode().put("compatibilityLevel", level.name()));
  }

  private static void sendMode(Context ctx, RegistryMode mode) {
    send(ctx, JSON.createObjectNode().put("mode", mode.name()));
  }

  private static ObjectNode describe(Version v) {
    return JSON.createObjectNode()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema());
  }

  private static void requireAvro(JsonNode body) {
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw RegistryError.invalidSchema("schema type " + type + " is not supported; only AVRO");
    }
    if (body.path("references").size() > 0) {
      throw RegistryError.invalidSchema("schema references are not supported");
    }
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static int id(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw RegistryError.schemaNotFound(ctx.pathParam("id"));
    }
  }

  private static boolean flag(Context ctx, String name) {
    return "true".equalsIgnoreCase(ctx.queryParam(name));
  }

  private static JsonNode body(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw RegistryError.badRequest("the request body is not JSON: " + e.getMessage());
    }
  }

  private static void send(Context ctx, JsonNode json) {
    ctx.contentType(CONTENT_TYPE).result(json.toString());
  }

  private static void error(Context ctx, RegistryError e) {
    ctx.status(e.status())
        .contentType(CONTENT_TYPE)
        .result(
            JSON.createObjectNode()
                .put("error_code", e.errorCode())
                .put("message", e.getMessage())
                .toString());
  }
}
