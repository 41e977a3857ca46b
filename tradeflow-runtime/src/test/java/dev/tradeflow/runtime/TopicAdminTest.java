package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedBroker.class)
class TopicAdminTest {

  private static Admin admin;
  private static final TopicSpec EVENTS = Topics.lcEvents(TradeflowConfig.defaults());

  @BeforeAll
  static void connect(EmbeddedKafkaBroker broker) {
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  /** The events topic's settings under another name, so each test has a topic of its own. */
  private static TopicSpec eventsTopic(String name) {
    return new TopicSpec(name, EVENTS.partitions(), EVENTS.replicationFactor(), EVENTS.configs());
  }

  private static void createTopic(String name, int partitions, Map<String, String> configs)
      throws Exception {
    admin
        .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
        .all()
        .get();
  }

  @Test
  void creates_the_catalogue_with_its_configs_and_leaves_it_alone_afterwards() throws Exception {
    List<TopicSpec> catalogue = Topics.catalogue(TradeflowConfig.defaults());

    TopicAdmin.ensureTopics(admin, catalogue);

    assertThat(admin.listTopics().names().get())
        .contains(Topics.LC_COMMANDS, Topics.LC_EVENTS, Topics.LC_COMMAND_RESULTS);
    Config events =
        admin
            .describeConfigs(
                List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.LC_EVENTS)))
            .all()
            .get()
            .values()
            .iterator()
            .next();
    assertThat(events.get("retention.ms").value()).isEqualTo("-1");
    assertThat(events.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(admin.describeTopics(List.of(Topics.LC_EVENTS)).allTopicNames().get())
        .extractingByKey(Topics.LC_EVENTS)
        .satisfies(description -> assertThat(description.partitions()).hasSize(6));

    assertThat(TopicAdmin.ensureTopics(admin, catalogue)).isEmpty();
  }

  @Test
  void refuses_a_compacted_events_topic() throws Exception {
    createTopic("it.compacted.events", 6, Map.of("cleanup.policy", "compact"));

    assertThatThrownBy(
            () -> TopicAdmin.ensureTopics(admin, List.of(eventsTopic("it.compacted.events"))))
        .isInstanceOf(IncompatibleTopicException.class)
        .hasMessageStartingWith(
            "topic it.compacted.events is a log of record and must keep every event, but it has"
                + " cleanup.policy=compact, retention.ms=604800000: run kafka-configs.sh --alter"
                + " --entity-type topics --entity-name it.compacted.events --add-config"
                + " cleanup.policy=delete,retention.ms=-1,retention.bytes=-1");
  }

  @Test
  void refuses_an_events_topic_with_finite_retention() throws Exception {
    createTopic("it.expiring.events", 6, Map.of("retention.bytes", "1073741824"));

    assertThatThrownBy(
            () -> TopicAdmin.ensureTopics(admin, List.of(eventsTopic("it.expiring.events"))))
        .isInstanceOf(IncompatibleTopicException.class)
        .hasMessageContaining("but it has retention.ms=604800000, retention.bytes=1073741824");
  }

  @Test
  void refuses_another_partition_count() throws Exception {
    createTopic("it.resized", 2, Map.of());

    assertThatThrownBy(
            () ->
                TopicAdmin.ensureTopics(
                    admin, List.of(new TopicSpec("it.resized", 6, 1, Map.of()))))
        .isInstanceOf(IncompatibleTopicException.class)
        .hasMessage(
            "topic it.resized has 2 partitions but 6 are configured (kafka.partitions): records"
                + " are routed to partitions by key, so set kafka.partitions=2, or delete the topic"
                + " and let Tradeflow recreate it");
  }

  @Test
  void accepts_an_existing_topic_that_fits() throws Exception {
    createTopic("it.fitting.events", 6, EVENTS.configs());

    assertThat(TopicAdmin.ensureTopics(admin, List.of(eventsTopic("it.fitting.events")))).isEmpty();
  }
}
