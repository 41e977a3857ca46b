package dev.tradeflow.schemas.crypto;

/** A payload whose data key was destroyed on purpose: it can never be read again. */
public final class KeyShreddedException extends RuntimeException {
  public KeyShreddedException(String message) {
    super(message);
  }
}
