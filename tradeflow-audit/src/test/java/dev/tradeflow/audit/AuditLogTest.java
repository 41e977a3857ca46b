package dev.tradeflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.audit.AuditReport.PartitionReport;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.audit.log.CheckpointRecord;
import dev.tradeflow.runtime.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequencer against a real broker: every committed record of the audited topics becomes a leaf
 * of its partition's tree, checkpoints are signed and continue each other across restarts, and the
 * verifier names the offset where the log departs from them.
 */
class AuditLogTest {

  @TempDir Path dir;

  @Test
  void checkpoints_cover_every_committed_record_across_restarts_and_verify() throws Exception {
    try (TestCluster cluster = new TestCluster(dir)) {
      String instance = UUID.randomUUID().toString();
      try (AuditSequencer sequencer = cluster.startSequencer(instance)) {
        cluster.produce(Topics.LC_EVENTS, 17, true);
        cluster.produceAborted(Topics.LC_EVENTS, 3);
        cluster.produce(Topics.DLQ_ACTIONS, 4, false);
        AuditReport report = cluster.awaitCheckpointed(21);
        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(sequencer.isRunning()).isTrue();
      }
      cluster.produce(Topics.LC_EVENTS, 9, true); // while no sequencer runs
      try (AuditSequencer restarted = cluster.startSequencer(instance)) {
        cluster.produce(Topics.LC_EVENTS, 5, true);
        AuditReport report = cluster.awaitCheckpointed(35);

        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(report.partitions().stream().mapToLong(PartitionReport::treeSize).sum())
            .as("leaves: the committed records, each once")
            .isEqualTo(35);
        assertThat(report.partitions().stream().mapToInt(PartitionReport::checkpoints).sum())
            .isGreaterThan(5);
      }
      CheckpointRecord any = new KafkaAuditSource(cluster.clients).checkpoints().get(0);
      assertThat(any.note().format()).startsWith("test.example/audit/" + any.topic() + "/");
      assertThat(any.note().format()).contains("\n\n\u2014 test.example/audit ");
    }
  }

  @Test
  void checkpoints_signed_by_a_key_the_auditor_does_not_trust_fail() throws Exception {
    try (TestCluster cluster = new TestCluster(dir)) {
      try (AuditSequencer sequencer = cluster.startSequencer("one")) {
        cluster.produce(Topics.LC_EVENTS, 3, false);
        cluster.awaitCheckpointed(3);
      }
      KeyRing other = KeyRing.loadOrGenerate(dir.resolve("other-keys"), "test.example/audit");

      AuditReport report =
          cluster.verify(new AuditVerifier("test.example/audit", other.verifierKeys()));

      assertThat(report.passed()).isFalse();
      assertThat(report.firstDivergence().orElseThrow().reason())
          .contains("is not valid: no trusted key signed the note");
    }
  }

  @Test
  void records_deleted_from_the_log_are_named_by_their_offset() throws Exception {
    try (TestCluster cluster = new TestCluster(dir)) {
      try (AuditSequencer sequencer = cluster.startSequencer("one")) {
        cluster.produceTo(Topics.LC_EVENTS, 2, "LC-1", 4);
        cluster.awaitCheckpointed(4);
      }
      try (Admin admin = Admin.create(cluster.clients.adminProps())) {
        admin
            .deleteRecords(
                Map.of(new TopicPartition(Topics.LC_EVENTS, 2), RecordsToDelete.beforeOffset(2)))
            .all()
            .get();
      }

      AuditReport report = cluster.verify();

      assertThat(report.passed()).isFalse();
      assertThat(report.firstDivergence().orElseThrow())
          .hasToString(
              "tf.lc.events-2@0: the audited record is missing here: offset 2 is in its place"
                  + " (deleted or moved)");
    }
  }
}
