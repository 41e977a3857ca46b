package dev.tradeflow.registry.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.registry.CompatibilityLevel;
import dev.tradeflow.registry.RegistryMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A record of the {@code _schemas} topic, keyed and valued in JSON as Confluent's registry writes
 * them ({@code keytype} SCHEMA, CONFIG or MODE), so that the topic is compacted per subject version
 * and per configuration.
 */
sealed interface StoreRecord {

  ObjectMapper JSON = new ObjectMapper();

  byte[] key();

  /** Null for a tombstone. */
  byte[] value();

  /** A subject version registered or soft-deleted; empty for a subject without versions. */
  record SchemaVersion(String subject, Optional<RegistryState.Version> version)
      implements StoreRecord {
    @Override
    public byte[] key() {
      ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject);
      version.ifPresent(v -> key.put("version", v.version()));
      return bytes(key.put("magic", 1));
    }

    @Override
    public byte[] value() {
      RegistryState.Version v = version.orElseThrow();
      return bytes(
          JSON.createObjectNode()
              .put("subject", v.subject())
              .put("version", v.version())
              .put("id", v.id())
              .put("schema", v.schema())
              .put("deleted", v.deleted()));
    }
  }

  /** A subject version removed for good: a tombstone on its key. */
  record PermanentDelete(String subject, int version) implements StoreRecord {
    @Override
    public byte[] key() {
      return bytes(
          JSON.createObjectNode()
              .put("keytype", "SCHEMA")
              .put("subject", subject)
              .put("version", version)
              .put("magic", 1));
    }

    @Override
    public byte[] value() {
      return null;
    }
  }

  /** The global (no subject) or a subject's compatibility level; empty removes a subject's. */
  record Config(Optional<String> subject, Optional<CompatibilityLevel> level)
      implements StoreRecord {
    @Override
    public byte[] key() {
      ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
      subject.ifPresentOrElse(s -> key.put("subject", s), () -> key.putNull("subject"));
      return bytes(key.put("magic", 0));
    }

    @Override
    public byte[] value() {
      return level
          .map(l -> bytes(JSON.createObjectNode().put("compatibilityLevel", l.name())))
          .orElse(null);
    }
  }

  record Mode(RegistryMode mode) implements StoreRecord {
    @Override
    public byte[] key() {
      return bytes(
          JSON.createObjectNode().put("keytype", "MODE").putNull("subject").put("magic", 0));
    }

    @Override
    public byte[] value() {
      return bytes(JSON.createObjectNode().put("mode", mode.name()));
    }
  }

  /**
   * Reads a record of the topic; empty for key types this registry does not use (Confluent's NOOP,
   * DELETE_SUBJECT, ...), which it skips.
   */
  static Optional<StoreRecord> parse(byte[] key, byte[] value) {
    try {
      JsonNode k = JSON.readTree(key);
      String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
      switch (k.path("keytype").asText()) {
        case "SCHEMA":
          if (!k.has("version")) {
            return Optional.of(new SchemaVersion(subject, Optional.empty()));
          }
          if (value == null) {
            return Optional.of(new PermanentDelete(subject, k.get("version").asInt()));
          }
          JsonNode v = JSON.readTree(value);
          return Optional.of(
              new SchemaVersion(
                  subject,
                  Optional.of(
                      new RegistryState.Version(
                          subject,
                          v.get("version").asInt(),
                          v.get("id").asInt(),
                          v.get("schema").asText(),
                          v.path("deleted").asBoolean(false)))));
        case "CONFIG":
          return Optional.of(
              new Config(
                  Optional.ofNullable(subject),
                  value == null
                      ? Optional.empty()
                      : Optional.of(
                          CompatibilityLevel.valueOf(
                              JSON.readTree(value).get("compatibilityLevel").asText()))));
        case "MODE":
          return value == null
              ? Optional.empty()
              : Optional.of(
                  new Mode(RegistryMode.valueOf(JSON.readTree(value).get("mode").asText())));
        default:
          return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable record in the schemas topic", e);
    }
  }

  private static byte[] bytes(JsonNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
