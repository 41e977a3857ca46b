package dev.tradeflow.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.runtime.Topics;
import dev.tradeflow.schemas.crypto.JournalDataKeys;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which values are sealed, and what opening refuses. */
class RecordEncryptionTest {

  private static final byte[] COMMAND =
      "{\"type\":\"ApplyForCredit\",\"applicant\":\"Acme Imports\"}"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private JournalDataKeys keys;
  private RecordEncryption encryption;

  @BeforeEach
  void keys() {
    keys =
        new JournalDataKeys(
            dir.resolve("keys"),
            Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()),
            Duration.ofDays(30),
            Clock.systemUTC());
    encryption = RecordEncryption.with(new PayloadCipher(keys));
  }

  @Test
  void every_tf_topic_and_its_dlq_is_covered_but_the_audit_logs_own_and_other_topics() {
    for (String topic :
        new String[] {
          Topics.LC_COMMANDS,
          Topics.LC_EVENTS,
          Topics.AUDIT_ACCESS,
          Topics.DLQ_ACTIONS,
          Topics.CREDIT_EVENTS,
          Topics.dlqOf(Topics.SAGA_APPROVALS)
        }) {
      assertThat(RecordEncryption.covers(topic)).as(topic).isTrue();
    }
    for (String topic :
        new String[] {
          Topics.AUDIT_CHECKPOINTS,
          Topics.AUDIT_SEQUENCER_STATE,
          "_schemas",
          "tradeflow-processor-lc-aggregates-changelog",
          "bench.raw-in"
        }) {
      assertThat(RecordEncryption.covers(topic)).as(topic).isFalse();
    }
  }

  @Test
  void a_covered_value_is_sealed_under_its_keys_data_key_and_opens_again() {
    byte[] sealed = encryption.seal(Topics.LC_COMMANDS, "LC-1", COMMAND);

    assertThat(PayloadCipher.isEnvelope(sealed)).isTrue();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Acme");
    assertThat(encryption.open(Topics.LC_COMMANDS, "LC-1", sealed)).isEqualTo(COMMAND);
    // Streams and the dead-letter tools hold keys as bytes: the same subject.
    assertThat(encryption.open(Topics.LC_COMMANDS, "LC-1".getBytes(StandardCharsets.UTF_8), sealed))
        .isEqualTo(COMMAND);
    // Parked and replayed as stored: the copy opens in the DLQ, and is not sealed twice.
    assertThat(encryption.open(Topics.dlqOf(Topics.LC_COMMANDS), "LC-1", sealed))
        .isEqualTo(COMMAND);
    assertThat(encryption.seal(Topics.dlqOf(Topics.LC_COMMANDS), "LC-1", sealed)).isSameAs(sealed);
  }

  @Test
  void uncovered_topics_tombstones_and_values_from_before_encryption_pass_as_they_are() {
    assertThat(encryption.seal(Topics.AUDIT_CHECKPOINTS, "tf.lc.events/0", COMMAND))
        .isSameAs(COMMAND);
    assertThat(encryption.seal(Topics.LC_COMMANDS, "LC-1", null)).isNull();
    assertThat(encryption.open(Topics.LC_COMMANDS, "LC-1", COMMAND)).isSameAs(COMMAND);
    assertThat(encryption.open(Topics.LC_COMMANDS, "LC-1", null)).isNull();

    RecordEncryption none = RecordEncryption.none();
    assertThat(none.enabled()).isFalse();
    assertThat(none.seal(Topics.LC_COMMANDS, "LC-1", COMMAND)).isSameAs(COMMAND);
  }

  @Test
  void a_value_filed_under_another_key_or_copied_to_another_topic_is_refused() {
    byte[] sealed = encryption.seal(Topics.LC_COMMANDS, "LC-1", COMMAND);

    assertThatThrownBy(() -> encryption.open(Topics.LC_COMMANDS, "LC-2", sealed))
        .isInstanceOf(RecordDecryptionException.class)
        .hasMessageContaining("keyed LC-2 was encrypted under the key of LC-1");
    assertThatThrownBy(() -> encryption.open(Topics.SAGA_AMENDMENTS, "LC-1", sealed))
        .isInstanceOf(RecordDecryptionException.class)
        .hasMessageContaining("authentication tag");
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> encryption.open(Topics.LC_COMMANDS, "LC-1", altered))
        .isInstanceOf(RecordDecryptionException.class);
  }

  @Test
  void a_shredded_subjects_values_cannot_be_opened_while_others_still_can() {
    byte[] first = encryption.seal(Topics.LC_EVENTS, "LC-1", COMMAND);
    byte[] second = encryption.seal(Topics.LC_EVENTS, "LC-2", COMMAND);

    keys.shred("LC-1");

    assertThatThrownBy(() -> encryption.open(Topics.LC_EVENTS, "LC-1", first))
        .isInstanceOf(RecordDecryptionException.class)
        .hasMessageContaining("crypto-shredding");
    assertThat(encryption.open(Topics.LC_EVENTS, "LC-2", second)).isEqualTo(COMMAND);
  }
}
