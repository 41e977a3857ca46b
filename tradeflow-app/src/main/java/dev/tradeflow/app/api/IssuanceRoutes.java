package dev.tradeflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeflow.app.issuance.Approval;
import dev.tradeflow.app.issuance.CaseCommandRecord;
import dev.tradeflow.app.issuance.CaseView;
import dev.tradeflow.app.issuance.CreditRequest;
import dev.tradeflow.app.issuance.IssuanceQueries;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.domain.credit.CreditFacility;
import dev.tradeflow.domain.credit.FacilityCommand;
import dev.tradeflow.domain.credit.FacilityDecision;
import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.FacilityState;
import dev.tradeflow.domain.issuance.IssuanceSaga;
import dev.tradeflow.domain.issuance.SagaInput;
import dev.tradeflow.domain.issuance.SagaPolicy;
import dev.tradeflow.domain.issuance.SagaState;
import dev.tradeflow.domain.issuance.SagaStep;
import dev.tradeflow.domain.issuance.SagaTransition;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.privacy.CardNumbers;
import dev.tradeflow.domain.review.CaseCommand;
import dev.tradeflow.domain.review.CaseDecision;
import dev.tradeflow.domain.review.CaseId;
import dev.tradeflow.domain.review.CaseRefusal;
import dev.tradeflow.domain.review.CaseStatus;
import dev.tradeflow.domain.review.ReviewCase;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.Topics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The issuance saga's API: sagas ({@code /api/v1/sagas}, a checker's approval), review cases
 * ({@code /api/v1/cases}, a compliance officer's decision) and credit facilities ({@code
 * /api/v1/facilities}). A decision is checked against the current state with the domain's own rules
 * before it is sent (maker-checker, four eyes, roles), so a refusal is an immediate 4xx; the
 * processor decides again, authoritatively, and the answer is 202.
 *
 * <p>Who decides is the caller's verified token: its user and roles. Setting a facility's limit
 * needs the checker or admin role.
 */
public final class IssuanceRoutes implements RouteSet {

  /** Reasons go into commands, events and histories: long enough to explain, bounded. */
  static final int MAX_REASON = 500;

  private final IssuanceQueries queries;
  private final SagaPolicy policy;
  private final Producer<String, byte[]> producer;
  private final Clock clock;
  private final Forwarder forwarder = new Forwarder();

  public IssuanceRoutes(
      IssuanceQueries queries, SagaPolicy policy, Producer<String, byte[]> producer, Clock clock) {
    this.queries = queries;
    this.policy = policy;
    this.producer = producer;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/api/v1/sagas", this::sagas);
    routes.get("/api/v1/sagas/{id}", ctx -> saga(ctx).ifPresent(ctx::json));
    routes.post("/api/v1/sagas/{id}/approval", this::approval);
    routes.get("/api/v1/cases", this::cases);
    routes.get("/api/v1/cases/{id}", ctx -> reviewCase(ctx).ifPresent(ctx::json));
    routes.post("/api/v1/cases/{id}/decision", this::decision);
    routes.post("/api/v1/facilities", this::facility);
    routes.get("/api/v1/facilities/{id}", this::facilityView);
  }

  private void sagas(Context ctx) {
    Optional<SagaStep> step = HttpApi.optionalEnum(ctx.queryParam("step"), "step", SagaStep.class);
    ctx.json(queries.sagas(s -> step.isEmpty() || s.step() == step.get()));
  }

  /**
   * The saga named in the path, from this instance's store; empty when another instance holds it
   * and has answered the request.
   */
  private Optional<SagaState> saga(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<SagaState> local = queries.saga(id);
    if (local.isEmpty() && forwardedToCredit(ctx, id)) {
      return Optional.empty();
    }
    return Optional.of(
        local.orElseThrow(() -> new NotFound("SAGA_NOT_FOUND", "no issuance saga " + id)));
  }

  /**
   * Hands the request to the instance that holds the credit's saga and cases, if that is another
   * one (and the request was not itself forwarded): true when it answered.
   */
  private boolean forwardedToCredit(Context ctx, String lcId) {
    if (ctx.header(HttpApi.FORWARDED) != null) {
      return false;
    }
    Optional<HostInfo> owner = queries.remoteOwnerOfCredit(lcId);
    owner.ifPresent(host -> forwarder.relay(ctx, host));
    return owner.isPresent();
  }

  private boolean forwardedToFacility(Context ctx, FacilityId id) {
    if (ctx.header(HttpApi.FORWARDED) != null) {
      return false;
    }
    Optional<HostInfo> owner = queries.remoteOwnerOf(id);
    owner.ifPresent(host -> forwarder.relay(ctx, host));
    return owner.isPresent();
  }

  private void approval(Context ctx) {
    Optional<SagaState> found = saga(ctx);
    if (found.isEmpty()) {
      return;
    }
    SagaState saga = found.get();
    JsonNode body = HttpApi.jsonBody(ctx);
    if (!body.path("approved").isBoolean()) {
      throw new HttpApi.BadRequest("approved", "true or false is required");
    }
    boolean approved = body.path("approved").asBoolean();
    String reason = reason(body, false);
    Optional<AmendmentId> amendment = amendmentId(body);
    String approver = HttpApi.actor(ctx);
    if (!HttpApi.roles(ctx).contains(Role.CHECKER)) {
      HttpApi.problem(
          ctx,
          Problem.of(
              403,
              "NOT_A_CHECKER",
              "Not a checker",
              approver + " does not have the checker role",
              ctx.path()));
      return;
    }
    SagaTransition check =
        IssuanceSaga.on(
            saga,
            new SagaInput.ApprovalDecided(approver, approved, reason, amendment, clock.instant()),
            policy);
    if (check.refusal().isPresent()) {
      boolean makerChecker = check.refusal().get().startsWith("maker-checker");
      HttpApi.problem(
          ctx,
          Problem.of(
              makerChecker ? 403 : 409,
              makerChecker ? "MAKER_CHECKER" : "NOT_AWAITING_APPROVAL",
              makerChecker ? "Maker-checker" : "Not awaiting approval",
              check.refusal().get(),
              ctx.path()));
      return;
    }
    send(
        Topics.SAGA_APPROVALS,
        saga.lcId().value(),
        new Approval(saga.id(), approver, approved, reason, amendment, clock.instant()));
    ctx.status(202).json(Map.of("sagaId", saga.id(), "approver", approver, "approved", approved));
  }

  /** The amendment a decision names ({@code "amendmentId"}), if it names one. */
  private static Optional<AmendmentId> amendmentId(JsonNode body) {
    JsonNode id = body.path("amendmentId");
    if (id.isMissingNode() || id.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AmendmentId(id.asText()));
    } catch (IllegalArgumentException e) {
      throw new HttpApi.BadRequest("amendmentId", e.getMessage());
    }
  }

  private void cases(Context ctx) {
    Optional<CaseStatus> status =
        HttpApi.optionalEnum(ctx.queryParam("status"), "status", CaseStatus.class);
    ctx.json(queries.cases(c -> status.isEmpty() || c.state().status() == status.get()));
  }

  /**
   * The case named in the path, from this instance's store; empty when the instance holding its
   * credit (the id's first part) has answered the request.
   */
  private Optional<CaseView> reviewCase(Context ctx) {
    CaseId id = caseId(ctx.pathParam("id"));
    Optional<CaseView> local = queries.reviewCase(id);
    if (local.isEmpty() && forwardedToCredit(ctx, id.value().split(":", 2)[0])) {
      return Optional.empty();
    }
    return Optional.of(
        local.orElseThrow(() -> new NotFound("CASE_NOT_FOUND", "no review case " + id)));
  }

  private void decision(Context ctx) {
    Optional<CaseView> found = reviewCase(ctx);
    if (found.isEmpty()) {
      return;
    }
    CaseView view = found.get();
    JsonNode body = HttpApi.jsonBody(ctx);
    CaseDecision decision =
        HttpApi.requiredEnum(body.path("decision").asText(""), "decision", CaseDecision.class);
    String reason = reason(body, true);
    User officer = new User(HttpApi.actor(ctx), HttpApi.roles(ctx));
    CaseCommand command = new CaseCommand.DecideCase(officer, decision, reason);
    ReviewCase.Outcome check = ReviewCase.decide(Optional.of(view.state()), command);
    if (check.refusal().isPresent()) {
      CaseRefusal refusal = check.refusal().get();
      int status = refusal.code() == CaseRefusal.Code.NOT_A_COMPLIANCE_OFFICER ? 403 : 409;
      HttpApi.problem(
          ctx,
          Problem.of(
              status, refusal.code().name(), "Decision refused", refusal.detail(), ctx.path()));
      return;
    }
    send(
        Topics.AML_CASE_COMMANDS,
        view.state().lcId().value(),
        new CaseCommandRecord(view.caseId(), command));
    ctx.status(202)
        .json(
            Map.of(
                "caseId", view.caseId(),
                "expected", check.events().get(0).eventType(),
                "officer", officer.name()));
  }

  private void facility(Context ctx) {
    JsonNode body = HttpApi.jsonBody(ctx);
    Party applicant;
    Money limit;
    try {
      applicant =
          new Party(
              CardNumbers.mask(body.path("applicant").path("name").asText(null)),
              body.path("applicant").path("country").asText(null));
    } catch (RuntimeException e) {
      throw new HttpApi.BadRequest("applicant", e.getMessage());
    }
    try {
      limit =
          Money.of(
              body.path("limit").path("amount").asText(null),
              body.path("limit").path("currency").asText(null));
    } catch (RuntimeException e) {
      throw new HttpApi.BadRequest(
          "limit", "an amount and an ISO 4217 currency: " + e.getMessage());
    }
    if (limit.amount().signum() < 0) {
      throw new HttpApi.BadRequest("limit", "a limit is zero or more");
    }
    FacilityId id = FacilityId.of(applicant);
    if (forwardedToFacility(ctx, id)) {
      return;
    }
    HttpApi.requireRole(ctx, "set a credit facility's limit", Role.CHECKER, Role.ADMIN);
    Optional<FacilityState> state = queries.facility(id);
    FacilityCommand command =
        state.isPresent()
            ? new FacilityCommand.ChangeLimit(limit)
            : new FacilityCommand.OpenFacility(limit);
    FacilityDecision check = CreditFacility.decide(state, command);
    if (check.refusal().isPresent()) {
      HttpApi.problem(
          ctx,
          Problem.of(
              409,
              check.refusal().get().code().name(),
              "Facility change refused",
              check.refusal().get().detail(),
              ctx.path()));
      return;
    }
    send(
        Topics.CREDIT_REQUESTS,
        id.value(),
        new CreditRequest(id, command, Optional.empty(), Optional.empty(), HttpApi.actor(ctx)));
    ctx.status(202).json(Map.of("facilityId", id, "command", command.getClass().getSimpleName()));
  }

  private void facilityView(Context ctx) {
    FacilityId id;
    try {
      id = new FacilityId(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new HttpApi.BadRequest("id", e.getMessage());
    }
    if (forwardedToFacility(ctx, id)) {
      return;
    }
    FacilityState state =
        queries
            .facility(id)
            .orElseThrow(() -> new NotFound("FACILITY_NOT_FOUND", "no facility " + id));
    ctx.json(
        Map.of(
            "facilityId", id,
            "limit", state.limit(),
            "utilised", state.utilised(),
            "available", state.available(),
            "reservations", state.reservations()));
  }

  private void send(String topic, String key, Object value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, Json.toBytes(value))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to " + topic + ": " + e.getCause(), e);
    }
  }

  private static String reason(JsonNode body, boolean required) {
    String reason = CardNumbers.mask(body.path("reason").asText("").strip());
    if (required && reason.isEmpty()) {
      throw new HttpApi.BadRequest("reason", "a decision gives its reason");
    }
    if (reason.length() > MAX_REASON) {
      throw new HttpApi.BadRequest("reason", "at most " + MAX_REASON + " characters");
    }
    return reason;
  }

  private static CaseId caseId(String text) {
    try {
      return new CaseId(text);
    } catch (IllegalArgumentException e) {
      throw new HttpApi.BadRequest("id", e.getMessage());
    }
  }

  /** 404 with a problem code. */
  static final class NotFound extends RuntimeException {
    private final String code;

    NotFound(String code, String message) {
      super(message);
      this.code = code;
    }

    Problem problem(Context ctx) {
      return Problem.of(404, code, "Not found", getMessage(), ctx.path());
    }
  }
}
