package dev.tradeflow.schemas;

/**
 * Bytes that are not a readable event: bad magic, an unknown schema fingerprint, truncated or
 * corrupt data, or a record that is not a valid event. The message says which, for the dead-letter
 * record's reason; retrying will not help.
 */
public class EventDecodingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EventDecodingException(String message) {
    super(message);
  }

  public EventDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
