package dev.tradeflow.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.audit.merkle.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against Go's sumdb/note (golang.org/x/mod, note_test.go) and a checkpoint of
 * sum.golang.org (transparency-dev/formats, log/note_test.go): the same keys, the same bytes.
 */
class SignedNoteTest {

  private static final String PETER_SIGNER =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String PETER_VERIFIER =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String ENOCH_VERIFIER =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  private static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String PETER_LINE =
      "\u2014 PeterNeumann"
          + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String ENOCH_LINE =
      "\u2014 EnochRoot"
          + " rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  @Test
  void signs_byte_for_byte_as_go_sumdb_note() {
    SigningKey peter = SigningKey.parse(PETER_SIGNER);

    assertThat(peter.verifierKey()).hasToString(PETER_VERIFIER);
    assertThat(peter.secretText()).isEqualTo(PETER_SIGNER);
    assertThat(SignedNote.sign(TEXT, List.of(peter)).format()).isEqualTo(TEXT + "\n" + PETER_LINE);
  }

  @Test
  void opens_a_note_with_two_signatures_and_ignores_unknown_signers() {
    SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_LINE + ENOCH_LINE);

    assertThat(note.text()).isEqualTo(TEXT);
    assertThat(note.verify(List.of(VerifierKey.parse(ENOCH_VERIFIER))))
        .containsExactly(VerifierKey.parse(ENOCH_VERIFIER));
    assertThat(
            note.verify(
                List.of(VerifierKey.parse(PETER_VERIFIER), VerifierKey.parse(ENOCH_VERIFIER))))
        .hasSize(2);
  }

  @Test
  void an_altered_text_or_signature_or_an_unknown_signer_is_refused() {
    VerifierKey peter = VerifierKey.parse(PETER_VERIFIER);
    SignedNote altered =
        SignedNote.parse(TEXT.replace("problem,", "problems,") + "\n" + PETER_LINE);
    assertThatThrownBy(() -> altered.verify(List.of(peter)))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("PeterNeumann+c74f20a3 does not verify");

    SignedNote forged = SignedNote.parse(TEXT + "\n" + PETER_LINE.replace("x08go", "x08gp"));
    assertThatThrownBy(() -> forged.verify(List.of(peter)))
        .isInstanceOf(InvalidSignatureException.class);

    SignedNote byEnoch = SignedNote.parse(TEXT + "\n" + ENOCH_LINE);
    assertThatThrownBy(() -> byEnoch.verify(List.of(peter)))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("no trusted key signed the note");
  }

  @Test
  void malformed_notes_and_keys_are_refused_with_a_reason() {
    assertThatThrownBy(() -> SignedNote.parse(TEXT + PETER_LINE))
        .hasMessageContaining("blank line");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_LINE.strip()))
        .hasMessageContaining("each ending in a newline");
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + "- PeterNeumann AAAA\n"))
        .hasMessageContaining("em dash");
    assertThatThrownBy(() -> VerifierKey.parse(PETER_VERIFIER.replace("c74f20a3", "c74f20a4")))
        .hasMessageContaining("its key's id is c74f20a3");
    assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20a3+AAAA"))
        .hasMessageContaining("not an Ed25519 key");
    assertThatThrownBy(() -> SigningKey.generate("two words")).hasMessageContaining("no space");
  }

  @Test
  void verifies_a_checkpoint_of_sum_golang_org() {
    String note =
        "go.sum database tree\n"
            + "6476701\n"
            + "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"
            + "\n"
            + "\u2014 sum.golang.org"
            + " Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";
    VerifierKey sumdb =
        VerifierKey.parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");

    SignedNote signed = SignedNote.parse(note);
    Checkpoint checkpoint = Checkpoint.parse(signed.text());

    assertThat(signed.verify(List.of(sumdb))).containsExactly(sumdb);
    assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
    assertThat(checkpoint.size()).isEqualTo(6476701);
    assertThat(checkpoint.root())
        .isEqualTo(
            Hash.fromHex("99bf102d022cd19d323f90acb6aea0ba3f3ba1759e0bd80433ca158a49a6f569"));
    assertThat(checkpoint.text()).isEqualTo(signed.text());
  }

  @Test
  void a_new_key_signs_checkpoints_its_verifier_key_opens() {
    SigningKey key = SigningKey.generate("tradeflow.example/audit");
    Checkpoint checkpoint =
        new Checkpoint("tradeflow.example/audit/tf.lc.events/0", 42, Hash.fromHex("ab".repeat(32)));

    SignedNote note = SignedNote.parse(checkpoint.sign(List.of(key)).format());

    assertThat(note.verify(List.of(VerifierKey.parse(key.verifierKey().toString()))))
        .containsExactly(key.verifierKey());
    assertThat(Checkpoint.parse(note.text())).isEqualTo(checkpoint);
    assertThat(SigningKey.parse(key.secretText()).verifierKey()).isEqualTo(key.verifierKey());
    assertThat(key).asString().doesNotContain(key.secretText().substring(20));
  }

  @Test
  void malformed_checkpoints_are_refused_with_a_reason() {
    assertThatThrownBy(() -> Checkpoint.parse("log\n12\n"))
        .hasMessageContaining("each on a line of its own");
    assertThatThrownBy(() -> Checkpoint.parse("log\n012\n" + "q".repeat(43) + "=\n"))
        .hasMessageContaining("decimal");
    assertThatThrownBy(() -> Checkpoint.parse("log\n12\nbananas\n"))
        .hasMessageContaining("base64 SHA-256");
  }
}
