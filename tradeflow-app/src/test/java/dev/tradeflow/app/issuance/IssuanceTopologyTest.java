package dev.tradeflow.app.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.app.processor.AggregateSnapshot;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.domain.calendar.BankingCalendar;
import dev.tradeflow.domain.credit.FacilityCommand;
import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.FacilityState;
import dev.tradeflow.domain.issuance.PresentationClearance;
import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.issuance.SagaInput.ScreeningCompleted.Outcome;
import dev.tradeflow.domain.issuance.SagaPolicy;
import dev.tradeflow.domain.issuance.SagaState;
import dev.tradeflow.domain.issuance.SagaStep;
import dev.tradeflow.domain.lc.AmendmentChanges;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.TradeDocument;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.review.CaseCommand;
import dev.tradeflow.domain.review.CaseDecision;
import dev.tradeflow.domain.review.CaseFinding;
import dev.tradeflow.domain.review.CaseId;
import dev.tradeflow.domain.review.CaseStatus;
import dev.tradeflow.domain.review.HitLevel;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.domain.user.User;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import dev.tradeflow.schemas.AvroSingleObjectSerde;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saga, the review cases and the credit facilities wired to the command processor, driven
 * through their topics with {@link TopologyTestDriver}; the test plays the compliance service by
 * answering screening requests.
 */
class IssuanceTopologyTest {

  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
  private static final String LC = "LC-1";
  private static final SagaId SAGA = new SagaId("corr-LC-1");
  private static final FacilityId FACILITY = FacilityId.of(TestCommands.terms().applicant());
  private static final CaseFinding LISTED =
      new CaseFinding("SANCTIONS_NAME", HitLevel.BLOCK, 0.99, "beneficiary", "SDN-306 …");

  private static final byte[] NOT_JSON =
      "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> commands;
  private TestInputTopic<String, byte[]> screeningResults;
  private TestInputTopic<String, byte[]> creditRequests;
  private TestInputTopic<String, byte[]> caseCommands;
  private TestInputTopic<String, byte[]> approvals;
  private TestInputTopic<String, byte[]> amendments;
  private TestOutputTopic<String, ScreeningRequest> screeningRequests;

  private static SagaPolicy policy(String threshold) {
    Map<SagaStep, Duration> timeouts = new EnumMap<>(SagaStep.class);
    for (SagaStep step : SagaStep.values()) {
      if (!step.isFinal()) {
        timeouts.put(step, step.isTransient() ? Duration.ofSeconds(30) : Duration.ofHours(1));
      }
    }
    return new SagaPolicy(Money.of(threshold, "USD"), timeouts, 2);
  }

  private void start(SagaPolicy policy) {
    AvroSingleObjectSerde serde = new AvroSingleObjectSerde();
    Topology topology =
        CommandProcessor.topology(
            BankingCalendar.weekendsOnly(),
            serde,
            Duration.ofDays(7),
            new KafkaTracing(OpenTelemetry.noop()),
            RecordEncryption.none());
    IssuanceTopology.addTo(topology, serde, policy, Duration.ofSeconds(1), RecordEncryption.none());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "issuance-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, START);
    commands = input(Topics.LC_COMMANDS);
    screeningResults = input(Topics.AML_SCREENING_RESULTS);
    creditRequests = input(Topics.CREDIT_REQUESTS);
    caseCommands = input(Topics.AML_CASE_COMMANDS);
    approvals = input(Topics.SAGA_APPROVALS);
    amendments = input(Topics.SAGA_AMENDMENTS);
    screeningRequests =
        driver.createOutputTopic(
            Topics.AML_SCREENING_REQUESTS,
            Serdes.String().deserializer(),
            JsonSerde.of(ScreeningRequest.class).deserializer());
  }

  private TestInputTopic<String, byte[]> input(String topic) {
    return driver.createInputTopic(
        topic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), START, Duration.ZERO);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  private void openFacility(String limit) {
    creditRequests.pipeInput(
        FACILITY.value(),
        Json.toBytes(
            new CreditRequest(
                FACILITY,
                new FacilityCommand.OpenFacility(Money.of(limit, "USD")),
                Optional.empty(),
                Optional.empty(),
                "credit.officer")));
  }

  private void apply() {
    commands.pipeInput(LC, Json.toBytes(TestCommands.envelope(LC, TestCommands.apply("c1"))));
  }

  private void screened(Outcome outcome, CaseFinding... findings) {
    answer(screeningRequests.readValue(), outcome, findings);
  }

  /** Plays the compliance service: answers {@code request} with {@code outcome}. */
  private void answer(ScreeningRequest request, Outcome outcome, CaseFinding... findings) {
    screeningResults.pipeInput(
        LC,
        Json.toBytes(
            new ScreeningResult(
                request.sagaId(),
                request.lcId(),
                request.amendment(),
                request.attempt(),
                outcome,
                List.of(findings),
                "0123456789abcdef".repeat(4),
                START,
                request.presentation())));
  }

  private void decide(CaseId caseId, String officer, CaseDecision decision) {
    caseCommands.pipeInput(
        LC,
        Json.toBytes(
            new CaseCommandRecord(
                caseId,
                new CaseCommand.DecideCase(
                    new User(officer, Set.of(Role.COMPLIANCE)), decision, "reviewed"))));
  }

  private SagaState saga() {
    KeyValueStore<String, SagaState> store = driver.getKeyValueStore(IssuanceTopology.SAGA_STORE);
    return store.get(LC);
  }

  private AggregateSnapshot snapshot() {
    KeyValueStore<String, AggregateSnapshot> store =
        driver.getKeyValueStore(CommandProcessor.AGGREGATE_STORE);
    return store.get(LC);
  }

  private LcStatus lcStatus() {
    return snapshot().state().status();
  }

  private FacilityState facility() {
    KeyValueStore<String, FacilityState> store =
        driver.getKeyValueStore(IssuanceTopology.FACILITY_STORE);
    return store.get(FACILITY.value());
  }

  @Test
  void a_clean_application_is_screened_reserved_approved_and_issued() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    assertThat(saga().id()).isEqualTo(SAGA);
    assertThat(saga().step()).isEqualTo(SagaStep.SCREENING);
    screened(Outcome.CLEAR);

    assertThat(saga().step()).isEqualTo(SagaStep.ISSUED);
    assertThat(lcStatus()).isEqualTo(LcStatus.ISSUED);
    assertThat(facility().available()).isEqualTo(Money.of("900000", "USD"));
    assertThat(facility().reservations().values())
        .extracting(r -> r.status())
        .containsExactly(FacilityState.ReservationStatus.CONSUMED);
  }

  @Test
  void a_confirmed_hit_rejects_the_application_and_it_is_never_issued() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.BLOCK, LISTED);
    assertThat(saga().step()).isEqualTo(SagaStep.AWAITING_REVIEW);
    decide(new CaseId("LC-1:s1:1"), "compliance.carol", CaseDecision.CONFIRM);

    assertThat(saga().step()).isEqualTo(SagaStep.REJECTED);
    assertThat(lcStatus()).isEqualTo(LcStatus.REJECTED);
    assertThat(facility().utilised()).isEqualTo(Money.of("0", "USD"));
  }

  @Test
  void a_block_level_near_match_cleared_by_two_officers_is_issued() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.BLOCK, LISTED);
    CaseId caseId = new CaseId("LC-1:s1:1");
    decide(caseId, "compliance.carol", CaseDecision.CLEAR);
    decide(caseId, "compliance.carol", CaseDecision.CLEAR);
    assertThat(saga().step()).isEqualTo(SagaStep.AWAITING_REVIEW);
    decide(caseId, "compliance.dan", CaseDecision.CLEAR);

    assertThat(saga().step()).isEqualTo(SagaStep.ISSUED);
    assertThat(lcStatus()).isEqualTo(LcStatus.ISSUED);
    KeyValueStore<String, CaseView> cases = driver.getKeyValueStore(IssuanceTopology.CASE_STORE);
    assertThat(cases.get(caseId.value()).history()).hasSize(3);
  }

  @Test
  void an_over_limit_application_is_rejected_with_nothing_reserved() {
    start(policy("250000"));
    openFacility("50000");
    apply();
    screened(Outcome.CLEAR);

    assertThat(saga().step()).isEqualTo(SagaStep.REJECTED);
    assertThat(saga().outcome())
        .hasValueSatisfying(
            o -> assertThat(o).startsWith("credit refused: OVER_LIMIT: requested USD 100000.00"));
    assertThat(lcStatus()).isEqualTo(LcStatus.REJECTED);
    assertThat(facility().utilised()).isEqualTo(Money.of("0", "USD"));
  }

  @Test
  void over_the_threshold_the_maker_cannot_approve_and_a_checker_can() {
    start(policy("50000"));
    openFacility("1000000");
    apply();
    screened(Outcome.CLEAR);
    assertThat(saga().step()).isEqualTo(SagaStep.AWAITING_APPROVAL);
    approvals.pipeInput(
        LC, Json.toBytes(new Approval(SAGA, "tester", true, "mine", Optional.empty(), START)));
    assertThat(saga().step()).isEqualTo(SagaStep.AWAITING_APPROVAL);
    approvals.pipeInput(
        LC, Json.toBytes(new Approval(SAGA, "checker.chris", true, "ok", Optional.empty(), START)));
    assertThat(saga().step()).isEqualTo(SagaStep.ISSUED);
  }

  @Test
  void a_review_nobody_decides_in_time_is_compensated_and_its_case_withdrawn() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.REVIEW, LISTED);
    driver.advanceWallClockTime(Duration.ofHours(1).plusSeconds(1));

    assertThat(saga().step()).isEqualTo(SagaStep.REJECTED);
    KeyValueStore<String, CaseView> cases = driver.getKeyValueStore(IssuanceTopology.CASE_STORE);
    assertThat(cases.get("LC-1:s1:1").state().status()).isEqualTo(CaseStatus.WITHDRAWN);
  }

  @Test
  void an_unanswered_screening_is_retried_then_compensated() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    assertThat(screeningRequests.readValue().attempt()).isEqualTo(1);
    driver.advanceWallClockTime(Duration.ofSeconds(31));
    assertThat(screeningRequests.readValue().attempt()).isEqualTo(2);
    driver.advanceWallClockTime(Duration.ofSeconds(31));

    assertThat(saga().step()).isEqualTo(SagaStep.REJECTED);
    assertThat(saga().outcome()).contains("SCREENING timed out after 2 attempts");
    assertThat(lcStatus()).isEqualTo(LcStatus.REJECTED);
  }

  private static final LcCommand.RequestAmendment RAISE =
      new LcCommand.RequestAmendment(
          new CommandId("amend-1"),
          new AmendmentId("A1"),
          new AmendmentChanges(Money.of("150000", "USD"), null, null, null, "more coffee"),
          LocalDate.of(2026, 1, 6));

  private TestOutputTopic<String, CommandResult> results() {
    return driver.createOutputTopic(
        Topics.LC_COMMAND_RESULTS,
        Serdes.String().deserializer(),
        JsonSerde.of(CommandResult.class).deserializer());
  }

  private void applyForAmendment(LcCommand.RequestAmendment amendment) {
    amendments.pipeInput(
        LC,
        Json.toBytes(
            new CommandEnvelope(new LcId(LC), amendment, "amender.alan", "corr-a", START)));
  }

  private Optional<CommandResult> resultOf(
      TestOutputTopic<String, CommandResult> results, String commandId) {
    return results.readValuesToList().stream()
        .filter(r -> r.commandId().value().equals(commandId))
        .reduce((first, last) -> last);
  }

  @Test
  void a_raise_is_screened_and_reserved_before_the_credit_records_it() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.CLEAR);
    TestOutputTopic<String, CommandResult> results = results();
    results.readValuesToList();

    applyForAmendment(RAISE);
    assertThat(saga().step()).isEqualTo(SagaStep.SCREENING);
    assertThat(snapshot().state().amendments()).isEmpty();
    screened(Outcome.CLEAR);

    assertThat(resultOf(results, "amend-1"))
        .hasValueSatisfying(r -> assertThat(r.isAccepted()).isTrue());
    assertThat(snapshot().state().pendingAmendment()).isPresent();
    assertThat(saga().step()).isEqualTo(SagaStep.ISSUED);
    assertThat(facility().utilised()).isEqualTo(Money.of("150000", "USD"));

    commands.pipeInput(
        LC,
        Json.toBytes(
            TestCommands.envelope(
                LC,
                new LcCommand.AcceptAmendment(
                    new CommandId("accept-1"), new AmendmentId("A1"), LocalDate.of(2026, 1, 7)))));
    assertThat(facility().reservations().values())
        .extracting(r -> r.status())
        .containsOnly(FacilityState.ReservationStatus.CONSUMED)
        .hasSize(2);
    assertThat(saga().currentTerms().amount()).isEqualTo(Money.of("150000", "USD"));
  }

  @Test
  void an_amendment_the_saga_does_not_clear_is_refused_under_its_command_id() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.CLEAR);
    TestOutputTopic<String, CommandResult> results = results();

    applyForAmendment(RAISE);
    screened(Outcome.BLOCK, LISTED);
    decide(new CaseId("LC-1:A1:s1:1"), "compliance.carol", CaseDecision.CONFIRM);

    assertThat(resultOf(results, "amend-1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.isAccepted()).isFalse();
              assertThat(r.rejection().code()).isEqualTo(RejectionCode.AMENDMENT_NOT_CLEARED);
              assertThat(r.rejection().detail()).contains("screening hit confirmed");
            });
    assertThat(snapshot().state().amendments()).isEmpty();
    assertThat(facility().utilised()).isEqualTo(Money.of("100000", "USD"));

    // A retry is answered the same, by the processor that remembers the outcome.
    applyForAmendment(RAISE);
    assertThat(resultOf(results, "amend-1"))
        .hasValueSatisfying(
            r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.AMENDMENT_NOT_CLEARED));
  }

  @Test
  void only_an_amendment_comes_with_a_refusal() {
    start(policy("250000"));
    TestOutputTopic<String, CommandResult> results = results();
    commands.pipeInput(
        LC,
        Json.toBytes(
            new CommandEnvelope(
                new LcId(LC),
                TestCommands.apply("c1"),
                "someone",
                "corr",
                START,
                new Rejection(RejectionCode.AMENDMENT_NOT_CLEARED, "forged"))));
    assertThat(resultOf(results, "c1"))
        .hasValueSatisfying(
            r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.INVALID_COMMAND));
    assertThat(saga()).isNull();
  }

  @Test
  void an_amendment_of_a_credit_without_a_saga_goes_to_the_credit() {
    start(policy("250000"));
    TestOutputTopic<String, CommandResult> results = results();
    applyForAmendment(RAISE);
    assertThat(resultOf(results, "amend-1"))
        .hasValueSatisfying(
            r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.LC_NOT_FOUND));
  }

  private static final DocumentParticulars PARTICULARS =
      new DocumentParticulars(
          List.of(new TradeDocument(TradeDocument.Kind.BILL_OF_LADING, "MAEU1", "Maersk A/S")),
          new ShipmentTerms(
              null, "COBUN", "GBFXT", List.of(), new Vessel("MAERSK SELETAR", "9356646")));

  private static final LcCommand.PresentDocuments PRESENT =
      new LcCommand.PresentDocuments(
          new CommandId("present-1"),
          new PresentationId("P1"),
          Money.of("40000", "USD"),
          LocalDate.of(2026, 1, 6),
          LocalDate.of(2026, 1, 7),
          null,
          PARTICULARS);

  private void present(LcCommand.PresentDocuments presentation) {
    driver
        .createInputTopic(
            Topics.SAGA_PRESENTATIONS,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer(),
            START,
            Duration.ZERO)
        .pipeInput(
            LC,
            Json.toBytes(
                new CommandEnvelope(new LcId(LC), presentation, "presenter.pat", "corr-p", START)));
  }

  @Test
  void a_presentations_documents_are_screened_before_the_credit_records_them() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.CLEAR);
    TestOutputTopic<String, CommandResult> results = results();

    present(PRESENT);
    assertThat(snapshot().state().presentations()).isEmpty();
    ScreeningRequest request = screeningRequests.readValue();
    assertThat(request.presentation()).contains(new PresentationId("P1"));
    assertThat(request.particulars()).isEqualTo(PARTICULARS);
    answer(request, Outcome.CLEAR);

    assertThat(resultOf(results, "present-1"))
        .hasValueSatisfying(r -> assertThat(r.isAccepted()).isTrue());
    assertThat(snapshot().state().presentations()).hasSize(1);
    assertThat(saga().presentation(new PresentationId("P1")).orElseThrow().status())
        .isEqualTo(PresentationClearance.Status.PRESENTED);
  }

  @Test
  void a_presentation_whose_hit_is_confirmed_is_refused_and_never_recorded() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.CLEAR);
    TestOutputTopic<String, CommandResult> results = results();

    present(PRESENT);
    screened(
        Outcome.REVIEW,
        new CaseFinding(
            "TBML_DUPLICATE_DOCUMENT",
            HitLevel.REVIEW,
            1.0,
            "bill of lading MAEU1 of MAERSK A/S",
            "already presented under LC-9"));
    CaseId caseId = new CaseId("LC-1:P1:d1:1");
    decide(caseId, "compliance.carol", CaseDecision.CONFIRM);

    assertThat(resultOf(results, "present-1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.rejection().code()).isEqualTo(RejectionCode.PRESENTATION_NOT_CLEARED);
              assertThat(r.rejection().detail())
                  .isEqualTo("screening hit confirmed in case LC-1:P1:d1:1: reviewed");
            });
    assertThat(snapshot().state().presentations()).isEmpty();
    KeyValueStore<String, CaseView> cases = driver.getKeyValueStore(IssuanceTopology.CASE_STORE);
    assertThat(cases.get(caseId.value()).state().status()).isEqualTo(CaseStatus.CONFIRMED);
  }

  @Test
  void a_presentations_review_nobody_decides_falls_due_although_the_saga_is_at_rest() {
    start(policy("250000"));
    openFacility("1000000");
    apply();
    screened(Outcome.CLEAR);
    TestOutputTopic<String, CommandResult> results = results();
    present(PRESENT);
    screened(Outcome.REVIEW, LISTED);
    assertThat(saga().step()).isEqualTo(SagaStep.ISSUED);
    driver.advanceWallClockTime(Duration.ofHours(1).plusSeconds(1));

    assertThat(resultOf(results, "present-1"))
        .hasValueSatisfying(
            r ->
                assertThat(r.rejection().code()).isEqualTo(RejectionCode.PRESENTATION_NOT_CLEARED));
    KeyValueStore<String, CaseView> cases = driver.getKeyValueStore(IssuanceTopology.CASE_STORE);
    assertThat(cases.get("LC-1:P1:d1:1").state().status()).isEqualTo(CaseStatus.WITHDRAWN);
  }

  @Test
  void an_unreadable_record_is_parked_in_its_dead_letter_topic() {
    start(policy("250000"));
    TestOutputTopic<String, byte[]> parked =
        driver.createOutputTopic(
            Topics.dlqOf(Topics.SAGA_APPROVALS),
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
    approvals.pipeInput(LC, NOT_JSON);
    assertThat(parked.readValue()).isEqualTo(NOT_JSON);
  }
}
