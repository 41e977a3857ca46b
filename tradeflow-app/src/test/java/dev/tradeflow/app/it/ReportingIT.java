package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.reporting.Reporting;
import dev.tradeflow.app.reporting.ReportingQueries;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.LcCommand.RecordExamination;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.jdbc.TestDatabase;
import dev.tradeflow.runtime.jdbc.TestDatabase.Engine;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL reporting projection: the service's own (embedded H2) over the reports API, and a second
 * one on PostgreSQL built from the same log, which must hold the same rows.
 */
class ReportingIT {

  private static final LocalDate PRESENTED = LocalDate.of(2026, 3, 2); // a Monday
  private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 9); // 5 banking days later

  private static TradeflowService service;
  private static ApiClient api;
  private static String applicant;
  private static String examined;
  private static String awaiting;

  @BeforeAll
  static void twoCreditsWithPresentations() {
    service = SharedKafka.service();
    api = SharedKafka.client(service);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    applicant = "Reporting Applicant " + suffix;
    examined = "RPT-A-" + suffix;
    awaiting = "RPT-B-" + suffix;

    List<LcCommand> a =
        new ArrayList<>(TestCommands.issuedAndAdvised(TestCommands.terms(applicant)));
    a.add(present("c5", "P1", "40000.00"));
    a.add(
        new RecordExamination(
            new CommandId("c6"),
            new PresentationId("P1"),
            PRESENTED.plusDays(2),
            List.of(
                new Discrepancy("LATE_SHIPMENT", "shipped after the latest shipment date"),
                new Discrepancy("BL_UNSIGNED", "bill of lading not signed by the carrier"))));
    List<LcCommand> b =
        new ArrayList<>(TestCommands.issuedAndAdvised(TestCommands.terms(applicant)));
    b.add(present("c5", "P1", "10000.00"));
    a.forEach(c -> assertThat(api.post(commands(examined), c).status()).isEqualTo(200));
    b.forEach(c -> assertThat(api.post(commands(awaiting), c).status()).isEqualTo(200));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> versions(register()).equals(Map.of(examined, 6, awaiting, 5)));
  }

  private static PresentDocuments present(String commandId, String presentationId, String amount) {
    return new PresentDocuments(
        new CommandId(commandId),
        new PresentationId(presentationId),
        Money.of(amount, "USD"),
        PRESENTED.minusDays(5),
        PRESENTED,
        null,
        null);
  }

  private static String commands(String lcId) {
    return "/api/v1/lcs/" + lcId + "/commands";
  }

  @Test
  void the_register_shows_each_credit_as_of_its_last_event() {
    List<Map<String, Object>> register = register();

    assertThat(register)
        .extracting(r -> r.get("lcId"), r -> r.get("status"), r -> r.get("drawn"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(examined, "ADVISED", "40000.00"),
            org.assertj.core.groups.Tuple.tuple(awaiting, "ADVISED", "10000.00"));
    assertThat(register.get(0))
        .containsEntry("applicant", applicant)
        .containsEntry("beneficiary", "Northwind Textiles Ltd")
        .containsEntry("currency", "USD")
        .containsEntry("amount", "100000.00")
        .containsEntry("expiryDate", "2026-06-30");
    assertThat(list("/api/v1/reports/register?status=CLOSED"))
        .noneMatch(r -> r.get("lcId").equals(examined));
  }

  @Test
  void exposure_sums_the_live_credits_of_an_applicant_per_currency() {
    assertThat(list("/api/v1/reports/exposure"))
        .filteredOn(e -> applicant.equals(e.get("applicant")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("currency", "USD")
                    .containsEntry("credits", 2)
                    .containsEntry("maximumDrawable", "200000.00")
                    .containsEntry("drawn", "50000.00")
                    .containsEntry("outstanding", "150000.00"));
  }

  @Test
  void presentations_carry_their_discrepancies_in_order() {
    assertThat(list("/api/v1/reports/presentations?lcId=" + examined))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p)
                  .containsEntry("status", "DISCREPANT")
                  .containsEntry("amount", "40000.00");
              List<Object> codes = new ArrayList<>();
              ((List<?>) p.get("discrepancies"))
                  .forEach(d -> codes.add(((Map<?, ?>) d).get("code")));
              assertThat(codes).containsExactly("LATE_SHIPMENT", "BL_UNSIGNED");
            });
  }

  @Test
  void examinations_near_or_past_their_deadline_are_listed() {
    assertThat(list("/api/v1/reports/examination-deadlines?asOf=2026-03-06&withinDays=3"))
        .filteredOn(d -> awaiting.equals(d.get("lcId")))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .containsEntry("deadline", DEADLINE.toString())
                    .containsEntry("daysLeft", 3)
                    .containsEntry("missed", false));
    assertThat(list("/api/v1/reports/examination-deadlines?asOf=2026-03-10"))
        .filteredOn(d -> awaiting.equals(d.get("lcId")))
        .singleElement()
        .satisfies(d -> assertThat(d).containsEntry("missed", true));
    // Examined already: not awaiting anything.
    assertThat(list("/api/v1/reports/examination-deadlines?asOf=2026-03-10"))
        .noneMatch(d -> examined.equals(d.get("lcId")));
  }

  @Test
  void bad_report_parameters_answer_400_naming_the_parameter() {
    ApiClient.Response response = api.get("/api/v1/reports/examination-deadlines?asOf=tomorrow");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).containsEntry("field", "asOf");
    assertThat(api.get("/api/v1/reports/register?status=SHIPPED").status()).isEqualTo(400);
  }

  @Test
  void a_projection_on_postgresql_rebuilt_from_the_log_holds_the_same_rows() throws Exception {
    try (TestDatabase postgres = TestDatabase.create(Engine.POSTGRES);
        Reporting rebuilt =
            Reporting.start(
                postgres.settings(),
                true,
                new KafkaClients(service.config(), service.bootstrapServers()),
                TradeflowService.eventSerde(service.config()),
                new SimpleMeterRegistry(),
                new KafkaTracing(OpenTelemetry.noop()),
                Set::of)) {
      ReportingQueries queries = rebuilt.queries();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  queries.register(Optional.empty()).stream()
                          .filter(r -> r.lcId().equals(examined) || r.lcId().equals(awaiting))
                          .mapToLong(r -> r.version())
                          .sum()
                      == 11);
      ReportingQueries embedded = service.reporting().queries();
      assertThat(mine(queries.register(Optional.empty())))
          .isEqualTo(mine(embedded.register(Optional.empty())));
      assertThat(queries.presentations(Optional.of(examined)))
          .isEqualTo(embedded.presentations(Optional.of(examined)));
      assertThat(queries.examinationDeadlines(PRESENTED, 10))
          .filteredOn(d -> d.lcId().equals(awaiting))
          .isEqualTo(
              embedded.examinationDeadlines(PRESENTED, 10).stream()
                  .filter(d -> d.lcId().equals(awaiting))
                  .toList());
    }
  }

  private static <T extends Record> List<T> mine(List<T> rows) {
    return rows.stream()
        .filter(r -> r.toString().contains(examined) || r.toString().contains(awaiting))
        .toList();
  }

  private static List<Map<String, Object>> register() {
    return list("/api/v1/reports/register").stream()
        .filter(r -> examined.equals(r.get("lcId")) || awaiting.equals(r.get("lcId")))
        .toList();
  }

  private static Map<Object, Object> versions(List<Map<String, Object>> rows) {
    Map<Object, Object> versions = new java.util.HashMap<>();
    rows.forEach(r -> versions.put(r.get("lcId"), r.get("version")));
    return versions;
  }

  private static List<Map<String, Object>> list(String path) {
    try {
      return Json.mapper()
          .readValue(api.getText(path), new TypeReference<List<Map<String, Object>>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(path + " did not answer a JSON list", e);
    }
  }
}
