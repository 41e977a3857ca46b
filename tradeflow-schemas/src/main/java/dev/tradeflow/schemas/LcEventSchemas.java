package dev.tradeflow.schemas;

import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.internals.LcEventMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The catalogue of event schemas: one Avro record per letter-of-credit event type, several types
 * per topic under {@code TopicRecordNameStrategy} subjects.
 */
public final class LcEventSchemas {

  private static final List<LcEventSchema> ALL =
      LcEventMapper.eventTypes().stream()
          .map(type -> new LcEventSchema(type, LcEventMapper.schemaOf(type)))
          .toList();

  private static final Map<Class<? extends LcEvent>, LcEventSchema> BY_EVENT_TYPE =
      ALL.stream()
          .collect(Collectors.toUnmodifiableMap(LcEventSchema::eventType, Function.identity()));

  private LcEventSchemas() {}

  /**
   * The event schemas as released, one file per event type that has shipped in {@code
   * released/<Name>.avsc} next to this class (a type added since has none): what events in a log
   * may have been written with, so that readers of the current version know them.
   */
  public static List<Schema> released() {
    List<Schema> released = new ArrayList<>();
    for (LcEventSchema event : ALL) {
      String resource = "released/" + event.schema().getName() + ".avsc";
      try (InputStream in = LcEventSchemas.class.getResourceAsStream(resource)) {
        if (in != null) {
          released.add(new Schema.Parser().parse(in));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled " + resource, e);
      }
    }
    return List.copyOf(released);
  }

  /** Every event type's schema, in the order of the credit's lifecycle. */
  public static List<LcEventSchema> all() {
    return ALL;
  }

  /**
   * The schema of an event type.
   *
   * @throws IllegalArgumentException when the type has no schema (it is not a concrete LC event)
   */
  public static LcEventSchema of(Class<? extends LcEvent> eventType) {
    LcEventSchema schema = BY_EVENT_TYPE.get(eventType);
    if (schema == null) {
      throw new IllegalArgumentException("no Avro schema for " + eventType.getName());
    }
    return schema;
  }

  public static Schema schemaOf(Class<? extends LcEvent> eventType) {
    return of(eventType).schema();
  }

  /** The full name of the record an event type is written as. */
  public static String recordNameOf(Class<? extends LcEvent> eventType) {
    return of(eventType).recordName();
  }

  /** The registry subject of an event type on a topic: {@code <topic>-<record full name>}. */
  public static String subjectFor(String topic, Class<? extends LcEvent> eventType) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("a subject needs a topic name: " + topic);
    }
    return topic + "-" + recordNameOf(eventType);
  }
}
