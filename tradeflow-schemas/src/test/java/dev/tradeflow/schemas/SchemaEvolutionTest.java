package dev.tradeflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.money.Money;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidator;
import org.apache.avro.SchemaValidatorBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Event subjects are FULL_TRANSITIVE: every version reads, and is read by, every other. */
class SchemaEvolutionTest {

  private static final String TOPIC = "tf.lc.events";

  /** The registry's FULL_TRANSITIVE check, with Avro's own validator. */
  private static final SchemaValidator FULL_TRANSITIVE =
      new SchemaValidatorBuilder().mutualReadStrategy().validateAll();

  static Stream<LcEventSchema> everyEventSchema() {
    return LcEventSchemas.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEventSchema")
  void adding_an_optional_field_with_a_default_is_fully_compatible(LcEventSchema event)
      throws SchemaValidationException {
    Schema v1 = event.schema();
    Schema v2 = withField(v1, optionalString("reference"));
    Schema v3 = withField(v2, optionalString("narrative2"));

    assertThat(compatibility(v2, v1)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(compatibility(v1, v2)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    FULL_TRANSITIVE.validate(v3, List.of(v2, v1));
  }

  @Test
  void removing_a_field_without_a_default_is_not_fully_compatible() {
    Schema v1 = LcEventSchemas.schemaOf(LcEvent.CreditCancelled.class);
    Schema v2 = withoutField(v1, "reason");

    assertThat(compatibility(v2, v1)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(compatibility(v1, v2)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    assertThatThrownBy(() -> FULL_TRANSITIVE.validate(v2, List.of(v1)))
        .isInstanceOf(SchemaValidationException.class);
  }

  @Test
  void changing_a_field_type_is_not_compatible() {
    Schema v1 = LcEventSchemas.schemaOf(LcEvent.CreditCancelled.class);
    Schema v2 = withFieldType(v1, "reason", Schema.create(Schema.Type.INT));

    assertThat(compatibility(v2, v1)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    assertThat(compatibility(v1, v2)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    assertThatThrownBy(() -> FULL_TRANSITIVE.validate(v2, List.of(v1)))
        .isInstanceOf(SchemaValidationException.class);
  }

  @Test
  void adding_an_enum_symbol_is_not_forward_compatible() {
    Schema v1 =
        LcEventSchemas.schemaOf(LcEvent.PresentationHonoured.class).getField("mode").schema();
    List<String> symbols = new ArrayList<>(v1.getEnumSymbols());
    symbols.add("MIXED_PAYMENT");
    Schema v2 = Schema.createEnum(v1.getName(), v1.getDoc(), v1.getNamespace(), symbols);

    assertThat(compatibility(v2, v1)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(compatibility(v1, v2)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void a_later_version_with_a_new_field_is_read_by_the_current_classes() throws IOException {
    RecordedEvent<LcEvent> event =
        SampleEvents.recorded(
            new LcEvent.HonourReimbursed(
                new PresentationId("PRES-1"),
                LocalDate.parse("2026-08-19"),
                Money.of("612345.67", "USD")));
    Schema current = LcEventSchemas.schemaOf(LcEvent.HonourReimbursed.class);
    Schema later = withField(current, optionalString("reference"));
    byte[] writtenLater =
        rewrite(
            new AvroSingleObjectSerde().serialize(TOPIC, event),
            current,
            later,
            record -> record.put("reference", "MT756 REF 0042"));

    RecordedEvent<LcEvent> decoded =
        new AvroSingleObjectSerde(List.of(later)).deserialize(TOPIC, writtenLater);

    assertThat(decoded).isEqualTo(event);
    assertThat(HashChain.hashOf(decoded)).isEqualTo(event.hash());
  }

  @Test
  void an_earlier_version_without_an_optional_field_is_read_by_the_current_classes()
      throws IOException {
    LcEvent.DocumentsPresented presented =
        (LcEvent.DocumentsPresented) SampleEvents.all(false).get(9);
    RecordedEvent<LcEvent> event = SampleEvents.recorded(presented);
    Schema current = LcEventSchemas.schemaOf(LcEvent.DocumentsPresented.class);
    Schema earlier = withoutField(current, "quantity");
    byte[] writtenEarlier =
        rewrite(new AvroSingleObjectSerde().serialize(TOPIC, event), current, earlier, r -> {});

    RecordedEvent<LcEvent> decoded =
        new AvroSingleObjectSerde(List.of(earlier)).deserialize(TOPIC, writtenEarlier);

    assertThat(decoded).isEqualTo(event);
    assertThat(HashChain.hashOf(decoded)).isEqualTo(event.hash());
  }

  @Test
  void an_application_written_with_the_released_schema_is_read_by_default() throws IOException {
    LcEvent.CreditApplied applied = (LcEvent.CreditApplied) SampleEvents.all(false).get(0);
    RecordedEvent<LcEvent> event = SampleEvents.recorded(applied);
    Schema current = LcEventSchemas.schemaOf(LcEvent.CreditApplied.class);
    Schema released =
        LcEventSchemas.released().stream()
            .filter(s -> s.getName().equals("CreditApplied"))
            .findFirst()
            .orElseThrow();
    assertThat(released.getField("terms").schema().getField("shipment")).isNull();
    byte[] writtenByRelease =
        rewrite(new AvroSingleObjectSerde().serialize(TOPIC, event), current, released, r -> {});

    RecordedEvent<LcEvent> decoded =
        new AvroSingleObjectSerde().deserialize(TOPIC, writtenByRelease);

    assertThat(decoded).isEqualTo(event);
    assertThat(HashChain.hashOf(decoded)).isEqualTo(event.hash());
  }

  @Test
  void a_version_the_serde_was_not_given_has_an_unknown_fingerprint() throws IOException {
    RecordedEvent<LcEvent> event =
        SampleEvents.recorded(new LcEvent.CreditClosed(LocalDate.parse("2026-08-20")));
    Schema current = LcEventSchemas.schemaOf(LcEvent.CreditClosed.class);
    Schema later = withField(current, optionalString("reference"));
    byte[] writtenLater =
        rewrite(new AvroSingleObjectSerde().serialize(TOPIC, event), current, later, r -> {});

    assertThatThrownBy(() -> new AvroSingleObjectSerde().deserialize(TOPIC, writtenLater))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("unknown schema fingerprint");
  }

  @Test
  void the_serde_refuses_versions_it_could_not_read() {
    Schema current = LcEventSchemas.schemaOf(LcEvent.CreditCancelled.class);
    Schema retyped = withFieldType(current, "reason", Schema.create(Schema.Type.INT));
    Schema stranger =
        Schema.createRecord("Stranger", "not an event", "dev.tradeflow.other", false, List.of());

    assertThatThrownBy(() -> new AvroSingleObjectSerde(List.of(retyped)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be read with the current one");
    assertThatThrownBy(() -> new AvroSingleObjectSerde(List.of(stranger)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a version of an LC event schema");
    assertThatCode(() -> new AvroSingleObjectSerde(List.of(current))).doesNotThrowAnyException();
  }

  private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
  }

  private static Schema.Field optionalString(String name) {
    return new Schema.Field(
        name,
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
        "added in a later version",
        Schema.Field.NULL_DEFAULT_VALUE);
  }

  private static Schema withField(Schema record, Schema.Field added) {
    List<Schema.Field> fields = copyFields(record);
    fields.add(added);
    return recordLike(record, fields);
  }

  private static Schema withoutField(Schema record, String name) {
    List<Schema.Field> fields = copyFields(record);
    fields.removeIf(field -> field.name().equals(name));
    return recordLike(record, fields);
  }

  private static Schema withFieldType(Schema record, String name, Schema type) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      fields.add(
          field.name().equals(name)
              ? new Schema.Field(name, type, field.doc())
              : new Schema.Field(field, field.schema()));
    }
    return recordLike(record, fields);
  }

  private static List<Schema.Field> copyFields(Schema record) {
    List<Schema.Field> fields = new ArrayList<>();
    record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
    return fields;
  }

  private static Schema recordLike(Schema record, List<Schema.Field> fields) {
    return Schema.createRecord(
        record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }

  /** Re-encodes a single object under another version of its schema, as that version's writer. */
  private static byte[] rewrite(
      byte[] singleObject, Schema current, Schema version, Consumer<GenericRecord> edit)
      throws IOException {
    BinaryMessageDecoder<GenericRecord> decoder =
        new BinaryMessageDecoder<>(GenericData.get(), version);
    decoder.addSchema(current);
    GenericRecord record = decoder.decode(singleObject);
    edit.accept(record);
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), version)
        .encode(record)
        .array();
  }
}
