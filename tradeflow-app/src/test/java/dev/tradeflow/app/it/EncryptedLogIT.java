package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.cli.Cli;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.replay.ReplayReport;
import dev.tradeflow.app.replay.ReplayVerifier;
import dev.tradeflow.app.reporting.RegisterEntry;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.user.Role;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.crypto.RecordDecryptionException;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.schemas.EventSerde;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The service with {@code crypto.enabled}, on a broker of its own: events are stored encrypted and
 * served decrypted, the audit log verifies over the ciphertext, and after a credit's keys are
 * shredded its events can no longer be read while the audit log still verifies; a credit under a
 * legal hold cannot be shredded until the hold is released.
 */
class EncryptedLogIT {

  @Test
  void events_are_stored_encrypted_and_a_shredded_credit_stays_audited_but_unreadable()
      throws Exception {
    try (EmbeddedKafkaBroker broker = SharedKafka.startBroker()) {
      TradeflowConfig config =
          SharedKafka.config(
              Map.of(
                  "TRADEFLOW_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                  "TRADEFLOW_CRYPTO_ENABLED", "true",
                  "TRADEFLOW_CRYPTO_KEYSTORE_PASSWORD", "it-only-password"));
      try (TradeflowService service = TradeflowService.start(config, false)) {
        ApiClient api = SharedKafka.client(service);
        for (String lcId : List.of("SECRET-1", "SECRET-2")) {
          TestCommands.issuedAndAdvised()
              .forEach(
                  c ->
                      assertThat(api.post("/api/v1/lcs/" + lcId + "/commands", c).status())
                          .isEqualTo(200));
        }
        assertThat(api.get("/api/v1/lcs/SECRET-1").body()).containsEntry("status", "ADVISED");
        // The processor's state is sealed too: its changelogs hold no party's name.
        for (String store :
            List.of(CommandProcessor.AGGREGATE_STORE, CommandProcessor.HISTORY_STORE)) {
          String changelog = config.streams().applicationId() + "-" + store + "-changelog";
          List<ConsumerRecord<String, byte[]>> state =
              SharedKafka.readTopic(new KafkaClients(config, broker.bootstrapServers()), changelog);
          assertThat(state).as(changelog).isNotEmpty();
          for (ConsumerRecord<String, byte[]> record : state) {
            assertThat(PayloadCipher.isEnvelope(record.value())).as(record.key()).isTrue();
            assertThat(new String(record.value(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Acme Imports");
          }
        }

        KafkaClients clients = new KafkaClients(config, broker.bootstrapServers());
        List<ConsumerRecord<String, byte[]>> stored = SharedKafka.readEvents(clients);
        assertThat(stored).hasSize(8);
        for (ConsumerRecord<String, byte[]> record : stored) {
          assertThat(PayloadCipher.isEnvelope(record.value())).isTrue();
          assertThat(new String(record.value(), StandardCharsets.ISO_8859_1))
              .doesNotContain("Acme Imports");
        }
        AuditVerifier auditor =
            new AuditVerifier(
                config.audit().origin(), KeyRing.load(config.audit().keysDir()).verifierKeys());
        SharedKafka.awaitAudited(auditor, clients, 8);
        // replay --verify reads the sealed changelogs as the stores do.
        ReplayReport replay =
            new ReplayVerifier(
                    clients, TradeflowService.eventSerde(config), config.streams().applicationId())
                .verify();
        assertThat(replay.agrees()).as(replay.divergences().toString()).isTrue();
        assertThat(replay.creditsInLiveStore()).isEqualTo(2);

        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> registered(service).containsAll(List.of("SECRET-1", "SECRET-2")));

        // A legal hold keeps the records readable: the shred is refused until it is released.
        Map<String, String> legal = SharedKafka.as(service, "legal.lee", Role.COMPLIANCE);
        assertThat(
                api.post(
                        "/api/v1/lcs/SECRET-1/commands",
                        new LcCommand.PlaceLegalHold(
                            new CommandId("hold"), "SEC-2026-7", "subpoena", TestCommands.APPLIED),
                        legal)
                    .status())
            .isEqualTo(200);
        Path cliConfig =
            SharedKafka.cliConfigFor(
                broker.bootstrapServers(),
                "data.dir=" + config.dataDir(),
                "registry.port=" + config.registry().port(),
                "crypto.enabled=true",
                "crypto.keystore-password=it-only-password");
        Cli.Result refused =
            Cli.run("--config", cliConfig.toString(), "crypto", "shred", "--lc", "SECRET-1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("SECRET-1 is under legal hold SEC-2026-7");
        assertThat(
                api.post(
                        "/api/v1/lcs/SECRET-1/commands",
                        new LcCommand.ReleaseLegalHold(
                            new CommandId("release"), "SEC-2026-7", "closed", TestCommands.APPLIED),
                        legal)
                    .status())
            .isEqualTo(200);
        Cli.Result shredded =
            Cli.run("--config", cliConfig.toString(), "crypto", "shred", "--lc", "SECRET-1");
        assertThat(shredded.exitCode()).as(shredded.output()).isZero();
        stored = SharedKafka.readEvents(clients);

        EventSerde reader = TradeflowService.eventSerde(config);
        RecordEncryption encryption = clients.encryption();
        for (ConsumerRecord<String, byte[]> record : stored) {
          if (record.key().equals("SECRET-1")) {
            assertThatThrownBy(() -> encryption.open(record))
                .isInstanceOf(RecordDecryptionException.class)
                .hasMessageContaining("crypto-shredding");
          } else {
            assertThat(reader.deserialize(record.topic(), encryption.open(record)).aggregateId())
                .isEqualTo("SECRET-2");
          }
        }
        assertThat(auditor.verify(new KafkaAuditSource(clients)).passed()).isTrue();

        // Nor can the service serve it from its state any longer; the other credit it can.
        ApiClient.Response gone = api.get("/api/v1/lcs/SECRET-1");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.problemCode()).isEqualTo("SHREDDED");
        assertThat(api.get("/api/v1/lcs/SECRET-1/events").status()).isEqualTo(410);
        assertThat(api.get("/api/v1/lcs/SECRET-2").body()).containsEntry("status", "ADVISED");
        assertThat(api.getText("/api/v1/lcs")).contains("SECRET-2").doesNotContain("SECRET-1");
        // The reporting view's copy goes too.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> registered(service).equals(List.of("SECRET-2")));
        // A command for it is refused with the reason; the processor goes on.
        ApiClient.Response refusedCommand =
            api.post(
                "/api/v1/lcs/SECRET-1/commands",
                new LcCommand.PlaceLegalHold(
                    new CommandId("hold-2"), "SEC-2026-8", "subpoena", TestCommands.APPLIED),
                legal);
        assertThat(refusedCommand.status()).isEqualTo(410);
        assertThat(refusedCommand.problemCode()).isEqualTo("CREDIT_SHREDDED");
        assertThat(
                api.post(
                        "/api/v1/lcs/SECRET-2/commands",
                        new LcCommand.PlaceLegalHold(
                            new CommandId("hold-3"),
                            "SEC-2026-9",
                            "subpoena",
                            TestCommands.APPLIED),
                        legal)
                    .status())
            .isEqualTo(200);
      }
    }
  }

  private static List<String> registered(TradeflowService service) throws SQLException {
    return service.reporting().queries().register(Optional.empty()).stream()
        .map(RegisterEntry::lcId)
        .sorted()
        .toList();
  }
}
