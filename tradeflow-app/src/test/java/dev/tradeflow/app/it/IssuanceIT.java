package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.cli.Cli;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Party;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.user.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issuance saga end to end on a real broker, with the real compliance service screening the
 * bundled OFAC list: a clean application is issued; a sanctioned beneficiary is blocked and never
 * issued; a near-match is cleared by two compliance officers and issued; an over-limit application
 * is rejected with nothing reserved; an approval that never comes is compensated at its deadline;
 * the maker cannot approve their own application; amendments that raise the amount or name a new
 * beneficiary are screened and credit-checked before the credit records them; a bill of lading
 * presented under a second credit, or a listed carrier, is held for review before the credit
 * records the presentation.
 */
class IssuanceIT {

  private static ApiClient api;

  /** Dated from today: the saga issues today, which must be before the expiry. */
  private static final java.time.LocalDate TODAY =
      java.time.LocalDate.now(java.time.ZoneOffset.UTC);

  private static final Map<String, String> MAKER =
      SharedKafka.as(SharedKafka.sagaService(), "maker.mary", Role.MAKER);

  @BeforeAll
  static void start() {
    api = SharedKafka.client(SharedKafka.sagaService());
  }

  /** Usual terms for {@code applicant}, dated from today; other saga tests use them too. */
  static LcTerms terms(String applicant, String beneficiary, String country, String amount) {
    LcTerms usual = TestCommands.terms(applicant);
    return new LcTerms(
        usual.applicant(),
        new Party(beneficiary, country),
        usual.issuingBank(),
        new Bank("BARCGB22", "Barclays Bank"),
        Money.of(amount, "USD"),
        usual.tolerance(),
        TODAY.plusDays(180),
        usual.placeOfExpiry(),
        TODAY.plusDays(150),
        usual.presentationPeriodDays(),
        usual.partialDrawingsAllowed(),
        usual.availableBy(),
        usual.confirmation(),
        usual.goodsDescription(),
        usual.quantity());
  }

  private static void facility(String applicant, String limit) {
    ApiClient.Response opened =
        api.post(
            "/api/v1/facilities",
            Map.of(
                "applicant", Map.of("name", applicant, "country", "US"),
                "limit", Map.of("amount", limit, "currency", "USD")),
            SharedKafka.as(SharedKafka.sagaService(), "credit.officer", Role.CHECKER));
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(202);
    String id = String.valueOf(opened.body().get("facilityId"));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get(facilityPath(id)).status() == 200);
  }

  private static String apply(String lcId, LcTerms terms) {
    LcCommand apply = new ApplyForCredit(new CommandId("apply-" + lcId), terms, TODAY);
    ApiClient.Response response = api.post("/api/v1/lcs/" + lcId + "/commands", apply, MAKER);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return "apply-" + lcId;
  }

  private static Map<String, Object> saga(String sagaId) {
    return api.get("/api/v1/sagas/" + sagaId).body();
  }

  private static void awaitStep(String sagaId, String step) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(saga(sagaId)).containsEntry("step", step));
  }

  private static String lcStatus(String lcId) {
    return String.valueOf(api.get("/api/v1/lcs/" + lcId).body().get("status"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> credit(String lcId) {
    return (Map<String, Object>) api.get("/api/v1/lcs/" + lcId).body().get("credit");
  }

  private static String facilityPath(String facilityId) {
    return "/api/v1/facilities/"
        + java.net.URLEncoder.encode(facilityId, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  private static Map<String, Object> facilityOf(String applicant) {
    return api.get(facilityPath("US:" + applicant.toUpperCase(java.util.Locale.ROOT))).body();
  }

  @Test
  void a_clean_application_is_issued_and_its_reservation_consumed() {
    facility("Clean Imports LLC", "1000000");
    String saga =
        apply("ISS-CLEAN", terms("Clean Imports LLC", "Northwind Textiles Ltd", "GB", "100000"));
    awaitStep(saga, "ISSUED");
    assertThat(lcStatus("ISS-CLEAN")).isEqualTo("ISSUED");
    assertThat(facilityOf("Clean Imports LLC").get("available"))
        .isEqualTo(Map.of("amount", "900000.00", "currency", "USD"));

    String url = SharedKafka.sagaService().apiBase().toString();
    String token =
        SharedKafka.bearer(SharedKafka.sagaService(), "auditor.ann", Role.AUDITOR)
            .substring("Bearer ".length());
    Cli.Result list = Cli.run("sagas", "list", "--url", url, "--token", token, "--step", "ISSUED");
    assertThat(list.exitCode()).isZero();
    assertThat(list.output()).containsPattern("ISS-CLEAN +ISSUED +100000.00 USD +maker.mary");
    Cli.Result show = Cli.run("sagas", "show", "ISS-CLEAN", "--url", url, "--token", token);
    assertThat(show.output())
        .contains("saga " + saga + " for ISS-CLEAN: ISSUED")
        .contains("screening clear")
        .contains("approved by " + dev.tradeflow.domain.issuance.IssuanceSaga.AUTO_APPROVER);
  }

  /** Sends a command and, if the saga holds it (202), waits for its outcome at its location. */
  private static ApiClient.Response outcome(String lcId, LcCommand command) {
    ApiClient.Response sent = api.post("/api/v1/lcs/" + lcId + "/commands", command, MAKER);
    if (sent.status() != 202) {
      return sent;
    }
    return awaitOutcome(lcId, command);
  }

  private static ApiClient.Response awaitOutcome(String lcId, LcCommand command) {
    String location = "/api/v1/lcs/" + lcId + "/commands/" + command.commandId();
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api.get(location),
            response -> response.status() != 404 && response.status() != 202);
  }

  /** A compliance officer confirms the hit of {@code caseId}: accepted for the saga (202). */
  private static void confirm(String caseId, String reason) {
    assertThat(
            api.post(
                    "/api/v1/cases/" + caseId + "/decision",
                    Map.of("decision", "CONFIRM", "reason", reason),
                    SharedKafka.as(SharedKafka.sagaService(), "compliance.carol", Role.COMPLIANCE))
                .status())
        .isEqualTo(202);
  }

  private static LcCommand.RequestAmendment amendment(String id, String amount, Party beneficiary) {
    return new LcCommand.RequestAmendment(
        new CommandId("amend-" + id),
        new AmendmentId(id),
        new AmendmentChanges(
            amount == null ? null : Money.of(amount, "USD"), null, null, beneficiary, id),
        TODAY);
  }

  @Test
  void amendments_that_raise_the_amount_or_name_a_new_beneficiary_are_screened_and_reserved() {
    facility("Amending Imports LLC", "300000");
    String saga =
        apply("ISS-AMEND", terms("Amending Imports LLC", "Northwind Textiles Ltd", "GB", "100000"));
    awaitStep(saga, "ISSUED");

    // Within the limit and the threshold: screened, reserved, sent; the credit records it.
    ApiClient.Response raised = outcome("ISS-AMEND", amendment("A1", "150000", null));
    assertThat(raised.status()).as(raised.body().toString()).isEqualTo(200);
    assertThat(facilityOf("Amending Imports LLC").get("utilised"))
        .isEqualTo(Map.of("amount", "150000.00", "currency", "USD"));
    ApiClient.Response accepted =
        outcome(
            "ISS-AMEND",
            new LcCommand.AcceptAmendment(
                new CommandId("accept-A1"), new AmendmentId("A1"), TODAY));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    assertThat(api.get("/api/v1/lcs/ISS-AMEND").body().toString()).contains("150000.00");

    // Beyond what the facility has left: refused with the figures, the credit unchanged.
    ApiClient.Response overLimit = outcome("ISS-AMEND", amendment("A2", "500000", null));
    assertThat(overLimit.status()).isEqualTo(422);
    assertThat(overLimit.problemCode()).isEqualTo("AMENDMENT_NOT_CLEARED");
    assertThat(overLimit.body().toString()).contains("OVER_LIMIT");

    // A sanctioned new beneficiary: held for review (202), then refused once the hit is confirmed.
    LcCommand.RequestAmendment transfer =
        amendment("A3", null, new Party("Banco Nacional de Cuba", "CU"));
    ApiClient.Response held = api.post("/api/v1/lcs/ISS-AMEND/commands", transfer, MAKER);
    assertThat(held.status()).as(held.body().toString()).isEqualTo(202);
    awaitStep(saga, "AWAITING_REVIEW");
    ApiClient.Response pending = api.get("/api/v1/lcs/ISS-AMEND/commands/" + transfer.commandId());
    assertThat(pending.status()).isEqualTo(202);
    assertThat(pending.body())
        .containsEntry("status", "PENDING")
        .containsEntry("sagaStep", "AWAITING_REVIEW");
    List<Map<String, Object>> cases =
        api.getList("/api/v1/cases?status=OPEN").stream()
            .filter(c -> String.valueOf(c.get("caseId")).startsWith("ISS-AMEND:"))
            .toList();
    // The third amendment to the amount or beneficiary is itself a pattern to review.
    assertThat(cases.toString()).contains("SANCTIONS_NAME").contains("TBML_REPEATED_AMENDMENTS");
    String caseId =
        cases.stream()
            .filter(c -> c.toString().contains("SANCTIONS_NAME"))
            .map(c -> String.valueOf(c.get("caseId")))
            .findFirst()
            .orElseThrow();
    confirm(caseId, "the listed bank");
    ApiClient.Response refused = awaitOutcome("ISS-AMEND", transfer);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemCode()).isEqualTo("AMENDMENT_NOT_CLEARED");
    assertThat(refused.body().toString()).contains("screening hit confirmed in case " + caseId);
    assertThat(api.get("/api/v1/lcs/ISS-AMEND").body().toString())
        .contains("Northwind Textiles Ltd")
        .doesNotContain("Banco Nacional de Cuba");
    assertThat(facilityOf("Amending Imports LLC").get("utilised"))
        .isEqualTo(Map.of("amount", "150000.00", "currency", "USD"));
    assertThat(saga(saga)).containsEntry("step", "ISSUED");
  }

  private static LcCommand.PresentDocuments presentation(
      String id, String billOfLading, String carrier) {
    return new LcCommand.PresentDocuments(
        new CommandId("present-" + id + "-" + billOfLading),
        new PresentationId(id),
        Money.of("10000", "USD"),
        TODAY,
        TODAY,
        null,
        new DocumentParticulars(
            List.of(
                new TradeDocument(
                    TradeDocument.Kind.COMMERCIAL_INVOICE, "INV-" + billOfLading, "Northwind"),
                new TradeDocument(TradeDocument.Kind.BILL_OF_LADING, billOfLading, carrier)),
            new ShipmentTerms(
                null, "GBFXT", "USNYC", List.of(), new Vessel("MAERSK SELETAR", "9356646"))));
  }

  @Test
  void a_bill_of_lading_presented_under_a_second_credit_is_reviewed_and_refused_if_confirmed() {
    facility("Documents Imports LLC", "1000000");
    String first =
        apply(
            "ISS-DOCS-1", terms("Documents Imports LLC", "Northwind Textiles Ltd", "GB", "50000"));
    String second =
        apply(
            "ISS-DOCS-2", terms("Documents Imports LLC", "Northwind Textiles Ltd", "GB", "50000"));
    awaitStep(first, "ISSUED");
    awaitStep(second, "ISSUED");

    // First seen under ISS-DOCS-1: screened clean and recorded by the credit.
    ApiClient.Response presented =
        outcome("ISS-DOCS-1", presentation("P1", "MAEU-IT-1", "Maersk A/S"));
    assertThat(presented.status()).as(presented.body().toString()).isEqualTo(200);
    assertThat(credit("ISS-DOCS-1").get("presentations").toString()).contains("MAEU-IT-1");

    // The same bill of lading under ISS-DOCS-2: held for review, refused once confirmed.
    LcCommand.PresentDocuments twice = presentation("P1", "MAEU-IT-1", "Maersk A/S");
    ApiClient.Response held = api.post("/api/v1/lcs/ISS-DOCS-2/commands", twice, MAKER);
    assertThat(held.status()).as(held.body().toString()).isEqualTo(202);
    String caseId = "ISS-DOCS-2:P1:d1:1";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(api.get("/api/v1/cases/" + caseId).body().toString())
                    .contains("TBML_DUPLICATE_DOCUMENT")
                    .contains("already presented under ISS-DOCS-1"));
    assertThat(api.get("/api/v1/lcs/ISS-DOCS-2/commands/" + twice.commandId()).body())
        .containsEntry("sagaStep", "AWAITING_REVIEW");
    confirm(caseId, "one shipment financed twice");
    ApiClient.Response refused = awaitOutcome("ISS-DOCS-2", twice);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemCode()).isEqualTo("PRESENTATION_NOT_CLEARED");
    assertThat(credit("ISS-DOCS-2").get("presentations")).isEqualTo(List.of());

    // A sanctioned carrier blocks; a fresh bill of lading from another carrier goes through.
    LcCommand.PresentDocuments listedCarrier =
        presentation("P2", "IRISL-IT-7", "Islamic Republic of Iran Shipping Lines");
    assertThat(api.post("/api/v1/lcs/ISS-DOCS-2/commands", listedCarrier, MAKER).status())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(api.get("/api/v1/cases/ISS-DOCS-2:P2:d1:1").body().toString())
                    .contains("SDN-25396")
                    .contains("carrier"));
    ApiClient.Response fresh = outcome("ISS-DOCS-2", presentation("P3", "MAEU-IT-2", "Maersk A/S"));
    assertThat(fresh.status()).as(fresh.body().toString()).isEqualTo(200);
  }

  @Test
  void a_sanctioned_beneficiary_is_blocked_opens_a_case_and_is_never_issued() {
    facility("Blocked Imports LLC", "1000000");
    String saga =
        apply("ISS-BLOCK", terms("Blocked Imports LLC", "Banco Nacional de Cuba", "ES", "100000"));
    awaitStep(saga, "AWAITING_REVIEW");
    List<Map<String, Object>> cases = api.getList("/api/v1/cases?status=OPEN");
    Map<String, Object> theCase =
        cases.stream()
            .filter(c -> String.valueOf(c.get("caseId")).startsWith("ISS-BLOCK:"))
            .findFirst()
            .orElseThrow();
    assertThat(theCase.toString()).contains("SDN-306").contains("BLOCK");
    ApiClient.Response notCompliance =
        api.post(
            "/api/v1/cases/" + theCase.get("caseId") + "/decision",
            Map.of("decision", "CLEAR", "reason", "looks fine"),
            SharedKafka.as(SharedKafka.sagaService(), "maker.mary", Role.MAKER));
    assertThat(notCompliance.status()).isEqualTo(403);
    assertThat(notCompliance.problemCode()).isEqualTo("NOT_A_COMPLIANCE_OFFICER");
    confirm(String.valueOf(theCase.get("caseId")), "the listed Banco Nacional de Cuba");
    awaitStep(saga, "REJECTED");
    assertThat(lcStatus("ISS-BLOCK")).isEqualTo("REJECTED");
    assertThat(facilityOf("Blocked Imports LLC").get("utilised"))
        .isEqualTo(Map.of("amount", "0.00", "currency", "USD"));
  }

  @Test
  void a_near_match_cleared_by_two_compliance_officers_is_issued() {
    facility("Near Imports LLC", "1000000");
    String saga =
        apply("ISS-NEAR", terms("Near Imports LLC", "Banco Nacional de Kuba", "ES", "100000"));
    awaitStep(saga, "AWAITING_REVIEW");
    String caseId = "ISS-NEAR:s1:1";
    Map<String, String> carol =
        SharedKafka.as(SharedKafka.sagaService(), "compliance.carol", Role.COMPLIANCE);
    Map<String, Object> clear = Map.of("decision", "CLEAR", "reason", "a Spanish cooperative bank");
    assertThat(api.post("/api/v1/cases/" + caseId + "/decision", clear, carol).status())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(api.get("/api/v1/cases/" + caseId).body().toString())
                    .contains("AWAITING_SECOND_CLEARANCE"));
    ApiClient.Response again = api.post("/api/v1/cases/" + caseId + "/decision", clear, carol);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemCode()).isEqualTo("SECOND_OFFICER_REQUIRED");
    assertThat(
            api.post(
                    "/api/v1/cases/" + caseId + "/decision",
                    clear,
                    SharedKafka.as(SharedKafka.sagaService(), "compliance.dan", Role.COMPLIANCE))
                .status())
        .isEqualTo(202);
    awaitStep(saga, "ISSUED");
    assertThat(lcStatus("ISS-NEAR")).isEqualTo("ISSUED");
  }

  @Test
  void an_over_limit_application_is_rejected_with_the_figures_and_nothing_reserved() {
    facility("Small Imports LLC", "50000");
    String saga =
        apply("ISS-LIMIT", terms("Small Imports LLC", "Northwind Textiles Ltd", "GB", "100000"));
    awaitStep(saga, "REJECTED");
    assertThat(String.valueOf(saga(saga).get("outcome")))
        .contains("OVER_LIMIT")
        .contains("requested USD 100000.00 but only USD 50000.00");
    assertThat(lcStatus("ISS-LIMIT")).isEqualTo("REJECTED");
    assertThat(facilityOf("Small Imports LLC").get("utilised"))
        .isEqualTo(Map.of("amount", "0.00", "currency", "USD"));
  }

  @Test
  void an_approval_that_never_comes_is_compensated_at_its_deadline() {
    facility("Slow Imports LLC", "1000000");
    String saga =
        apply("ISS-SLOW", terms("Slow Imports LLC", "Northwind Textiles Ltd", "GB", "400000"));
    awaitStep(saga, "AWAITING_APPROVAL");
    assertThat(facilityOf("Slow Imports LLC").get("utilised"))
        .isEqualTo(Map.of("amount", "400000.00", "currency", "USD"));
    awaitStep(saga, "REJECTED");
    assertThat(String.valueOf(saga(saga).get("outcome")))
        .contains("AWAITING_APPROVAL not decided within");
    assertThat(lcStatus("ISS-SLOW")).isEqualTo("REJECTED");
    assertThat(facilityOf("Slow Imports LLC").get("utilised"))
        .isEqualTo(Map.of("amount", "0.00", "currency", "USD"));
  }

  @Test
  void over_the_threshold_the_maker_cannot_approve_and_a_checker_can() {
    facility("Big Imports LLC", "1000000");
    String saga =
        apply("ISS-BIG", terms("Big Imports LLC", "Northwind Textiles Ltd", "GB", "300000"));
    awaitStep(saga, "AWAITING_APPROVAL");
    ApiClient.Response noRole =
        api.post(
            "/api/v1/sagas/ISS-BIG/approval",
            Map.of("approved", true, "reason", "fine"),
            SharedKafka.as(SharedKafka.sagaService(), "someone"));
    assertThat(noRole.status()).isEqualTo(403);
    assertThat(noRole.problemCode()).isEqualTo("NOT_A_CHECKER");
    ApiClient.Response own =
        api.post(
            "/api/v1/sagas/ISS-BIG/approval",
            Map.of("approved", true, "reason", "mine"),
            SharedKafka.as(SharedKafka.sagaService(), "maker.mary", Role.MAKER, Role.CHECKER));
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.problemCode()).isEqualTo("MAKER_CHECKER");
    ApiClient.Response tooLong =
        api.post(
            "/api/v1/sagas/ISS-BIG/approval",
            Map.of("approved", true, "reason", "x".repeat(501)),
            SharedKafka.as(SharedKafka.sagaService(), "checker.chris", Role.CHECKER));
    assertThat(tooLong.status()).isEqualTo(400);
    ApiClient.Response direct =
        api.post(
            "/api/v1/lcs/ISS-BIG/commands",
            new LcCommand.ApproveApplication(
                new CommandId("direct"), "maker.mary", TestCommands.APPLIED),
            MAKER);
    assertThat(direct.status()).isEqualTo(409);
    assertThat(direct.problemCode()).isEqualTo("ISSUANCE_BY_SAGA");
    assertThat(
            api.post(
                    "/api/v1/sagas/" + saga + "/approval",
                    Map.of("approved", true, "reason", "collateral in place"),
                    SharedKafka.as(SharedKafka.sagaService(), "checker.chris", Role.CHECKER))
                .status())
        .isEqualTo(202);
    awaitStep(saga, "ISSUED");
    assertThat(String.valueOf(saga(saga).get("history"))).contains("approved by checker.chris");
  }
}
