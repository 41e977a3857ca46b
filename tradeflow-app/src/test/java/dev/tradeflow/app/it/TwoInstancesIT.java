package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.demo.ApiClient.Response;
import dev.tradeflow.app.issuance.IssuanceTopology;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand.ApplyForCredit;
import dev.tradeflow.domain.lc.LcCommand.ApproveApplication;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.user.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service share the processor's partitions: a query answers whichever instance
 * holds the credit, and a command that takes longer than the wait is answered 202.
 */
class TwoInstancesIT {

  /** Until both instances run and the second holds tasks of its own. */
  private static void awaitSharing(
      TradeflowService first, TradeflowService second, Duration atMost) {
    await()
        .atMost(atMost)
        .until(
            () ->
                first.streams().state() == KafkaStreams.State.RUNNING
                    && second.streams().state() == KafkaStreams.State.RUNNING
                    && second.streams().metadataForLocalThreads().stream()
                        .anyMatch(t -> !t.activeTasks().isEmpty()));
  }

  @Test
  void queries_and_slow_commands_across_two_instances() {
    TradeflowService first = SharedKafka.service();
    ApiClient viaFirst = SharedKafka.client(first);
    List<String> lcIds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String lcId = "TWO-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(
              viaFirst.post("/api/v1/lcs/" + lcId + "/commands", TestCommands.apply("c1")).status())
          .isEqualTo(200);
      lcIds.add(lcId);
    }

    try (TradeflowService second =
        TradeflowService.start(
            SharedKafka.config(Map.of("TRADEFLOW_HTTP_COMMAND_WAIT_MS", "1")), false)) {
      awaitSharing(first, second, Duration.ofSeconds(60));
      ApiClient viaSecond = SharedKafka.client(second);

      for (String lcId : lcIds) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  assertThat(viaFirst.get("/api/v1/lcs/" + lcId).status()).isEqualTo(200);
                  assertThat(viaSecond.get("/api/v1/lcs/" + lcId).status()).isEqualTo(200);
                });
      }
      assertThat(viaSecond.getText("/api/v1/lcs?status=APPLIED")).contains(lcIds);

      String lcId = lcIds.get(0);
      Response pending =
          viaSecond.post(
              "/api/v1/lcs/" + lcId + "/commands",
              new ApproveApplication(
                  new CommandId("c2"), "officer", TestCommands.APPLIED.plusDays(1)));
      assertThat(pending.status()).isEqualTo(202);
      String location = (String) pending.body().get("location");
      assertThat(location).isEqualTo("/api/v1/lcs/" + lcId + "/commands/c2");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Response outcome = viaSecond.get(location);
                assertThat(outcome.status()).isEqualTo(200);
                assertThat(outcome.body())
                    .containsEntry("outcome", "ACCEPTED")
                    .containsEntry("version", 2);
              });
    }
  }

  /**
   * With the saga on two instances, a credit's saga lives on one of them: reading it or approving
   * it through the other is forwarded to it.
   */
  @Test
  void a_saga_is_read_and_approved_through_either_instance() {
    TradeflowService first = SharedKafka.sagaService();
    ApiClient viaFirst = SharedKafka.client(first);
    String applicant = "Two Instances Imports LLC";
    assertThat(
            viaFirst
                .post(
                    "/api/v1/facilities",
                    Map.of(
                        "applicant", Map.of("name", applicant, "country", "US"),
                        "limit", Map.of("amount", "100000000", "currency", "USD")),
                    SharedKafka.as(first, "credit.officer", Role.CHECKER))
                .status())
        .isEqualTo(202);

    try (TradeflowService second = TradeflowService.start(SharedKafka.sagaConfig(), false)) {
      awaitSharing(first, second, Duration.ofSeconds(90));
      ApiClient viaSecond = SharedKafka.client(second);
      HostInfo secondHost = new HostInfo("127.0.0.1", second.apiBase().getPort());
      // A credit whose saga the second instance holds, approved through the first.
      String lcId;
      do {
        lcId = "TWO-SAGA-" + UUID.randomUUID().toString().substring(0, 8);
      } while (!first
          .streams()
          .queryMetadataForKey(IssuanceTopology.SAGA_STORE, lcId, new StringSerializer())
          .activeHost()
          .equals(secondHost));
      LcTerms large = IssuanceIT.terms(applicant, "Northwind Textiles Ltd", "GB", "300000");
      assertThat(
              viaFirst
                  .post(
                      "/api/v1/lcs/" + lcId + "/commands",
                      new ApplyForCredit(
                          new CommandId("apply"), large, LocalDate.now(ZoneOffset.UTC)),
                      SharedKafka.as(first, "maker.mary", Role.MAKER))
                  .status())
          .isEqualTo(200);
      String path = "/api/v1/sagas/" + lcId;
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () ->
                  assertThat(viaFirst.get(path).body()).containsEntry("step", "AWAITING_APPROVAL"));
      Response approved =
          viaFirst.post(
              path + "/approval",
              Map.of("approved", true, "reason", "within appetite"),
              SharedKafka.as(first, "checker.chris", Role.CHECKER));
      assertThat(approved.status()).as(approved.body().toString()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(viaFirst.get(path).body()).containsEntry("step", "ISSUED");
                assertThat(viaSecond.get(path).body()).containsEntry("step", "ISSUED");
              });
    }
  }
}
