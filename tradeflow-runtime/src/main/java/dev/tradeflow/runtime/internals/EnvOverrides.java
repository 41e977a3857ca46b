package dev.tradeflow.runtime.internals;

import dev.tradeflow.runtime.ConfigException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns {@code TRADEFLOW_*} environment variables into settings. A key's variable is {@code
 * TRADEFLOW_} + the key upper-cased with {@code .} and {@code -} as {@code _}; a few short aliases
 * exist ({@code TRADEFLOW_KAFKA_PORT}). Under {@code TRADEFLOW_KAFKA_CLIENT_} the rest is the
 * client property with {@code _} as {@code .} ({@code ..._SECURITY_PROTOCOL} is {@code
 * security.protocol}); under {@code TRADEFLOW_CALENDAR_HOLIDAYS_} it is the place code with {@code
 * _} as {@code -} ({@code ..._GB_LON} is {@code GB-LON}).
 */
public final class EnvOverrides {

  private static final String CLIENT_PREFIX = ConfigKeys.envNameOf(ConfigKeys.KAFKA_CLIENT_PREFIX);
  private static final String HOLIDAYS_PREFIX = ConfigKeys.envNameOf(ConfigKeys.HOLIDAYS_PREFIX);

  private EnvOverrides() {}

  public static Map<String, ConfigValue> read(Map<String, String> env) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    // Sorted so that a conflict between an alias and the full name reads the same every run.
    for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(ConfigKeys.ENV_PREFIX)) {
        continue;
      }
      Optional<String> key = keyOf(name);
      if (key.isEmpty()) {
        Optional<String> intended = ConfigKeys.likelyIntendedEnvName(name);
        if (intended.isPresent()) {
          throw new ConfigException(
              "unknown environment variable "
                  + name
                  + ": did you mean "
                  + intended.get()
                  + " ("
                  + keyOf(intended.get()).orElseThrow()
                  + ")?");
        }
        continue; // another tool's variable that happens to share the prefix
      }
      ConfigValue value = new ConfigValue(key.get(), variable.getValue().trim(), "env " + name);
      ConfigValue previous = values.put(key.get(), value);
      if (previous != null && !previous.value().equals(value.value())) {
        throw new ConfigException(
            key.get()
                + " is set twice in the environment, "
                + previous.source().substring("env ".length())
                + "="
                + previous.value()
                + " and "
                + name
                + "="
                + value.value()
                + ": keep one");
      }
    }
    return values;
  }

  private static Optional<String> keyOf(String name) {
    String alias = ConfigKeys.ENV_ALIASES.get(name);
    if (alias != null) {
      return Optional.of(alias);
    }
    Optional<String> fixed =
        ConfigKeys.FIXED.stream().filter(k -> ConfigKeys.envNameOf(k).equals(name)).findFirst();
    if (fixed.isPresent()) {
      return fixed;
    }
    if (name.startsWith(CLIENT_PREFIX)) {
      String property =
          name.substring(CLIENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
      return Optional.of(ConfigKeys.KAFKA_CLIENT_PREFIX + property);
    }
    if (name.startsWith(HOLIDAYS_PREFIX)) {
      return Optional.of(
          ConfigKeys.HOLIDAYS_PREFIX + name.substring(HOLIDAYS_PREFIX.length()).replace('_', '-'));
    }
    return Optional.empty();
  }
}
