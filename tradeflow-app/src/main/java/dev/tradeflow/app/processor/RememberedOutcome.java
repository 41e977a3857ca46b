package dev.tradeflow.app.processor;

import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A command's outcome as the processor remembers it for the dedup retention, with a fingerprint of
 * the command so that the same id sent with different content is told apart from a retry.
 */
public record RememberedOutcome(String commandFingerprint, CommandResult result) {

  public RememberedOutcome {
    Objects.requireNonNull(commandFingerprint, "commandFingerprint");
    Objects.requireNonNull(result, "result");
  }

  /** SHA-256 of the command as the processor read it (its JSON, fields in declaration order). */
  static String fingerprintOf(CommandEnvelope envelope) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Json.toBytes(envelope.command())));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Key of an outcome in the store: the LC id, then the command id. */
  public static String key(String lcId, String commandId) {
    return lcId + "/" + commandId;
  }
}
