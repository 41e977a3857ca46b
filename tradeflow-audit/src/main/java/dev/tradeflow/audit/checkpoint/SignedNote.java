package dev.tradeflow.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A text with Ed25519 signatures in the C2SP signed-note form: the text (ending in a newline), a
 * blank line, and one line per signature, {@code — <name> <base64(key id || signature)>}. Each
 * signature covers the text's bytes, final newline included.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  static final String SIGNATURE_PREFIX = "\u2014 ";
  private static final int MAX_SIGNATURES = 100;

  public SignedNote {
    Objects.requireNonNull(text, "text");
    signatures = List.copyOf(signatures);
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a note's text ends with a newline");
    }
  }

  /** {@code text} signed by each of {@code keys}, in their order. */
  public static SignedNote sign(String text, List<SigningKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one key");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> signatures = new ArrayList<>();
    for (SigningKey key : keys) {
      signatures.add(new NoteSignature(key.name(), key.verifierKey().keyId(), key.sign(bytes)));
    }
    return new SignedNote(text, signatures);
  }

  /**
   * Reads a note: the text is everything up to the last blank line, the signature lines follow.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static SignedNote parse(String message) {
    int split = message.lastIndexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("a signed note has a blank line before its signatures");
    }
    String text = message.substring(0, split + 1);
    String block = message.substring(split + 2);
    if (block.isEmpty() || !block.endsWith("\n")) {
      throw new IllegalArgumentException(
          "a signed note ends with signature lines, each ending in a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      signatures.add(parseLine(line));
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "a signed note has at most " + MAX_SIGNATURES + " signatures");
    }
    return new SignedNote(text, signatures);
  }

  /** The note as written: text, blank line, signature lines. */
  public String format() {
    StringBuilder note = new StringBuilder(text).append('\n');
    signatures.forEach(s -> note.append(s.line()).append('\n'));
    return note.toString();
  }

  /**
   * The trusted keys whose signature is on this note. A signature by a name and key id that no
   * trusted key has is ignored (a witness's, or a key rotated in elsewhere); one that a trusted key
   * has but that does not verify makes the note invalid.
   *
   * @throws InvalidSignatureException for such a signature, or when no trusted key signed
   */
  public List<VerifierKey> verify(Collection<VerifierKey> trusted) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<VerifierKey> verified = new ArrayList<>();
    for (NoteSignature signature : signatures) {
      for (VerifierKey key : trusted) {
        if (key.name().equals(signature.name()) && key.keyId() == signature.keyId()) {
          if (!key.verifies(bytes, signature.signature())) {
            throw new InvalidSignatureException(
                "the signature of " + signature + " does not verify over the note");
          }
          if (!verified.contains(key)) {
            verified.add(key);
          }
        }
      }
    }
    if (verified.isEmpty()) {
      throw new InvalidSignatureException(
          "no trusted key signed the note: it is signed by "
              + signatures
              + ", the trusted keys are "
              + trusted.stream().map(k -> k.name() + "+" + k.keyIdHex()).toList());
    }
    return verified;
  }

  private static NoteSignature parseLine(String line) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw new IllegalArgumentException(
          "a signature line starts with an em dash and a space: " + line);
    }
    String rest = line.substring(SIGNATURE_PREFIX.length());
    int space = rest.lastIndexOf(' ');
    if (space <= 0) {
      throw new IllegalArgumentException("a signature line reads — <name> <base64>: " + line);
    }
    String name = rest.substring(0, space);
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a signature is base64: " + line, e);
    }
    if (blob.length < 5) {
      throw new IllegalArgumentException("a signature holds a key id and a signature: " + line);
    }
    int keyId =
        ((blob[0] & 0xff) << 24)
            | ((blob[1] & 0xff) << 16)
            | ((blob[2] & 0xff) << 8)
            | (blob[3] & 0xff);
    return new NoteSignature(
        VerifierKey.checkName(name), keyId, Arrays.copyOfRange(blob, 4, blob.length));
  }
}
