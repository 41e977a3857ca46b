package dev.tradeflow.runtime;

/**
 * A configuration that cannot be used. The message names the key, where the value came from (the
 * file or the environment variable), the bad value and what would be accepted.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
