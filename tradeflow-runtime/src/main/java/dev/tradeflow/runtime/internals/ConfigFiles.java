package dev.tradeflow.runtime.internals;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tradeflow.runtime.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a YAML or properties file into dotted keys ({@code kafka:\n partitions: 6} becomes {@code
 * kafka.partitions=6}) and refuses keys that no setting has.
 */
public final class ConfigFiles {

  public static final String DEFAULTS_RESOURCE = "tradeflow-defaults.yaml";
  private static final String DEFAULTS_SOURCE = "the built-in " + DEFAULTS_RESOURCE;

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigFiles() {}

  /** The defaults shipped in this module's resources. */
  public static Map<String, ConfigValue> readDefaults() {
    try (InputStream in = ConfigFiles.class.getResourceAsStream("/" + DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return checked(readYaml(in, DEFAULTS_SOURCE), DEFAULTS_SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  /** A file given by the operator: {@code .yaml}, {@code .yml} or {@code .properties}. */
  public static Map<String, ConfigValue> read(Path file) {
    String source = file.toString();
    if (!Files.exists(file)) {
      throw new ConfigException(
          "config file "
              + source
              + " does not exist (looked for "
              + file.toAbsolutePath()
              + "): check the path, or give no config file to run with the built-in defaults");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file "
              + source
              + " is not a regular file: give the path of a .yaml, .yml or .properties file");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try (InputStream in = Files.newInputStream(file)) {
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        return checked(readYaml(in, source), source);
      }
      if (name.endsWith(".properties")) {
        return checked(readProperties(in, source), source);
      }
    } catch (IOException e) {
      throw new ConfigException("config file " + source + " cannot be read: " + e.getMessage(), e);
    }
    throw new ConfigException(
        "config file " + source + " has an unsupported format: use .yaml, .yml or .properties");
  }

  private static Map<String, ConfigValue> readYaml(InputStream in, String source)
      throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(
          "config file " + source + " is not valid YAML" + where + ": " + e.getOriginalMessage(),
          e);
    }
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return values;
    }
    if (!root.isObject()) {
      throw new ConfigException(
          "config file "
              + source
              + " must hold a map of settings at the top level, such as 'kafka:' then"
              + " '  partitions: 6' on the next line");
    }
    flatten("", root, source, values);
    return values;
  }

  private static void flatten(
      String path, JsonNode node, String source, Map<String, ConfigValue> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(
            path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            field.getValue(),
            source,
            into);
      }
      return;
    }
    if (node.isNull() && ConfigKeys.isSection(path)) {
      return; // an empty section such as "kafka:" with everything under it commented out
    }
    String text;
    if (node.isArray()) {
      // A YAML list is the same as a comma-separated value: "[2026-12-25, 2026-12-28]".
      List<String> items = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isValueNode()) {
          throw new ConfigException(
              path
                  + " in "
                  + source
                  + ": expected a list of plain values, found a nested "
                  + item.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        items.add(item.asText());
      }
      text = String.join(",", items);
    } else {
      text = node.isNull() ? "" : node.asText();
    }
    put(into, path, text, source);
  }

  private static Map<String, ConfigValue> readProperties(InputStream in, String source)
      throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(key -> put(values, key, properties.getProperty(key), source));
    return values;
  }

  private static void put(Map<String, ConfigValue> into, String key, String text, String source) {
    ConfigValue previous = into.put(key, new ConfigValue(key, text.trim(), source));
    if (previous != null) {
      // Possible in YAML: "kafka.partitions: 3" next to "kafka:\n  partitions: 4".
      throw new ConfigException(
          key
              + " is set twice in "
              + source
              + " ("
              + previous.value()
              + " and "
              + text.trim()
              + "): keep one");
    }
  }

  private static Map<String, ConfigValue> checked(Map<String, ConfigValue> values, String source) {
    for (String key : values.keySet()) {
      if (!ConfigKeys.isKnown(key)) {
        throw new ConfigException(
            "unknown key "
                + key
                + " in "
                + source
                + ": did you mean "
                + ConfigKeys.closestKey(key)
                + "?");
      }
    }
    return values;
  }
}
