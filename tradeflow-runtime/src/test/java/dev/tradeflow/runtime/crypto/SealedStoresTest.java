package dev.tradeflow.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.schemas.crypto.JournalDataKeys;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed store, in a topology: what it logs to its changelog is ciphertext, what a processor and
 * a query read is the value, and a shredded subject's values fail to open (and are passed over in
 * iterations) while others read.
 */
class SealedStoresTest {

  private static final String STORE = "terms";

  @TempDir Path dir;

  private JournalDataKeys keys;

  private RecordEncryption encryption() {
    keys =
        new JournalDataKeys(
            dir.resolve("keys"),
            Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()),
            Duration.ofDays(30),
            Clock.systemUTC());
    return RecordEncryption.with(new PayloadCipher(keys));
  }

  /** Keys {@code LC-1/1}: the subject is the part before the slash. */
  private static Topology topology(RecordEncryption encryption) {
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
    topology.addProcessor("put", StoringProcessor::new, "in");
    topology.addStateStore(
        SealedStores.keyValueStore(
            STORE, Serdes.String(), key -> key.substring(0, key.indexOf('/')), encryption),
        "put");
    return topology;
  }

  private static final class StoringProcessor implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      String before = store.get(record.key());
      store.put(record.key(), before == null ? record.value() : before + "+" + record.value());
    }
  }

  private static TopologyTestDriver driver(Topology topology) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sealed-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(topology, props);
  }

  @Test
  void values_are_logged_sealed_and_read_back_opened_and_a_shred_reaches_them() {
    try (TopologyTestDriver driver = driver(topology(encryption()))) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeInput("LC-1/1", "Acme Imports");
      in.pipeInput("LC-1/1", "rice");
      in.pipeInput("LC-2/1", "Globex Exports");

      List<KeyValue<String, byte[]>> logged = new ArrayList<>();
      driver
          .createOutputTopic(
              "sealed-test-" + STORE + "-changelog",
              new StringDeserializer(),
              Serdes.ByteArray().deserializer())
          .readKeyValuesToList()
          .forEach(logged::add);
      assertThat(logged).hasSize(3);
      for (KeyValue<String, byte[]> entry : logged) {
        assertThat(PayloadCipher.isEnvelope(entry.value)).isTrue();
        assertThat(new String(entry.value, StandardCharsets.ISO_8859_1))
            .doesNotContain("Acme")
            .doesNotContain("Globex");
      }
      KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
      assertThat(store.get("LC-1/1")).isEqualTo("Acme Imports+rice");

      assertThat(keys.shred("LC-1")).isEqualTo(1);

      assertThatThrownBy(() -> store.get("LC-1/1"))
          .isInstanceOf(RecordDecryptionException.class)
          .matches(e -> ((RecordDecryptionException) e).shredded());
      List<String> listed = new ArrayList<>();
      try (KeyValueIterator<String, String> all = store.all()) {
        all.forEachRemaining(entry -> listed.add(entry.value)); // passes over the shredded
      }
      assertThat(listed).containsExactly("Globex Exports");
    }
  }

  @Test
  void a_value_copied_to_another_key_of_the_same_credit_fails_to_open() {
    RecordEncryption encryption = encryption();
    byte[] first =
        SealedStores.seal(
            encryption, STORE, "LC-1/1", "LC-1", "first".getBytes(StandardCharsets.UTF_8));

    assertThat(SealedStores.open(encryption, STORE, "LC-1/1", "LC-1", first))
        .isEqualTo("first".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> SealedStores.open(encryption, STORE, "LC-1/2", "LC-1", first))
        .isInstanceOf(RecordDecryptionException.class)
        .matches(e -> !((RecordDecryptionException) e).shredded());
    assertThatThrownBy(() -> SealedStores.open(encryption, "other", "LC-1/1", "LC-1", first))
        .isInstanceOf(RecordDecryptionException.class);
  }

  @Test
  void without_encryption_the_store_is_streams_own_and_values_stay_plain() {
    try (TopologyTestDriver driver = driver(topology(RecordEncryption.none()))) {
      driver
          .createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeInput("LC-1/1", "Acme Imports");

      assertThat(
              driver
                  .createOutputTopic(
                      "sealed-test-" + STORE + "-changelog",
                      new StringDeserializer(),
                      new StringDeserializer())
                  .readValue())
          .isEqualTo("Acme Imports");
      assertThat(driver.<String, String>getKeyValueStore(STORE).get("LC-1/1"))
          .isEqualTo("Acme Imports");
    }
  }
}
