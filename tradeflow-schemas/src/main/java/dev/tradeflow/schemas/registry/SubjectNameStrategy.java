package dev.tradeflow.schemas.registry;

import org.apache.avro.Schema;

/** How a record's registry subject is named, as Confluent's serializers name them. */
public enum SubjectNameStrategy {
  /** {@code <topic>-value}: one schema (and its versions) per topic. */
  TOPIC,
  /** {@code <record full name>}: a record type's versions, whatever the topic. */
  RECORD,
  /** {@code <topic>-<record full name>}: several record types per topic, as event topics hold. */
  TOPIC_RECORD;

  public String subject(String topic, Schema schema) {
    switch (this) {
      case TOPIC:
        return topic + "-value";
      case RECORD:
        return schema.getFullName();
      default:
        return topic + "-" + schema.getFullName();
    }
  }
}
