package dev.tradeflow.schemas;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.internals.AvroBodies;
import dev.tradeflow.schemas.internals.GeneratedClassTrust;
import dev.tradeflow.schemas.internals.LcEventMapper;
import dev.tradeflow.schemas.registry.RegistryClient;
import dev.tradeflow.schemas.registry.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Events in Confluent's wire format: magic byte 0, the writer schema's registry id (4 bytes, big
 * endian), then the Avro binary record. Readers resolve the writer schema the id names to the
 * current one by Avro's rules, so events written with earlier or later compatible versions read.
 * Thread-safe.
 *
 * <p>Events written before the registry, in Avro's single-object encoding ({@code 0xC3 0x01}), are
 * read as they were written, so a log from before the upgrade replays.
 *
 * <p>With auto-registration off (production), writing an event whose schema is not registered under
 * its subject fails, telling to run {@code ./tradeflow schemas register}.
 */
public final class ConfluentAvroSerde implements EventSerde {

  static {
    GeneratedClassTrust.register();
  }

  private static final byte MAGIC = 0;
  private static final int HEADER_LENGTH = 5;

  /** Events written before the registry, in Avro's single-object encoding, stay readable. */
  private static final AvroSingleObjectSerde LEGACY = new AvroSingleObjectSerde();

  private final RegistryClient registry;
  private final SubjectNameStrategy subjects;
  private final boolean autoRegister;
  private final Map<String, Schema> readerByRecordName = new ConcurrentHashMap<>();
  private final Map<Integer, SpecificDatumReader<SpecificRecordBase>> readersById =
      new ConcurrentHashMap<>();

  public ConfluentAvroSerde(
      RegistryClient registry, SubjectNameStrategy subjects, boolean autoRegister) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.subjects = Objects.requireNonNull(subjects, "subjects");
    this.autoRegister = autoRegister;
    for (LcEventSchema event : LcEventSchemas.all()) {
      readerByRecordName.put(event.recordName(), event.schema());
    }
  }

  /**
   * @throws IllegalArgumentException when the event cannot be written under its schema, or its
   *     schema is not registered and auto-registration is off
   */
  @Override
  public byte[] serialize(String topic, RecordedEvent<LcEvent> event) {
    SpecificRecordBase record = LcEventMapper.toRecord(event);
    Schema schema = record.getSchema();
    String subject = subjects.subject(topic, schema);
    int id =
        autoRegister
            ? registry.register(subject, schema)
            : registry
                .lookup(subject, schema)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "schema "
                                + schema.getFullName()
                                + " is not registered under "
                                + subject
                                + " at "
                                + registry.baseUrl()
                                + ": run ./tradeflow schemas register"));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      out.write(MAGIC);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecordBase>(
              schema, SpecificData.getForClass(record.getClass()))
          .write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (AvroRuntimeException e) {
      throw AvroBodies.cannotWrite(topic, event, e);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  /**
   * @throws EventDecodingException for a bad magic byte, an id the registry does not know, or a
   *     body that is not a record of the schema it names
   * @throws UncheckedIOException when the registry cannot be reached (worth retrying)
   */
  @Override
  public RecordedEvent<LcEvent> deserialize(String topic, byte[] data) {
    if (data == null || data.length == 0) {
      throw new EventDecodingException(
          "no data on " + topic + ": expected a Confluent-framed record");
    }
    if (data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == 0x01) {
      return LEGACY.deserialize(topic, data);
    }
    if (data[0] != MAGIC) {
      throw new EventDecodingException(
          "bad magic byte "
              + (data[0] & 0xff)
              + " on "
              + topic
              + ": expected 0 (Confluent wire format)");
    }
    if (data.length < HEADER_LENGTH) {
      throw new EventDecodingException(
          "truncated header on " + topic + ": " + data.length + " bytes, the wire format's is 5");
    }
    int id = ByteBuffer.wrap(data, 1, 4).getInt();
    SpecificDatumReader<SpecificRecordBase> reader = readerFor(topic, id);
    AvroBodies.check(topic, reader.getSchema(), data, HEADER_LENGTH);
    return AvroBodies.decode(
        "record with schema id " + id,
        topic,
        () ->
            reader.read(
                null,
                DecoderFactory.get()
                    .binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH, null)));
  }

  private SpecificDatumReader<SpecificRecordBase> readerFor(String topic, int id) {
    SpecificDatumReader<SpecificRecordBase> cached = readersById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema writer =
        registry
            .schemaById(id)
            .orElseThrow(
                () ->
                    new EventDecodingException(
                        "unknown schema id "
                            + id
                            + " on "
                            + topic
                            + " (registry "
                            + registry.baseUrl()
                            + ")"));
    Schema current = readerByRecordName.get(writer.getFullName());
    if (current == null) {
      throw new EventDecodingException(
          "schema id " + id + " on " + topic + " is " + writer.getFullName() + ", not an LC event");
    }
    SpecificData model = SpecificData.getForClass(LcEventMapper.recordTypeOf(eventTypeOf(current)));
    SpecificDatumReader<SpecificRecordBase> reader =
        new SpecificDatumReader<>(writer, current, model);
    readersById.put(id, reader);
    return reader;
  }

  private static Class<? extends LcEvent> eventTypeOf(Schema current) {
    return LcEventSchemas.all().stream()
        .filter(s -> s.schema() == current)
        .findFirst()
        .orElseThrow()
        .eventType();
  }
}
