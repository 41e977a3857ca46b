package dev.tradeflow.runtime;

import dev.tradeflow.runtime.internals.ConfigBinder;
import dev.tradeflow.runtime.internals.ConfigFiles;
import dev.tradeflow.runtime.internals.ConfigValue;
import dev.tradeflow.runtime.internals.EnvOverrides;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link TradeflowConfig} from three layers, each overriding the one before: the
 * built-in {@code tradeflow-defaults.yaml}, an optional {@code .yaml}/{@code .yml}/{@code
 * .properties} file, and {@code TRADEFLOW_*} environment variables. A key's variable is {@code
 * TRADEFLOW_} + the dotted key upper-cased with {@code .} and {@code -} as {@code _} ({@code
 * http.port} is {@code TRADEFLOW_HTTP_PORT}); {@code TRADEFLOW_BOOTSTRAP_SERVERS}, {@code
 * TRADEFLOW_KAFKA_PORT} and {@code TRADEFLOW_KAFKA_CONTROLLER_PORT} are short aliases. Holidays of
 * a place given in a layer replace that place's list from the layers below.
 *
 * <p>Every value is checked before anything starts: a {@link ConfigException} names the key, its
 * source, the value and what is expected. Unknown keys in a file fail with the closest known key;
 * an unknown {@code TRADEFLOW_*} variable fails only when it looks like a typo of a known one, as
 * launch scripts may use the prefix for their own variables.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /** Loads with the process environment. */
  public static TradeflowConfig load(Optional<Path> file) {
    return load(file, System.getenv());
  }

  public static TradeflowConfig load(Optional<Path> file, Map<String, String> env) {
    Map<String, ConfigValue> settings = new LinkedHashMap<>(ConfigFiles.readDefaults());
    file.ifPresent(path -> settings.putAll(ConfigFiles.read(path)));
    settings.putAll(EnvOverrides.read(env));
    return ConfigBinder.bind(settings);
  }
}
