package dev.tradeflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.domain.privacy.CardNumbers;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.dlq.DeadLetterAction;
import dev.tradeflow.runtime.dlq.DeadLetterId;
import dev.tradeflow.runtime.dlq.DeadLetterQueues;
import dev.tradeflow.runtime.dlq.DeadLetterRefused;
import dev.tradeflow.runtime.dlq.ParkedKey;
import dev.tradeflow.runtime.dlq.ReplaySelection;
import dev.tradeflow.schemas.EventSerde;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/dlq}: the dead-letter queues for operators. {@code GET} lists open dead letters
 * ({@code ?topic=}, {@code ?all=true} for resolved ones too); {@code GET /{id}} shows one; {@code
 * POST /{id}/replay}, {@code POST /replay} with {@code {"key": ..}} or {@code {"all": true}} (and
 * an optional {@code "topic"}) replay; {@code POST /{id}/purge} with {@code {"reason": ..}} purges.
 * Reading them needs the operator, auditor or admin role; replaying or purging, operator or admin.
 * The actor is the caller's verified user.
 */
public final class DeadLetterRoutes implements RouteSet {

  static final String BASE = "/api/v1/dlq";

  private final DeadLetterQueues queues;
  private final EventSerde events;
  private final RecordEncryption encryption;
  private final Supplier<Set<ParkedKey>> parkedKeys;

  /**
   * @param parkedKeys the keys this instance's reliable consumers park behind a dead letter
   */
  public DeadLetterRoutes(
      DeadLetterQueues queues,
      EventSerde events,
      RecordEncryption encryption,
      Supplier<Set<ParkedKey>> parkedKeys) {
    this.queues = Objects.requireNonNull(queues, "queues");
    this.events = Objects.requireNonNull(events, "events");
    this.encryption = Objects.requireNonNull(encryption, "encryption");
    this.parkedKeys = Objects.requireNonNull(parkedKeys, "parkedKeys");
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(BASE, this::list);
    routes.post(BASE + "/replay", this::replaySelection);
    routes.get(
        BASE + "/parked-keys",
        ctx -> {
          mayRead(ctx);
          ctx.json(parkedKeys());
        });
    routes.get(BASE + "/{id}", this::show);
    routes.post(BASE + "/{id}/replay", this::replayOne);
    routes.post(BASE + "/{id}/purge", this::purge);
    routes.exception(DeadLetterRefused.class, (e, ctx) -> refused(ctx, e));
  }

  private void list(Context ctx) {
    mayRead(ctx);
    boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
    ctx.json(
        queues.list(topic(ctx.queryParam("topic")), all).stream()
            .map(entry -> DeadLetterView.of(entry, events, encryption))
            .toList());
  }

  /** Keys as text where they are (LC ids), sorted, so that an operator can replay them by key. */
  private List<Map<String, Object>> parkedKeys() {
    return parkedKeys.get().stream()
        .sorted(Comparator.comparing(ParkedKey::topic).thenComparing(ParkedKey::keyHex))
        .map(
            key -> {
              Map<String, Object> view = new LinkedHashMap<>();
              view.put("topic", key.topic());
              view.put("partition", key.partition());
              view.put(
                  "key", new String(HexFormat.of().parseHex(key.keyHex()), StandardCharsets.UTF_8));
              view.put("keyHex", key.keyHex());
              view.put("parkedFromOffset", key.firstOffset());
              return view;
            })
        .toList();
  }

  private void show(Context ctx) {
    mayRead(ctx);
    ctx.json(DeadLetterView.of(queues.get(id(ctx)), events, encryption));
  }

  private void replayOne(Context ctx) {
    mayResolve(ctx);
    ctx.json(queues.replay(new ReplaySelection.One(id(ctx)), HttpApi.actor(ctx)));
  }

  private void replaySelection(Context ctx) {
    mayResolve(ctx);
    JsonNode body = HttpApi.jsonBody(ctx);
    Optional<String> topic = topic(body.path("topic").asText(null));
    String key = body.path("key").asText(null);
    boolean all = body.path("all").asBoolean(false);
    if ((key == null) == !all) {
      throw new HttpApi.BadRequest(
          "key", "give either \"key\" or \"all\": true, to replay one key's or every dead letter");
    }
    List<DeadLetterAction> done =
        queues.replay(
            all ? new ReplaySelection.All(topic) : new ReplaySelection.ByKey(key, topic),
            HttpApi.actor(ctx));
    ctx.json(done);
  }

  private void purge(Context ctx) {
    mayResolve(ctx);
    ctx.json(
        queues.purge(
            id(ctx),
            CardNumbers.mask(HttpApi.jsonBody(ctx).path("reason").asText("")),
            HttpApi.actor(ctx)));
  }

  private static void mayRead(Context ctx) {
    HttpApi.requireRole(ctx, "read dead letters", Role.OPERATOR, Role.AUDITOR, Role.ADMIN);
  }

  private static void mayResolve(Context ctx) {
    HttpApi.requireRole(ctx, "replay or purge dead letters", Role.OPERATOR, Role.ADMIN);
  }

  private static DeadLetterId id(Context ctx) {
    try {
      return DeadLetterId.parse(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new HttpApi.BadRequest("id", e.getMessage());
    }
  }

  private static Optional<String> topic(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  private static void refused(Context ctx, DeadLetterRefused e) {
    int status;
    switch (e.why()) {
      case NOT_FOUND:
        status = 404;
        break;
      case RESOLVED:
      case OUT_OF_ORDER:
        status = 409;
        break;
      default:
        status = 400;
    }
    HttpApi.problem(
        ctx,
        Problem.of(
            status,
            "DLQ_" + e.why().name(),
            "Dead letter request refused",
            e.getMessage(),
            ctx.path()));
  }
}
