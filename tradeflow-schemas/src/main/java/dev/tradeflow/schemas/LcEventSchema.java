package dev.tradeflow.schemas;

import dev.tradeflow.domain.lc.LcEvent;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/** The Avro schema a letter-of-credit event type is written with. */
public record LcEventSchema(Class<? extends LcEvent> eventType, Schema schema) {

  public LcEventSchema {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(schema, "schema");
  }

  /** The record's full name, e.g. {@code dev.tradeflow.schemas.avro.lc.CreditApplied}. */
  public String recordName() {
    return schema.getFullName();
  }

  /** The CRC-64-AVRO fingerprint of the schema's parsing canonical form. */
  public long fingerprint() {
    return SchemaNormalization.parsingFingerprint64(schema);
  }
}
