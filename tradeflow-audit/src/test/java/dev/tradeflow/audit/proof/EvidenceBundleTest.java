package dev.tradeflow.audit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.audit.AuditSequencer;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.audit.TestCluster;
import dev.tradeflow.audit.archive.Archive;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.audit.log.AuditedRecord;
import dev.tradeflow.audit.proof.EvidenceBundle.LogEvidence;
import dev.tradeflow.audit.proof.EvidenceBundle.RecordEvidence;
import dev.tradeflow.runtime.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credit's evidence bundle, written from the live log and checked with nothing but the verifier
 * key once the broker is gone; and bundles doctored in each of their parts, which fail.
 */
class EvidenceBundleTest {

  @TempDir static Path dir;

  private static String origin;
  private static KeyRing keys;
  private static Path archive;
  private static EvidenceBundle bundle;
  private static BundleVerifier verifier;

  @BeforeAll
  static void proveAcrossSeveralCheckpoints() throws Exception {
    Path file = dir.resolve("bundle.json");
    archive = dir.resolve("archive");
    try (TestCluster cluster = new TestCluster(dir)) {
      origin = cluster.settings.origin();
      keys = cluster.keys;
      try (AuditSequencer sequencer = cluster.startSequencer("prove")) {
        cluster.produceTo(Topics.LC_EVENTS, 3, "LC-7", 3);
        cluster.produceTo(Topics.LC_EVENTS, 3, "LC-other", 4);
        cluster.awaitCheckpointed(7);
        cluster.produceTo(Topics.LC_EVENTS, 3, "LC-7", 2);
        cluster.produceTo(Topics.LC_EVENTS, 0, "LC-7", 1);
        cluster.awaitCheckpointed(10);
      }
      KafkaAuditSource source = new KafkaAuditSource(cluster.clients);
      new Prover(new AuditVerifier(origin, keys.verifierKeys()), Clock.systemUTC())
          .prove(source, "LC-7")
          .write(file);
      Archive.export(source, archive, Clock.systemUTC());
    }
    // From here on there is no broker: the bundle and the key are all an auditor has.
    bundle = EvidenceBundle.read(file);
    verifier = new BundleVerifier(KeyRing.load(dir.resolve("keys")).verifierKeys());
  }

  @Test
  void the_bundle_proves_every_record_of_the_credit_offline() {
    BundleVerifier.Result result = verifier.verify(bundle);

    assertThat(result.failures()).isEmpty();
    assertThat(result.passed()).isTrue();
    assertThat(result.recordsProven()).isEqualTo(6);
    LogEvidence partition3 = log(bundle, 3);
    assertThat(partition3.checkpoints()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(partition3.consistency()).hasSize(partition3.checkpoints().size() - 1);
  }

  @Test
  void a_changed_record_fails_its_inclusion_proof() {
    EvidenceBundle doctored =
        withRecord(
            r -> {
              AuditedRecord genuine = AuditedRecord.decode(Base64.getDecoder().decode(r.record()));
              AuditedRecord changed =
                  genuine.withValue("amount 9,999,999".getBytes(StandardCharsets.UTF_8));
              return new RecordEvidence(
                  r.offset(),
                  Base64.getEncoder().encodeToString(changed.encode()),
                  r.leafIndex(),
                  r.treeSize(),
                  r.inclusionProof());
            });

    assertThat(verifier.verify(doctored).failures())
        .singleElement()
        .asString()
        .contains("the inclusion proof does not lead to the signed root");
  }

  @Test
  void a_wrong_index_a_swapped_path_or_a_wrong_tree_size_is_rejected() {
    List<UnaryOperator<RecordEvidence>> doctorings =
        List.of(
            r ->
                new RecordEvidence(
                    r.offset(), r.record(), r.leafIndex() + 1, r.treeSize(), r.inclusionProof()),
            r -> {
              List<String> path = new ArrayList<>(r.inclusionProof());
              Collections.swap(path, 0, 1);
              return new RecordEvidence(r.offset(), r.record(), r.leafIndex(), r.treeSize(), path);
            },
            r ->
                new RecordEvidence(
                    r.offset(),
                    r.record(),
                    r.leafIndex(),
                    r.treeSize(),
                    r.inclusionProof().subList(0, r.inclusionProof().size() - 1)));

    for (UnaryOperator<RecordEvidence> doctoring : doctorings) {
      assertThat(verifier.verify(withRecord(doctoring)).passed()).isFalse();
    }
    EvidenceBundle unknownSize =
        withRecord(
            r ->
                new RecordEvidence(
                    r.offset(), r.record(), r.leafIndex(), r.treeSize() + 1, r.inclusionProof()));
    assertThat(verifier.verify(unknownSize).failures())
        .anySatisfy(f -> assertThat(f).contains("no signed checkpoint of size"));
  }

  @Test
  void a_checkpoint_not_consistent_with_the_next_or_signed_by_another_key_is_rejected() {
    LogEvidence log = log(bundle, 3);
    List<String> proof = new ArrayList<>(log.consistency().get(0).proof());
    Collections.reverse(proof);
    LogEvidence inconsistent =
        new LogEvidence(
            log.topic(),
            log.partition(),
            log.checkpoints(),
            List.of(
                new EvidenceBundle.ConsistencyStep(
                    log.consistency().get(0).oldSize(), log.consistency().get(0).newSize(), proof)),
            log.records());
    assertThat(verifier.verify(withLog(inconsistent)).failures())
        .anySatisfy(f -> assertThat(f).contains("is not consistent with"));

    BundleVerifier stranger =
        new BundleVerifier(
            KeyRing.loadOrGenerate(dir.resolve("stranger"), "stranger").verifierKeys());
    assertThat(stranger.verify(bundle).failures())
        .anySatisfy(f -> assertThat(f).contains("no trusted key signed the note"));
  }

  @Test
  void an_archive_proves_the_same_and_a_log_that_does_not_verify_proves_nothing() {
    EvidenceBundle fromArchive =
        new Prover(new AuditVerifier(origin, keys.verifierKeys()), Clock.systemUTC())
            .prove(Archive.open(archive), "LC-7");
    assertThat(verifier.verify(fromArchive).recordsProven()).isEqualTo(6);

    AuditVerifier otherOrigin = new AuditVerifier("another.example/audit", keys.verifierKeys());
    assertThatThrownBy(
            () -> new Prover(otherOrigin, Clock.systemUTC()).prove(Archive.open(archive), "LC-7"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not verify");
  }

  private static LogEvidence log(EvidenceBundle bundle, int partition) {
    return bundle.logs().stream().filter(l -> l.partition() == partition).findFirst().orElseThrow();
  }

  /** The bundle with the first record of partition 3 doctored. */
  private static EvidenceBundle withRecord(UnaryOperator<RecordEvidence> doctor) {
    LogEvidence log = log(bundle, 3);
    List<RecordEvidence> records = new ArrayList<>(log.records());
    records.set(0, doctor.apply(records.get(0)));
    return withLog(
        new LogEvidence(
            log.topic(), log.partition(), log.checkpoints(), log.consistency(), records));
  }

  private static EvidenceBundle withLog(LogEvidence doctored) {
    List<LogEvidence> logs = new ArrayList<>();
    for (LogEvidence log : bundle.logs()) {
      logs.add(log.partition() == doctored.partition() ? doctored : log);
    }
    return new EvidenceBundle(bundle.format(), bundle.subject(), bundle.createdAt(), logs);
  }
}
