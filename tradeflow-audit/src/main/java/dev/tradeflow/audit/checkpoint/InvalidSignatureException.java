package dev.tradeflow.audit.checkpoint;

/**
 * A signed note whose signatures do not establish it: forged, altered or signed by no one known.
 */
public final class InvalidSignatureException extends RuntimeException {
  public InvalidSignatureException(String message) {
    super(message);
  }
}
