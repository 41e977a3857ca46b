package dev.tradeflow.runtime.internals;

import dev.tradeflow.runtime.ConfigException;

/**
 * One setting as read, before it is typed: the dotted key, the raw text and where it came from (a
 * file path, {@code env TRADEFLOW_...} or the built-in defaults), so that an error can say all
 * three.
 */
public record ConfigValue(String key, String value, String source) {

  /** An error naming this key, value and source, then what would have been accepted. */
  public ConfigException invalid(String expectation) {
    return new ConfigException(key + "=" + value + " in " + source + ": " + expectation);
  }
}
