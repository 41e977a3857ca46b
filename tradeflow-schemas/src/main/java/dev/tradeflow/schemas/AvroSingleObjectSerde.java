package dev.tradeflow.schemas;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.internals.AvroBodies;
import dev.tradeflow.schemas.internals.GeneratedClassTrust;
import dev.tradeflow.schemas.internals.LcEventMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The registry-less encoding of events, until the schema registry lands: Avro's single-object
 * encoding, that is {@code 0xC3 0x01}, the writer schema's CRC-64-AVRO fingerprint (8 bytes, little
 * endian), then the Avro binary record. The fingerprint names the schema the event was written
 * with: a current event schema, or another version of one given to the constructor, which is then
 * resolved to the current schema as Avro's schema evolution rules allow. Thread-safe.
 */
public final class AvroSingleObjectSerde implements EventSerde {

  static {
    GeneratedClassTrust.register();
  }

  private static final byte[] MAGIC = {(byte) 0xC3, (byte) 0x01};
  private static final int HEADER_LENGTH = MAGIC.length + Long.BYTES;
  private static final HexFormat HEX = HexFormat.of();

  private final SchemaStore.Cache writerSchemas = new SchemaStore.Cache();
  private final Map<String, RecordCodec> codecsByRecordName = new HashMap<>();

  /** Writes the current event schemas and reads those and every released version. */
  public AvroSingleObjectSerde() {
    this(LcEventSchemas.released());
  }

  /**
   * Writes the current event schemas and reads those and {@code otherVersions}: schemas events may
   * have been written with, earlier or later versions of the current ones.
   *
   * @throws IllegalArgumentException when a schema is not a version of an event schema, or cannot
   *     be read as the current one
   */
  public AvroSingleObjectSerde(Collection<Schema> otherVersions) {
    for (LcEventSchema event : LcEventSchemas.all()) {
      writerSchemas.addSchema(event.schema());
      codecsByRecordName.put(
          event.recordName(),
          RecordCodec.of(
              LcEventMapper.recordTypeOf(event.eventType()), event.schema(), writerSchemas));
    }
    for (Schema writer : otherVersions) {
      RecordCodec codec = codecsByRecordName.get(writer.getFullName());
      if (codec == null) {
        throw new IllegalArgumentException(
            "not a version of an LC event schema: " + writer.getFullName());
      }
      SchemaPairCompatibility compatibility =
          SchemaCompatibility.checkReaderWriterCompatibility(codec.readerSchema(), writer);
      if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
        throw new IllegalArgumentException(
            "events written with this version of "
                + writer.getFullName()
                + " cannot be read with the current one: "
                + compatibility.getDescription());
      }
      writerSchemas.addSchema(writer);
    }
  }

  @Override
  public byte[] serialize(String topic, RecordedEvent<LcEvent> event) {
    try {
      SpecificRecordBase record = LcEventMapper.toRecord(event);
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      codecsByRecordName.get(record.getSchema().getFullName()).encoder().encode(record, out);
      return out.toByteArray();
    } catch (AvroRuntimeException e) {
      throw AvroBodies.cannotWrite(topic, event, e);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  @Override
  public RecordedEvent<LcEvent> deserialize(String topic, byte[] data) {
    Schema writer = writerSchemaOf(topic, data);
    String recordName = writer.getFullName();
    AvroBodies.check(topic, writer, data, HEADER_LENGTH);
    return AvroBodies.decode(
        recordName + " record",
        topic,
        () -> codecsByRecordName.get(recordName).decoder().decode(data));
  }

  /** Checks the header and finds the schema its fingerprint names. */
  private Schema writerSchemaOf(String topic, byte[] data) {
    if (data == null || data.length == 0) {
      throw new EventDecodingException("no data on " + topic + ": expected an Avro single object");
    }
    int magicBytes = Math.min(data.length, MAGIC.length);
    for (int i = 0; i < magicBytes; i++) {
      if (data[i] != MAGIC[i]) {
        throw new EventDecodingException(
            "bad magic on "
                + topic
                + ": expected c301 (Avro single object), found "
                + HEX.formatHex(data, 0, magicBytes));
      }
    }
    if (data.length < HEADER_LENGTH) {
      throw new EventDecodingException(
          "truncated header on "
              + topic
              + ": "
              + data.length
              + " bytes, an Avro single-object header is "
              + HEADER_LENGTH);
    }
    long fingerprint =
        ByteBuffer.wrap(data, MAGIC.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Schema writer = writerSchemas.findByFingerprint(fingerprint);
    if (writer == null) {
      throw new EventDecodingException(
          "unknown schema fingerprint "
              + HEX.formatHex(data, MAGIC.length, HEADER_LENGTH)
              + " on "
              + topic
              + ": not a known version of an LC event schema");
    }
    return writer;
  }

  /** Avro's single-object encoder and decoder of one generated record class. */
  private record RecordCodec(
      BinaryMessageEncoder<SpecificRecordBase> encoder,
      BinaryMessageDecoder<SpecificRecordBase> decoder,
      Schema readerSchema) {

    static RecordCodec of(
        Class<? extends SpecificRecordBase> type, Schema schema, SchemaStore writerSchemas) {
      // The generated class's own model, which carries its logical-type conversions.
      SpecificData model = SpecificData.getForClass(type);
      return new RecordCodec(
          new BinaryMessageEncoder<>(model, schema),
          new BinaryMessageDecoder<>(model, schema, writerSchemas),
          schema);
    }
  }
}
