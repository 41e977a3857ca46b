package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.cli.Cli;
import dev.tradeflow.app.demo.DemoRunner;
import dev.tradeflow.audit.checkpoint.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's audit log after the demo: every event is audited in signed checkpoints that {@code
 * ./tradeflow audit verify} checks against the topics, and only with the right key.
 */
class AuditIT {

  private static DemoRunner.Summary demo;

  @BeforeAll
  static void runTheDemo() throws InterruptedException {
    demo = SharedKafka.sagaDemo();
  }

  @Test
  void the_demo_leaves_a_log_that_audit_verify_passes() throws Exception {
    TradeflowService service = SharedKafka.sagaService();
    assertThat(demo.failures()).isEmpty();
    Path config = SharedKafka.sagaCliConfig("audit.keys-dir=" + service.config().audit().keysDir());

    Cli.Result verified =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> Cli.run("-c", config.toString(), "audit", "verify"),
                result -> result.exitCode() == 0 && !result.output().contains("awaiting"));

    assertThat(verified.output()).contains("tf.lc.events-").containsPattern("OK: \\d+ records");

    // One credit's evidence, checked with the public key alone.
    String lcId = demo.lcId(1);
    Path bundle = Files.createTempDirectory("bundle").resolve("bundle.json");
    Cli.Result proved =
        Cli.run(
            "-c", config.toString(), "audit", "prove", "--lc", lcId, "--out", bundle.toString());
    assertThat(proved.exitCode()).as(proved.output()).isZero();
    Path publicKey;
    try (var keys = Files.list(service.config().audit().keysDir())) {
      publicKey = keys.filter(f -> f.toString().endsWith(".pub")).findFirst().orElseThrow();
    }
    Cli.Result checked =
        Cli.run("audit", "verify-bundle", bundle.toString(), "--public-key", publicKey.toString());
    assertThat(checked.exitCode()).as(checked.output()).isZero();
    assertThat(checked.output()).containsPattern("OK: \\d+ records of " + lcId);
  }

  @Test
  void checkpoints_fail_against_a_key_the_auditor_was_not_given() throws Exception {
    Path stranger = Files.createTempFile("stranger", ".pub");
    Files.writeString(stranger, SigningKey.generate("stranger").verifierKey().toString());

    Cli.Result result =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    Cli.run(
                        "-c",
                        SharedKafka.sagaCliConfig().toString(),
                        "audit",
                        "verify",
                        "--public-key",
                        stranger.toString()),
                r -> r.output().contains("FAILED"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("no trusted key signed the note");
  }
}
