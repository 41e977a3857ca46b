package dev.tradeflow.registry.internals;

import dev.tradeflow.registry.CompatibilityLevel;
import dev.tradeflow.registry.RegistryMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the {@code _schemas} log says, folded: schemas by id, each subject's versions, the
 * compatibility configuration and the mode. Changed only by {@link #apply}, in log order.
 */
final class RegistryState {

  /** One version of a subject. */
  record Version(String subject, int version, int id, String schema, boolean deleted) {}

  private final Map<Integer, String> schemaById = new HashMap<>();
  private final Map<String, Integer> idBySchema = new HashMap<>();
  private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectConfig = new HashMap<>();
  private CompatibilityLevel globalConfig;
  private RegistryMode mode = RegistryMode.READWRITE;
  private int maxId;

  RegistryState(CompatibilityLevel defaultLevel) {
    this.globalConfig = defaultLevel;
  }

  void apply(StoreRecord record) {
    if (record instanceof StoreRecord.SchemaVersion v) {
      subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>());
      if (v.version().isEmpty()) {
        return;
      }
      Version version = v.version().get();
      subjects.get(v.subject()).put(version.version(), version);
      schemaById.put(version.id(), version.schema());
      idBySchema.putIfAbsent(version.schema(), version.id());
      maxId = Math.max(maxId, version.id());
    } else if (record instanceof StoreRecord.PermanentDelete d) {
      TreeMap<Integer, Version> versions = subjects.get(d.subject());
      if (versions != null) {
        versions.remove(d.version());
        if (versions.isEmpty()) {
          subjects.remove(d.subject());
        }
      }
    } else if (record instanceof StoreRecord.Config c) {
      if (c.subject().isEmpty()) {
        c.level().ifPresent(level -> globalConfig = level);
      } else if (c.level().isPresent()) {
        subjectConfig.put(c.subject().get(), c.level().get());
      } else {
        subjectConfig.remove(c.subject().get());
      }
    } else if (record instanceof StoreRecord.Mode m) {
      mode = m.mode();
    }
  }

  /** Subjects with at least one live version, or with any version when {@code deleted}. */
  List<String> subjects(boolean deleted) {
    return subjects.entrySet().stream()
        .filter(e -> e.getValue().values().stream().anyMatch(v -> deleted || !v.deleted()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The subject's versions, oldest first; soft-deleted ones only when asked. */
  List<Version> versions(String subject, boolean deleted) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(v -> deleted || !v.deleted()).toList();
  }

  Optional<Version> version(String subject, int version) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  boolean hasSubject(String subject) {
    return subjects.containsKey(subject);
  }

  Optional<String> schema(int id) {
    return Optional.ofNullable(schemaById.get(id));
  }

  Optional<Integer> idOf(String canonicalSchema) {
    return Optional.ofNullable(idBySchema.get(canonicalSchema));
  }

  /** Every live subject version registered with this id. */
  List<Version> usesOf(int id) {
    return subjects.values().stream()
        .flatMap(v -> v.values().stream())
        .filter(v -> v.id() == id && !v.deleted())
        .toList();
  }

  int nextId() {
    return maxId + 1;
  }

  int nextVersion(String subject) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
  }

  CompatibilityLevel globalConfig() {
    return globalConfig;
  }

  Optional<CompatibilityLevel> subjectConfig(String subject) {
    return Optional.ofNullable(subjectConfig.get(subject));
  }

  CompatibilityLevel effectiveConfig(String subject) {
    return subjectConfig.getOrDefault(subject, globalConfig);
  }

  RegistryMode mode() {
    return mode;
  }
}
