package dev.tradeflow.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tradeflow.app.auth.TokenVerifier;
import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.command.CommandGateway;
import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.issuance.IssuanceQueries;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.query.LcQueries;
import dev.tradeflow.app.query.LcSummary;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.crypto.RecordDecryptionException;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: commands in, views out. A command is answered once its outcome is committed (200,
 * or a problem for a rejection), or with 202 and where to look when that takes longer than the
 * configured wait. Queries are answered from the instance that holds the LC's partition.
 */
public final class HttpApi implements AutoCloseable {

  /** Marks a query forwarded from another instance, so it is answered locally and not again. */
  static final String FORWARDED = "X-Tradeflow-Forwarded";

  static final String AUTHORIZATION = "Authorization";

  /** The verified caller of an {@code /api/} request, set before its route runs. */
  private static final String USER = "tradeflow.user";

  static final String CORRELATION = "X-Correlation-Id";

  /** Prometheus' text exposition format, which every scraper reads. */
  static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  static final String COMMANDS = "tradeflow.api.commands";
  static final String COMMAND_LATENCY = "tradeflow.api.command.latency";

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String COMMANDS_ROUTE = "/api/v1/lcs/{lcId}/commands";
  private static final AttributeKey<String> HTTP_METHOD =
      AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");

  /** Reads a caller's {@code traceparent} and {@code tracestate} from the request. */
  private static final TextMapGetter<Context> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
          return ctx.headerMap().keySet();
        }

        @Override
        public String get(Context ctx, String name) {
          return ctx == null ? null : ctx.header(name);
        }
      };

  private static final String KNOWN_TYPES =
      Arrays.stream(LcCommand.class.getPermittedSubclasses())
          .map(Class::getSimpleName)
          .collect(Collectors.joining(", "));

  private final CommandGateway gateway;

  /** Present while the issuance saga runs: it then issues credits and clears amendments. */
  private final Optional<IssuanceQueries> saga;

  private final LcQueries queries;
  private final Supplier<Map<String, Object>> health;
  private final Duration commandWait;
  private final Clock clock;
  private final PrometheusMeterRegistry meters;
  private final Forwarder forwarder = new Forwarder();
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Javalin server;
  private final AccessLog accessLog;
  private final Producer<String, byte[]> accessRecords;

  private HttpApi(
      CommandGateway gateway,
      Optional<IssuanceQueries> saga,
      LcQueries queries,
      Supplier<Map<String, Object>> health,
      Duration commandWait,
      Clock clock,
      PrometheusMeterRegistry meters,
      OpenTelemetry openTelemetry,
      List<RouteSet> more,
      AccessLog accessLog,
      Producer<String, byte[]> accessRecords,
      TokenVerifier tokens,
      String host,
      int port) {
    this.accessLog = accessLog;
    this.accessRecords = accessRecords;
    this.tracer = openTelemetry.getTracer(KafkaTracing.INSTRUMENTATION_SCOPE);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.gateway = gateway;
    this.saga = saga;
    this.queries = queries;
    this.health = health;
    this.commandWait = commandWait;
    this.clock = clock;
    this.meters = meters;
    this.server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              // Every API call names its caller with a token; health and metrics are open to
              // probes and scrapers.
              config.routes.before(
                  ctx -> {
                    if (ctx.path().startsWith("/api/")) {
                      ctx.attribute(USER, tokens.verify(ctx.header(AUTHORIZATION)));
                    }
                  });
              // A forwarded read is recorded again where it is served: the forwarding header is
              // one a client could send too.
              config.routes.before(
                  ctx -> {
                    if (AccessLog.readsPersonalData(ctx)) {
                      this.accessLog.record(ctx);
                    }
                  });
              config.routes.get("/health", this::health);
              config.routes.get("/metrics", this::metrics);
              config.routes.post(COMMANDS_ROUTE, this::submitCommand);
              config.routes.get("/api/v1/lcs/{lcId}/commands/{commandId}", this::commandOutcome);
              config.routes.get("/api/v1/lcs/{lcId}/events", this::history);
              config.routes.get("/api/v1/lcs/{lcId}", this::view);
              config.routes.get("/api/v1/lcs", this::list);
              more.forEach(routes -> routes.addTo(config.routes));
              config.routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, e.problem(ctx)));
              config.routes.exception(
                  TokenVerifier.Unauthenticated.class,
                  (e, ctx) -> {
                    ctx.header(
                        "WWW-Authenticate", "Bearer realm=\"tradeflow\", error=\"invalid_token\"");
                    problem(
                        ctx,
                        Problem.of(
                            401, "UNAUTHENTICATED", "Unauthenticated", e.getMessage(), ctx.path()));
                  });
              config.routes.exception(
                  Forbidden.class,
                  (e, ctx) ->
                      problem(
                          ctx,
                          Problem.of(403, e.code, "Not authorised", e.getMessage(), ctx.path())));
              config.routes.exception(
                  IssuanceRoutes.NotFound.class, (e, ctx) -> problem(ctx, e.problem(ctx)));
              config.routes.exception(
                  RecordDecryptionException.class,
                  (e, ctx) ->
                      problem(
                          ctx,
                          e.shredded()
                              ? Problem.of(
                                  410,
                                  "SHREDDED",
                                  "Destroyed by crypto-shredding",
                                  e.getMessage(),
                                  ctx.path())
                              : Problem.of(
                                  500,
                                  "UNREADABLE",
                                  "Stored data cannot be decrypted",
                                  e.getMessage(),
                                  ctx.path())));
              config.routes.exception(
                  IssuanceQueries.AmbiguousSagaId.class,
                  (e, ctx) ->
                      problem(
                          ctx,
                          Problem.of(
                              409,
                              "AMBIGUOUS_SAGA_ID",
                              "Ambiguous saga id",
                              e.getMessage(),
                              ctx.path())));
              config.routes.exception(
                  AccessLog.NotRecorded.class,
                  (e, ctx) -> {
                    LOG.error("a read of {} was refused: {}", ctx.path(), e.getMessage(), e);
                    problem(
                        ctx,
                        Problem.of(
                            503,
                            "ACCESS_NOT_RECORDED",
                            "Read not recorded",
                            e.getMessage() + "; reads of personal data are recorded first, retry",
                            ctx.path()));
                  });
              config.routes.exception(
                  InstanceUnavailable.class,
                  (e, ctx) ->
                      problem(
                          ctx,
                          Problem.of(
                              503,
                              "INSTANCE_UNAVAILABLE",
                              "Instance unavailable",
                              e.getMessage() + "; retry shortly",
                              ctx.path())));
              config.routes.exception(
                  InvalidStateStoreException.class,
                  (e, ctx) ->
                      problem(
                          ctx,
                          Problem.of(
                              503,
                              "STATE_RESTORING",
                              "State is being restored",
                              "the processor's state is moving between instances; retry shortly",
                              ctx.path())));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                    problem(
                        ctx,
                        Problem.of(
                            500, "INTERNAL", "Internal error", e.getClass().getName(), ctx.path()));
                  });
            });
  }

  /**
   * @param meters where the API counts and times commands, and what {@code GET /metrics} shows
   * @param openTelemetry traces each command from its request, continuing a caller's {@code
   *     traceparent}
   * @param more the routes of other parts of the service (reports, dead letters)
   * @param clients the clients that record each read of personal data ({@code tf.audit.access})
   */
  public static HttpApi start(
      CommandGateway gateway,
      Optional<IssuanceQueries> saga,
      LcQueries queries,
      Supplier<Map<String, Object>> health,
      Duration commandWait,
      PrometheusMeterRegistry meters,
      OpenTelemetry openTelemetry,
      List<RouteSet> more,
      KafkaClients clients,
      TokenVerifier tokens,
      String host,
      int port) {
    Producer<String, byte[]> accessRecords =
        clients
            .encryption()
            .producer(
                AccessLog.producerProps(clients.interactiveProducerProps()),
                new StringSerializer());
    HttpApi api =
        new HttpApi(
            gateway,
            saga,
            queries,
            health,
            commandWait,
            Clock.systemUTC(),
            meters,
            openTelemetry,
            more,
            new AccessLog(accessRecords, Clock.systemUTC()),
            accessRecords,
            tokens,
            host,
            port);
    api.server.start();
    return api;
  }

  public int port() {
    return server.port();
  }

  // --- commands ---------------------------------------------------------------------------------

  /**
   * The root of a command's trace (or a child of the caller's): the gateway's send, the processor
   * and every consumer of the events continue it.
   */
  private void submitCommand(Context ctx) {
    Span span =
        tracer
            .spanBuilder("POST " + COMMANDS_ROUTE)
            .setParent(propagator.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS))
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(HTTP_METHOD, "POST")
            .setAttribute(HTTP_ROUTE, COMMANDS_ROUTE)
            .startSpan();
    CompletableFuture<Void> answered;
    try (Scope scope = span.makeCurrent()) {
      answered = answerCommand(ctx);
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      span.end();
      throw e;
    }
    // Ended before Javalin is handed the result: once it writes the response, the request is
    // recycled and its status can no longer be read.
    CompletableFuture<Void> traced =
        answered.whenComplete(
            (done, error) -> {
              span.setAttribute(HTTP_STATUS, (long) ctx.statusCode());
              span.end();
            });
    ctx.future(() -> traced);
  }

  private CompletableFuture<Void> answerCommand(Context ctx) {
    long received = System.nanoTime();
    LcId lcId = lcId(ctx);
    LcCommand command = parseCommand(ctx.body());
    if (saga.isPresent() && isIssuanceStep(command)) {
      problem(
          ctx,
          Problem.of(
              409,
              "ISSUANCE_BY_SAGA",
              "Issued by the issuance saga",
              "applications are screened, credit-checked, approved and issued by the issuance"
                  + " saga; a checker approves one over the threshold with POST"
                  + " /api/v1/sagas/{id}/approval",
              ctx.path()));
      return CompletableFuture.completedFuture(null);
    }
    if (isLegalHold(command)) {
      requireRole(ctx, "place or release a legal hold", Role.COMPLIANCE, Role.ADMIN);
    } else {
      requireRole(ctx, "send " + command.type(), Role.MAKER, Role.ADMIN);
    }
    String actor = actor(ctx);
    String correlation =
        Optional.ofNullable(ctx.header(CORRELATION))
            .filter(c -> !c.isBlank())
            .orElse(command.commandId().value());
    CommandEnvelope envelope =
        new CommandEnvelope(lcId, command, actor, correlation, clock.instant());
    // An amendment that raises the amount or changes a party is screened and credit-checked
    // first, and a presentation's documents are screened: the saga answers it under its command
    // id, after the credit if it clears it.
    CompletableFuture<CommandResult> outcome =
        saga.isPresent()
                && (command instanceof LcCommand.RequestAmendment
                    || command instanceof LcCommand.PresentDocuments)
            ? gateway.submitForClearance(envelope)
            : gateway.submit(envelope);
    CompletableFuture<Void> answered =
        outcome
            // A copy: the same command id sent twice shares one outcome, not one deadline.
            .copy()
            .orTimeout(commandWait.toMillis(), TimeUnit.MILLISECONDS)
            // Off the listener thread, which must stay free to hear other outcomes.
            .handleAsync(
                (result, error) -> {
                  if (error == null) {
                    answer(ctx, result);
                    answered(command, result.outcome().name(), received);
                  } else if (error instanceof java.util.concurrent.TimeoutException) {
                    answered(command, "PENDING", received);
                    gateway.forget(envelope);
                    ctx.status(202)
                        .header("Location", commandLocation(lcId, command.commandId()))
                        .json(
                            Map.of(
                                "commandId",
                                command.commandId(),
                                "lcId",
                                lcId,
                                "status",
                                "PENDING",
                                "location",
                                commandLocation(lcId, command.commandId())));
                  } else {
                    answered(command, "UNKNOWN", received);
                    LOG.warn("no outcome for command {}", command.commandId(), error);
                    problem(
                        ctx,
                        Problem.of(
                                503,
                                "OUTCOME_UNKNOWN",
                                "Outcome unknown",
                                "the command's outcome is unknown ("
                                    + error.getMessage()
                                    + "); retry with the same commandId: it is idempotent",
                                ctx.path())
                            .with("commandId", command.commandId()));
                  }
                  return null;
                });
    return answered;
  }

  /**
   * Counts a command by its type and what the client was told: {@code ACCEPTED}, {@code REJECTED},
   * {@code PENDING} (202, still running) or {@code UNKNOWN} (no outcome could be read).
   */
  private void answered(LcCommand command, String outcome, long receivedNanos) {
    Counter.builder(COMMANDS)
        .description("Commands answered, by type and outcome")
        .tag("type", command.type())
        .tag("outcome", outcome)
        .register(meters)
        .increment();
    Timer.builder(COMMAND_LATENCY)
        .description("From receiving a command to answering it")
        .tag("type", command.type())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(meters)
        .record(Duration.ofNanos(System.nanoTime() - receivedNanos));
  }

  private void answer(Context ctx, CommandResult result) {
    if (result.isAccepted()) {
      ctx.status(200).json(result);
      return;
    }
    RejectionCode code = result.rejection().code();
    int status =
        code == RejectionCode.LC_NOT_FOUND
            ? 404
            : code == RejectionCode.COMMAND_ID_REUSED
                ? 409
                : code == RejectionCode.CREDIT_SHREDDED ? 410 : 422;
    problem(
        ctx,
        Problem.of(status, code.name(), "Command rejected", result.rejection().detail(), ctx.path())
            .with("commandId", result.commandId())
            .with("result", result));
  }

  private void commandOutcome(Context ctx) {
    LcId lcId = lcId(ctx);
    if (forwardIfRemote(ctx, lcId)) {
      return;
    }
    CommandId commandId;
    try {
      commandId = new CommandId(ctx.pathParam("commandId"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("commandId", e.getMessage());
    }
    Optional<CommandResult> result = queries.outcome(lcId, commandId);
    Optional<String> holding = saga.flatMap(q -> q.clearingStep(lcId, commandId));
    if (result.isEmpty() && holding.isPresent()) {
      // An amendment or presentation the saga is clearing: pending, and where it stands.
      String sagaPath = "/api/v1/sagas/" + lcId;
      ctx.status(202)
          .header("Location", commandLocation(lcId, commandId))
          .json(
              Map.of(
                  "commandId",
                  commandId,
                  "lcId",
                  lcId,
                  "status",
                  "PENDING",
                  "sagaStep",
                  holding.get(),
                  "saga",
                  sagaPath));
      return;
    }
    if (result.isEmpty()) {
      problem(
          ctx,
          Problem.of(
              404,
              "COMMAND_NOT_FOUND",
              "No outcome",
              "no outcome for command " + commandId + " on " + lcId + " (yet)",
              ctx.path()));
      return;
    }
    answer(ctx, result.get());
  }

  static String commandLocation(LcId lcId, CommandId commandId) {
    return "/api/v1/lcs/" + lcId + "/commands/" + commandId;
  }

  private static LcCommand parseCommand(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequest(null, "the request body must be a JSON command");
    }
    LcCommand command;
    try {
      command = Json.inbound().readValue(body, LcCommand.class);
    } catch (InvalidTypeIdException e) {
      String typeId = e.getTypeId();
      throw new BadRequest(
          "type",
          typeId == null
              ? "the command has no \"type\"; one of: " + KNOWN_TYPES
              : "unknown command type \"" + typeId + "\"; one of: " + KNOWN_TYPES);
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequest(path(e), "unknown field \"" + e.getPropertyName() + "\"");
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String field = path(e);
      String reason =
          cause instanceof NullPointerException
              ? "missing " + cause.getMessage()
              : cause.getMessage();
      throw new BadRequest(fieldOf(field, cause), reason);
    } catch (JsonMappingException e) {
      throw new BadRequest(path(e), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new BadRequest(null, "malformed JSON: " + e.getOriginalMessage());
    }
    if (command == null) {
      throw new BadRequest(null, "the request body must be a JSON command, not null");
    }
    return command;
  }

  /** A required value the record constructor found missing names the field itself. */
  private static String fieldOf(String path, Throwable cause) {
    if (cause instanceof NullPointerException && cause.getMessage() != null) {
      return path == null || path.isEmpty() ? cause.getMessage() : path + "." + cause.getMessage();
    }
    return path;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  // --- queries ----------------------------------------------------------------------------------

  private void view(Context ctx) {
    LcId lcId = lcId(ctx);
    if (forwardIfRemote(ctx, lcId)) {
      return;
    }
    queries.view(lcId).ifPresentOrElse(ctx::json, () -> problem(ctx, lcNotFound(lcId, ctx.path())));
  }

  private void history(Context ctx) {
    LcId lcId = lcId(ctx);
    if (forwardIfRemote(ctx, lcId)) {
      return;
    }
    if (queries.snapshot(lcId).isEmpty()) {
      problem(ctx, lcNotFound(lcId, ctx.path()));
      return;
    }
    ctx.json(queries.history(lcId).stream().map(EventView::of).toList());
  }

  private void list(Context ctx) {
    Optional<LcStatus> status = status(ctx.queryParam("status"));
    List<LcSummary> all = new ArrayList<>(queries.localList(status));
    if (ctx.header(FORWARDED) == null) {
      for (HostInfo other : queries.otherInstances()) {
        String body =
            fetch(ctx, other, ctx.path() + "?" + Optional.ofNullable(ctx.queryString()).orElse(""));
        try {
          all.addAll(
              Json.mapper()
                  .readValue(
                      body,
                      Json.mapper()
                          .getTypeFactory()
                          .constructCollectionType(List.class, LcSummary.class)));
        } catch (JsonProcessingException e) {
          throw new InstanceUnavailable("instance " + other + " answered: " + body);
        }
      }
    }
    all.sort(Comparator.comparing(s -> s.lcId().value()));
    ctx.json(all);
  }

  static Optional<LcStatus> status(String text) {
    return optionalEnum(text, "status", LcStatus.class);
  }

  /**
   * An optional enum value from a request: absent when blank, 400 naming the choices if unknown.
   */
  static <E extends Enum<E>> Optional<E> optionalEnum(String text, String field, Class<E> type) {
    return text == null || text.isBlank()
        ? Optional.empty()
        : Optional.of(requiredEnum(text, field, type));
  }

  /** An enum value from a request, any case; 400 naming the field and the choices if unknown. */
  static <E extends Enum<E>> E requiredEnum(String text, String field, Class<E> type) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          field,
          "unknown "
              + field
              + " \""
              + text
              + "\"; one of: "
              + Arrays.toString(type.getEnumConstants()));
    }
  }

  private boolean forwardIfRemote(Context ctx, LcId lcId) {
    if (ctx.header(FORWARDED) != null) {
      return false;
    }
    Optional<HostInfo> owner = queries.remoteOwnerOf(lcId);
    if (owner.isEmpty()) {
      return false;
    }
    forwarder.relay(ctx, owner.get());
    return true;
  }

  private String fetch(Context ctx, HostInfo host, String pathAndQuery) {
    return forwarder.send(ctx, host, pathAndQuery).body();
  }

  // --- health, metrics and problems -------------------------------------------------------------

  private void metrics(Context ctx) {
    ctx.contentType(METRICS_CONTENT_TYPE).result(meters.scrape());
  }

  private void health(Context ctx) {
    Map<String, Object> body = health.get();
    ctx.status("UP".equals(body.get("status")) ? 200 : 503).json(body);
  }

  private static LcId lcId(Context ctx) {
    try {
      return new LcId(ctx.pathParam("lcId"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("lcId", e.getMessage());
    }
  }

  private static Problem lcNotFound(LcId lcId, String instance) {
    return Problem.of(404, "LC_NOT_FOUND", "Not found", "no letter of credit " + lcId, instance);
  }

  /** Who sent the request, as its verified token names them. */
  static User user(Context ctx) {
    User user = ctx.attribute(USER);
    if (user == null) {
      throw new IllegalStateException(ctx.path() + " is not an authenticated route");
    }
    return user;
  }

  static String actor(Context ctx) {
    return user(ctx).name();
  }

  static Set<Role> roles(Context ctx) {
    return user(ctx).roles();
  }

  /**
   * Refuses the request with 403 {@code NOT_AUTHORISED} unless the caller has one of {@code anyOf}.
   */
  static void requireRole(Context ctx, String what, Role... anyOf) {
    User user = user(ctx);
    if (Arrays.stream(anyOf).noneMatch(user::has)) {
      throw new Forbidden(
          "NOT_AUTHORISED",
          user.name()
              + " may not "
              + what
              + ": that needs the "
              + Arrays.stream(anyOf)
                  .map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                  .collect(Collectors.joining(" or "))
              + " role");
    }
  }

  /** A caller without the role a request needs: 403 with a stable code. */
  static final class Forbidden extends RuntimeException {
    private final String code;

    Forbidden(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  private static boolean isLegalHold(LcCommand command) {
    return command instanceof LcCommand.PlaceLegalHold
        || command instanceof LcCommand.ReleaseLegalHold;
  }

  /** Approving, rejecting or issuing an application: the saga's to do when it runs. */
  private static boolean isIssuanceStep(LcCommand command) {
    return command instanceof LcCommand.ApproveApplication
        || command instanceof LcCommand.RejectApplication
        || command instanceof LcCommand.IssueCredit;
  }

  /** The request body as a JSON tree; an empty body is an empty object. */
  static JsonNode jsonBody(Context ctx) {
    if (ctx.body().isBlank()) {
      return Json.mapper().createObjectNode();
    }
    try {
      return Json.mapper().readTree(ctx.body());
    } catch (IOException e) {
      throw new BadRequest("", "the body is not JSON: " + e.getMessage());
    }
  }

  static void problem(Context ctx, Problem problem) {
    ctx.status(problem.status()).json(problem.body()).contentType(Problem.CONTENT_TYPE);
  }

  @Override
  public void close() {
    server.stop();
    // After the server: no request is left to record.
    accessRecords.close(Duration.ofSeconds(5));
  }

  /** Another instance that holds the data did not answer (or is moving): 503, retry. */
  static final class InstanceUnavailable extends RuntimeException {
    InstanceUnavailable(String message) {
      super(message);
    }
  }

  /** A request the client must fix: 400 naming the field at fault. */
  static final class BadRequest extends RuntimeException {
    private final String field;

    BadRequest(String field, String message) {
      super(message);
      this.field = field;
    }

    Problem problem(Context ctx) {
      Problem problem =
          Problem.of(
              400,
              "BAD_REQUEST",
              "Bad request",
              field == null || field.isEmpty() ? getMessage() : field + ": " + getMessage(),
              ctx.path());
      return field == null || field.isEmpty() ? problem : problem.with("field", field);
    }
  }
}
