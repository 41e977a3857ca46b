package dev.tradeflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.EventContext;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.SharedBroker;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.schemas.ConfluentAvroSerde;
import dev.tradeflow.schemas.EventDecodingException;
import dev.tradeflow.schemas.LcEventSchemas;
import dev.tradeflow.schemas.registry.RegistryClient;
import dev.tradeflow.schemas.registry.RegistryException;
import dev.tradeflow.schemas.registry.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events in Confluent's wire format through a real registry, and their schemas evolving: a v2 with
 * an optional field is read by today's consumers, v2 readers read v1 events, a mixed log replays,
 * and a breaking change is refused naming the field.
 */
@ExtendWith(SharedBroker.class)
class ConfluentAvroSerdeTest {

  private static SchemaRegistryServer server;
  private static RegistryClient client;
  private static String topic;

  @BeforeAll
  static void start(EmbeddedKafkaBroker broker) {
    server =
        SchemaRegistryServer.start(
            new KafkaClients(TradeflowConfig.defaults(), broker.bootstrapServers()),
            new SchemaRegistryServer.Settings(
                "127.0.0.1",
                0,
                "_schemas-" + UUID.randomUUID(),
                1,
                1,
                CompatibilityLevel.FULL_TRANSITIVE));
    client = new RegistryClient("http://127.0.0.1:" + server.port());
    topic = "tf.test.events-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RecordedEvent<LcEvent> advised(String lcId) {
    return HashChain.append(
            ChainHead.EMPTY,
            lcId,
            List.<LcEvent>of(
                new LcEvent.CreditAdvised(
                    new Bank("BARCGB22", "Barclays Bank"), LocalDate.of(2026, 3, 2))),
            new EventContext("cmd-1", "corr-1", "tester", Instant.parse("2026-03-02T10:00:00Z")),
            UUID::randomUUID)
        .get(0);
  }

  @Test
  void an_event_is_framed_with_magic_byte_0_and_its_registered_id() {
    ConfluentAvroSerde serde =
        new ConfluentAvroSerde(client, SubjectNameStrategy.TOPIC_RECORD, true);
    RecordedEvent<LcEvent> event = advised("LC-WIRE-1");

    byte[] bytes = serde.serialize(topic, event);

    assertThat(bytes[0]).isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    Schema schema = LcEventSchemas.schemaOf(LcEvent.CreditAdvised.class);
    assertThat(client.lookup(topic + "-" + schema.getFullName(), schema)).contains(id);
    // A fresh client (no cache) reads it back through the registry, hash and all.
    RecordedEvent<LcEvent> read =
        new ConfluentAvroSerde(
                new RegistryClient("http://127.0.0.1:" + server.port()),
                SubjectNameStrategy.TOPIC_RECORD,
                false)
            .deserialize(topic, bytes);
    assertThat(read).isEqualTo(event);
  }

  @Test
  void without_auto_registration_an_unregistered_schema_is_refused() {
    ConfluentAvroSerde serde =
        new ConfluentAvroSerde(client, SubjectNameStrategy.TOPIC_RECORD, false);

    assertThatThrownBy(() -> serde.serialize("tf.test.unregistered", advised("LC-WIRE-2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("./tradeflow schemas register");
  }

  @Test
  void a_bad_magic_byte_or_an_unknown_id_is_a_decoding_error() {
    ConfluentAvroSerde serde =
        new ConfluentAvroSerde(client, SubjectNameStrategy.TOPIC_RECORD, true);
    byte[] bytes = serde.serialize(topic, advised("LC-WIRE-3"));
    byte[] badMagic = bytes.clone();
    badMagic[0] = 1;
    byte[] unknownId = bytes.clone();
    ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);

    assertThatThrownBy(() -> serde.deserialize(topic, badMagic))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("bad magic byte 1");
    assertThatThrownBy(() -> serde.deserialize(topic, unknownId))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("unknown schema id 987654");
  }

  @Test
  void schemas_evolve_both_ways_and_a_breaking_change_is_refused() throws Exception {
    String evolving = "tf.test.evolving-" + UUID.randomUUID().toString().substring(0, 8);
    ConfluentAvroSerde current =
        new ConfluentAvroSerde(client, SubjectNameStrategy.TOPIC_RECORD, true);
    Schema v1 = LcEventSchemas.schemaOf(LcEvent.CreditAdvised.class);
    Schema v2 = withOptionalField(v1, "advisingReference");
    String subject = SubjectNameStrategy.TOPIC_RECORD.subject(evolving, v1);

    List<byte[]> log = new ArrayList<>();
    RecordedEvent<LcEvent> first = advised("LC-EVO-1");
    log.add(current.serialize(evolving, first)); // registers v1
    int v2Id = client.register(subject, v2); // accepted under FULL_TRANSITIVE
    RecordedEvent<LcEvent> second = advised("LC-EVO-2");
    log.add(asVersion(current.serialize(evolving, second), v1, v2, v2Id, "MT730-0042"));
    RecordedEvent<LcEvent> third = advised("LC-EVO-3");
    log.add(current.serialize(evolving, third));

    // Today's consumer replays the mixed log: v1, v2, v1.
    List<RecordedEvent<LcEvent>> replayed = new ArrayList<>();
    log.forEach(bytes -> replayed.add(current.deserialize(evolving, bytes)));
    assertThat(replayed).containsExactly(first, second, third);

    // A v2 consumer reads a v1 event, the new field at its default.
    GenericRecord asV2 = readAs(log.get(0), v2);
    assertThat(asV2.get("advisingReference")).isNull();
    assertThat(readAs(log.get(1), v2).get("advisingReference").toString()).isEqualTo("MT730-0042");

    // Removing a field without a default breaks old readers: refused, naming the field.
    Schema withoutDate = withoutField(v2, "advisedOn");
    assertThatThrownBy(() -> client.register(subject, withoutDate))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(409))
        .hasMessageContaining("advisedOn");
    assertThat(client.incompatibilities(subject, withoutDate)).isNotEmpty();
    assertThat(client.incompatibilities(subject, v2)).isEmpty();
  }

  /** v1 bytes rewritten as a v2 record with the new field set, framed with v2's id. */
  private static byte[] asVersion(byte[] v1Bytes, Schema v1, Schema v2, int v2Id, String value)
      throws Exception {
    GenericRecord record = readGeneric(v1Bytes, v1, v2);
    record.put("advisingReference", value);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(v2Id).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(v2).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** Reads framed bytes with the schema their id names, resolved to {@code reader}. */
  private static GenericRecord readAs(byte[] bytes, Schema reader) throws Exception {
    Schema writer = client.schemaById(ByteBuffer.wrap(bytes, 1, 4).getInt()).orElseThrow();
    return readGeneric(bytes, writer, reader);
  }

  private static GenericRecord readGeneric(byte[] bytes, Schema writer, Schema reader)
      throws Exception {
    return new GenericDatumReader<GenericRecord>(writer, reader, new GenericData())
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
  }

  private static Schema withOptionalField(Schema schema, String name) throws Exception {
    ObjectNode json = (ObjectNode) RegistryHttp.JSON.readTree(schema.toString());
    ((ArrayNode) json.get("fields"))
        .addObject()
        .put("name", name)
        .putNull("default")
        .putArray("type")
        .add("null")
        .add("string");
    return new Schema.Parser().parse(json.toString());
  }

  private static Schema withoutField(Schema schema, String name) throws Exception {
    ObjectNode json = (ObjectNode) RegistryHttp.JSON.readTree(schema.toString());
    ArrayNode fields = (ArrayNode) json.get("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("name").asText().equals(name)) {
        fields.remove(i);
        break;
      }
    }
    return new Schema.Parser().parse(json.toString());
  }
}
