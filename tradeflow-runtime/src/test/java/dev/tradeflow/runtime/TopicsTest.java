package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private final TradeflowConfig embedded = TradeflowConfig.defaults();
  private final TradeflowConfig cluster =
      ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_BOOTSTRAP_SERVERS", "kafka:9092"));

  @Test
  void the_catalogue_holds_the_lc_pipeline_compliance_credit_and_saga_topics() {
    assertThat(Topics.catalogue(embedded))
        .extracting(TopicSpec::name)
        .containsExactly(
            "tf.lc.commands",
            "tf.lc.events",
            "tf.lc.command-results",
            "tf.lc.commands.dlq",
            "tf.lc.events.dlq",
            "tf.dlq.actions",
            "tf.audit.checkpoints",
            "tf.audit.access",
            "tf.audit.sequencer-state",
            "tf.aml.screening-requests",
            "tf.aml.screening-results",
            "tf.aml.case-commands",
            "tf.aml.case-events",
            "tf.credit.requests",
            "tf.credit.events",
            "tf.credit.results",
            "tf.saga.approvals",
            "tf.saga.amendments",
            "tf.saga.presentations",
            "tf.aml.document-register",
            "tf.aml.screening-requests.dlq",
            "tf.aml.screening-results.dlq",
            "tf.aml.case-commands.dlq",
            "tf.aml.case-events.dlq",
            "tf.credit.requests.dlq",
            "tf.credit.results.dlq",
            "tf.saga.approvals.dlq",
            "tf.saga.amendments.dlq",
            "tf.saga.presentations.dlq");
    assertThat(Topics.audited())
        .contains(
            "tf.aml.screening-results",
            "tf.aml.case-events",
            "tf.credit.events",
            "tf.saga.amendments",
            "tf.saga.presentations",
            "tf.aml.document-register");
  }

  @Test
  void every_audited_topic_and_the_checkpoints_are_kept_forever() {
    for (TopicSpec spec : Topics.catalogue(cluster)) {
      if (Topics.audited().contains(spec.name()) || spec.name().equals(Topics.AUDIT_CHECKPOINTS)) {
        assertThat(spec.configs())
            .as(spec.name())
            .containsEntry("retention.ms", "-1")
            .containsEntry("cleanup.policy", "delete");
      }
    }
    assertThat(Topics.auditSequencerState(cluster).configs())
        .containsEntry("cleanup.policy", "compact");
  }

  @Test
  void dead_letters_are_kept_until_an_operator_acts() {
    assertThat(Topics.deadLetters(cluster, Topics.LC_COMMANDS).configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1");
  }

  @Test
  void events_are_kept_forever_and_never_compacted() {
    TopicSpec events = Topics.lcEvents(cluster);

    assertThat(events.configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1")
        .containsEntry("retention.bytes", "-1")
        .containsEntry("min.insync.replicas", "2");
    assertThat(events.partitions()).isEqualTo(6);
    assertThat(events.replicationFactor()).isEqualTo(3);
    assertThat(events.keepsEveryRecord()).isTrue();
  }

  @Test
  void commands_are_kept_a_week_and_results_a_day() {
    assertThat(Topics.lcCommands(embedded).configs())
        .containsEntry("retention.ms", "604800000")
        .containsEntry("min.insync.replicas", "1");
    assertThat(Topics.lcCommandResults(embedded).configs())
        .containsEntry("retention.ms", "86400000");
    assertThat(Topics.lcCommands(embedded).keepsEveryRecord()).isFalse();
  }

  @Test
  void a_dead_letter_topic_is_named_after_its_source() {
    assertThat(Topics.dlqOf(Topics.LC_COMMANDS)).isEqualTo("tf.lc.commands.dlq");
  }
}
