package dev.tradeflow.app.schemas;

import dev.tradeflow.runtime.Topics;
import dev.tradeflow.schemas.LcEventSchema;
import dev.tradeflow.schemas.LcEventSchemas;
import dev.tradeflow.schemas.registry.RegistryClient;
import dev.tradeflow.schemas.registry.SubjectNameStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Tradeflow's event schemas as registry subjects: each LC event record on {@code tf.lc.events},
 * under {@code TopicRecordNameStrategy} ({@code tf.lc.events-<record full name>}). Registering them
 * is explicit in production ({@code ./tradeflow schemas register}); the embedded registry is filled
 * by the service itself.
 */
public final class EventSubjects {

  public static final SubjectNameStrategy STRATEGY = SubjectNameStrategy.TOPIC_RECORD;

  /** One subject and the schema the current code writes under it. */
  public record Subject(String name, Schema schema) {}

  private EventSubjects() {}

  public static List<Subject> all() {
    return LcEventSchemas.all().stream()
        .map(LcEventSchema::schema)
        .map(schema -> new Subject(STRATEGY.subject(Topics.LC_EVENTS, schema), schema))
        .toList();
  }

  /** The current schema of each subject, in lifecycle order. */
  public static Map<String, Schema> bySubject() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    all().forEach(subject -> schemas.put(subject.name(), subject.schema()));
    return schemas;
  }

  /** Registers every current event schema; their ids by subject. */
  public static Map<String, Integer> register(RegistryClient registry) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (Subject subject : all()) {
      ids.put(subject.name(), registry.register(subject.name(), subject.schema()));
    }
    return ids;
  }

  /** What keeps each current schema from following the registered ones; empty lists if nothing. */
  public static Map<String, List<String>> check(RegistryClient registry) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Subject subject : all()) {
      problems.put(subject.name(), registry.incompatibilities(subject.name(), subject.schema()));
    }
    return problems;
  }

  /**
   * Fails unless every current schema is registered, as a writer with auto-registration off needs.
   *
   * @throws IllegalStateException naming the first missing subject and what to run
   */
  public static void requireRegistered(RegistryClient registry) {
    for (Subject subject : all()) {
      if (registry.lookup(subject.name(), subject.schema()).isEmpty()) {
        throw new IllegalStateException(
            "the event schema "
                + subject.schema().getFullName()
                + " is not registered under "
                + subject.name()
                + " at "
                + registry.baseUrl()
                + ": run ./tradeflow schemas register (after ./tradeflow schemas check)");
      }
    }
  }
}
