package dev.tradeflow.audit.checkpoint;

import java.util.Base64;
import java.util.Objects;

/** One signature line of a signed note: the signer's name, its key id and the signature. */
public record NoteSignature(String name, int keyId, byte[] signature) {

  public NoteSignature {
    Objects.requireNonNull(name, "name");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The line, without its newline: an em dash, the name, base64 of key id and signature. */
  String line() {
    byte[] blob = new byte[4 + signature.length];
    blob[0] = (byte) (keyId >>> 24);
    blob[1] = (byte) (keyId >>> 16);
    blob[2] = (byte) (keyId >>> 8);
    blob[3] = (byte) keyId;
    System.arraycopy(signature, 0, blob, 4, signature.length);
    return SignedNote.SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob);
  }

  @Override
  public String toString() {
    return name + "+" + keyIdHex();
  }
}
