package dev.tradeflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.lc.LcEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.Test;

class LcEventSchemasTest {

  private static final Path SCHEMA_SOURCES = Paths.get("src", "main", "avro");

  @Test
  void every_event_type_has_a_schema_named_after_it() {
    List<Class<?>> eventTypes = Arrays.asList(LcEvent.class.getPermittedSubclasses());

    List<Class<?>> catalogued =
        LcEventSchemas.all().stream().<Class<?>>map(LcEventSchema::eventType).toList();
    assertThat(catalogued).containsExactlyInAnyOrderElementsOf(eventTypes);
    for (LcEventSchema schema : LcEventSchemas.all()) {
      assertThat(schema.recordName())
          .isEqualTo("dev.tradeflow.schemas.avro.lc." + schema.eventType().getSimpleName());
      assertThat(LcEventSchemas.schemaOf(schema.eventType())).isSameAs(schema.schema());
      assertThat(LcEventSchemas.recordNameOf(schema.eventType())).isEqualTo(schema.recordName());
    }
    assertThat(LcEventSchemas.all()).extracting(LcEventSchema::fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void every_schema_file_is_in_the_catalogue() throws IOException {
    Map<String, Schema> fromFiles = parseEventSchemaFiles();

    Map<String, Schema> catalogue =
        LcEventSchemas.all().stream()
            .collect(Collectors.toMap(LcEventSchema::recordName, LcEventSchema::schema));
    assertThat(fromFiles.keySet()).containsExactlyInAnyOrderElementsOf(catalogue.keySet());
    fromFiles.forEach(
        (name, schema) ->
            assertThat(SchemaNormalization.parsingFingerprint64(schema))
                .as("%s as compiled and as in its file", name)
                .isEqualTo(SchemaNormalization.parsingFingerprint64(catalogue.get(name))));
  }

  @Test
  void every_event_record_is_the_envelope_then_the_event_fields() {
    for (LcEventSchema schema : LcEventSchemas.all()) {
      List<String> expected = new ArrayList<>(List.of("envelope"));
      Arrays.stream(schema.eventType().getRecordComponents())
          .forEach(component -> expected.add(component.getName()));

      assertThat(schema.schema().getFields())
          .extracting(Schema.Field::name)
          .as(schema.recordName())
          .containsExactlyElementsOf(expected);
      assertThat(schema.schema().getField("envelope").schema().getFullName())
          .isEqualTo("dev.tradeflow.schemas.avro.EventEnvelope");
    }
  }

  @Test
  void every_type_and_field_has_a_doc() {
    for (Schema record : namedTypes(Schema.Type.RECORD)) {
      for (Schema.Field field : record.getFields()) {
        assertThat(field.doc()).as("%s.%s", record.getFullName(), field.name()).isNotBlank();
      }
      assertThat(record.getDoc()).as(record.getFullName()).isNotBlank();
    }
    assertThat(namedTypes(Schema.Type.ENUM))
        .hasSize(4)
        .allSatisfy(symbols -> assertThat(symbols.getDoc()).isNotBlank());
  }

  @Test
  void every_union_is_an_optional_value_defaulting_to_null() {
    for (Schema record : namedTypes(Schema.Type.RECORD)) {
      for (Schema.Field field : record.getFields()) {
        if (field.schema().isUnion()) {
          assertThat(field.schema().getTypes())
              .as("%s.%s", record.getFullName(), field.name())
              .hasSize(2)
              .first()
              .extracting(Schema::getType)
              .isEqualTo(Schema.Type.NULL);
          assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
        }
      }
    }
  }

  @Test
  void the_optional_domain_fields_are_optional() {
    Map<String, Schema> records =
        namedTypes(Schema.Type.RECORD).stream()
            .collect(Collectors.toMap(Schema::getName, Function.identity()));

    assertThat(records.get("LcTerms").getField("latestShipmentDate").schema().isNullable())
        .isTrue();
    assertThat(records.get("LcTerms").getField("quantity").schema().isNullable()).isTrue();
    assertThat(records.get("DocumentsPresented").getField("quantity").schema().isNullable())
        .isTrue();
    assertThat(records.get("PresentationHonoured").getField("maturityDate").schema().isNullable())
        .isTrue();
    assertThat(records.get("AmendmentChanges").getFields())
        .allSatisfy(field -> assertThat(field.schema().isNullable()).isTrue());
  }

  @Test
  void dates_are_avro_dates() {
    for (LcEventSchema schema : LcEventSchemas.all()) {
      Arrays.stream(schema.eventType().getRecordComponents())
          .filter(component -> component.getType() == LocalDate.class)
          .map(component -> nonNull(schema.schema().getField(component.getName()).schema()))
          .forEach(
              date -> {
                assertThat(date.getType()).isEqualTo(Schema.Type.INT);
                assertThat(date.getLogicalType()).isEqualTo(LogicalTypes.date());
              });
    }
  }

  @Test
  void money_and_quantities_are_decimals() {
    Map<String, Schema> records =
        namedTypes(Schema.Type.RECORD).stream()
            .collect(Collectors.toMap(Schema::getName, Function.identity()));

    assertThat(records.get("Money").getField("amount").schema().getLogicalType())
        .isEqualTo(LogicalTypes.decimal(22, 4));
    assertThat(records.get("QuantityTerms").getField("quantity").schema().getLogicalType())
        .isEqualTo(LogicalTypes.decimal(22, 6));
    assertThat(nonNull(records.get("DocumentsPresented").getField("quantity").schema()))
        .extracting(Schema::getLogicalType)
        .isEqualTo(LogicalTypes.decimal(22, 6));
  }

  @Test
  void a_subject_is_the_topic_and_the_record_full_name() {
    assertThat(LcEventSchemas.subjectFor("tf.lc.events", LcEvent.CreditApplied.class))
        .isEqualTo("tf.lc.events-dev.tradeflow.schemas.avro.lc.CreditApplied");
    assertThatThrownBy(() -> LcEventSchemas.subjectFor(" ", LcEvent.CreditApplied.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic");
    assertThatThrownBy(() -> LcEventSchemas.subjectFor("tf.lc.events", LcEvent.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Avro schema for dev.tradeflow.domain.lc.LcEvent");
  }

  /** The event schemas as their files define them, shared types resolved. */
  private static Map<String, Schema> parseEventSchemaFiles() throws IOException {
    SchemaParser parser = new SchemaParser();
    try (Stream<Path> common = Files.list(SCHEMA_SOURCES.resolve("common"))) {
      for (Path file : common.toList()) {
        parser.parse(file);
      }
    }
    List<SchemaParser.ParseResult> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(SCHEMA_SOURCES.resolve("lc"))) {
      for (Path file : files.toList()) {
        events.add(parser.parse(file));
      }
    }
    return events.stream()
        .map(SchemaParser.ParseResult::mainSchema)
        .collect(Collectors.toMap(Schema::getFullName, Function.identity()));
  }

  /** Every named type of a kind reachable from the event schemas. */
  private static List<Schema> namedTypes(Schema.Type type) {
    Set<String> seen = new HashSet<>();
    List<Schema> found = new ArrayList<>();
    LcEventSchemas.all().forEach(schema -> collect(schema.schema(), type, seen, found));
    return found;
  }

  private static void collect(Schema schema, Schema.Type type, Set<String> seen, List<Schema> out) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          if (type == Schema.Type.RECORD) {
            out.add(schema);
          }
          schema.getFields().forEach(field -> collect(field.schema(), type, seen, out));
        }
      }
      case ENUM -> {
        if (seen.add(schema.getFullName()) && type == Schema.Type.ENUM) {
          out.add(schema);
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, type, seen, out));
      case ARRAY -> collect(schema.getElementType(), type, seen, out);
      default -> {}
    }
  }

  private static Schema nonNull(Schema schema) {
    return schema.isUnion()
        ? schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().get()
        : schema;
  }
}
