package dev.tradeflow.runtime;

/**
 * A topic exists but not as Tradeflow needs it (another partition count, or a log of record that
 * could lose events). The message says which topic, what differs and how to fix it.
 */
public final class IncompatibleTopicException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IncompatibleTopicException(String message) {
    super(message);
  }
}
