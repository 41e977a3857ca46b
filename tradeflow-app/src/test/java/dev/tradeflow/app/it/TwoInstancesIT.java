package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.demo.ApiClient.Response;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand.ApproveApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service share the processor's partitions: a query answers whichever instance
 * holds the credit, and a command that takes longer than the wait is answered 202.
 */
class TwoInstancesIT {

  @Test
  void queries_and_slow_commands_across_two_instances() {
    TradeflowService first = SharedKafka.service();
    ApiClient viaFirst = new ApiClient(first.apiBase());
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
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  first.streams().state() == KafkaStreams.State.RUNNING
                      && second.streams().state() == KafkaStreams.State.RUNNING
                      && second.streams().metadataForLocalThreads().stream()
                          .anyMatch(t -> !t.activeTasks().isEmpty()));
      ApiClient viaSecond = new ApiClient(second.apiBase());

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
}
