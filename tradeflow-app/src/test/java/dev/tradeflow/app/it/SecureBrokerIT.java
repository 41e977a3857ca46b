package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.ApiClient;
import dev.tradeflow.app.demo.DemoRunner;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicSpec;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.security.EmbeddedBrokerSecurity;
import dev.tradeflow.runtime.security.ServicePrincipal;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The secure profile: the service on its own embedded broker secured with SASL_SSL (SCRAM-SHA-512
 * over TLS) and the StandardAuthorizer, with payload encryption and the issuance saga. The whole
 * pipeline runs the demo under its least-privilege ACLs with every {@code tf.*} value stored
 * encrypted, and the audit log verifies; a plaintext client, a wrong password and a principal
 * without ACLs get nothing, and the auditor may read the audited topics but write nothing.
 */
class SecureBrokerIT {

  private static TradeflowService service;
  private static TradeflowConfig config;
  private static EmbeddedBrokerSecurity security;

  @BeforeAll
  static void start() {
    config =
        SharedKafka.config(
            Map.of(
                "TRADEFLOW_BOOTSTRAP_SERVERS",
                "",
                "TRADEFLOW_KAFKA_PORT",
                Integer.toString(SharedKafka.freePort()),
                "TRADEFLOW_KAFKA_CONTROLLER_PORT",
                Integer.toString(SharedKafka.freePort()),
                "TRADEFLOW_KAFKA_EMBEDDED_SECURITY",
                "sasl-ssl",
                "TRADEFLOW_CRYPTO_ENABLED",
                "true",
                "TRADEFLOW_SAGA_ENABLED",
                "true",
                "TRADEFLOW_SAGA_APPROVAL_TIMEOUT_MS",
                "8000",
                "TRADEFLOW_SAGA_TICK_INTERVAL_MS",
                "200"));
    service = TradeflowService.start(config, true);
    security = EmbeddedBrokerSecurity.existing(config.kafkaSecurityDir()).orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static Map<String, Object> login(ServicePrincipal principal) {
    Map<String, Object> props = new HashMap<>(security.clientProperties(principal));
    props.put("bootstrap.servers", service.bootstrapServers());
    return props;
  }

  @Test
  void the_service_works_under_its_acls() {
    ApiClient api = SharedKafka.client(service);
    ApiClient.Response applied = api.post("/api/v1/lcs/SEC-1/commands", TestCommands.apply("c1"));
    assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
    assertThat(api.get("/api/v1/lcs/SEC-1").status()).isEqualTo(200);
    assertThat(
            SharedKafka.readEvents(
                new KafkaClients(config, service.bootstrapServers()).as(ServicePrincipal.AUDITOR)))
        .isNotEmpty();
  }

  @Test
  void the_demo_runs_with_every_tf_value_encrypted_and_its_audit_log_verifies()
      throws InterruptedException {
    DemoRunner.Summary demo = DemoRunner.against(service, Clock.systemUTC()).run();
    assertThat(demo.failures()).isEmpty();

    KafkaClients clients = new KafkaClients(config, service.bootstrapServers());
    Map<String, Integer> valuesByTopic = new TreeMap<>();
    for (TopicSpec topic : Topics.catalogue(config)) {
      for (ConsumerRecord<String, byte[]> record : SharedKafka.readTopic(clients, topic.name())) {
        if (record.value() != null) {
          assertThat(PayloadCipher.isEnvelope(record.value()))
              .as("%s-%d@%d", record.topic(), record.partition(), record.offset())
              .isEqualTo(RecordEncryption.covers(record.topic()));
          valuesByTopic.merge(record.topic(), 1, Integer::sum);
        }
      }
    }
    assertThat(valuesByTopic)
        .as("every part of the pipeline wrote, and nothing was parked as unreadable")
        .containsKeys(
            Topics.LC_COMMANDS,
            Topics.LC_EVENTS,
            Topics.LC_COMMAND_RESULTS,
            Topics.AUDIT_ACCESS,
            Topics.AUDIT_CHECKPOINTS,
            Topics.AML_SCREENING_REQUESTS,
            Topics.AML_SCREENING_RESULTS,
            Topics.AML_CASE_EVENTS,
            Topics.AML_DOCUMENT_REGISTER,
            Topics.CREDIT_REQUESTS,
            Topics.CREDIT_RESULTS,
            Topics.SAGA_APPROVALS,
            Topics.SAGA_PRESENTATIONS)
        .allSatisfy((topic, values) -> assertThat(Topics.isDeadLetterTopic(topic)).isFalse());

    SharedKafka.awaitAudited(
        new AuditVerifier(
            config.audit().origin(), KeyRing.load(config.audit().keysDir()).verifierKeys()),
        clients.as(ServicePrincipal.AUDITOR),
        valuesByTopic.get(Topics.LC_EVENTS));
  }

  @Test
  void a_plaintext_client_and_a_wrong_password_are_kept_out() {
    assertThat(EmbeddedKafkaBroker.isReachable(service.bootstrapServers(), Duration.ofSeconds(3)))
        .isFalse();
    Map<String, Object> wrong = login(ServicePrincipal.SERVICE);
    wrong.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"tradeflow-service\" password=\"guessed\";");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(wrong, new StringDeserializer(), new ByteArrayDeserializer())) {
      assertThatThrownBy(() -> consumer.partitionsFor(Topics.LC_EVENTS, Duration.ofSeconds(10)))
          .isInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void a_principal_without_acls_is_denied_and_the_auditor_writes_nothing() throws Exception {
    try (Admin admin = Admin.create(login(ServicePrincipal.BROKER))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      "intruder",
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                      "intruder-password")))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Map<String, Object> intruder = login(ServicePrincipal.SERVICE);
    intruder.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"intruder\" password=\"intruder-password\";");
    assertThatThrownBy(() -> send(intruder, Topics.LC_COMMANDS))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> read(intruder, Topics.LC_EVENTS))
        .isInstanceOf(TopicAuthorizationException.class);

    Map<String, Object> auditor = login(ServicePrincipal.AUDITOR);
    assertThatThrownBy(() -> send(auditor, Topics.LC_COMMANDS))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
    // It reads what is audited, and nothing else.
    read(auditor, Topics.LC_EVENTS);
    assertThatThrownBy(() -> read(auditor, Topics.LC_COMMANDS))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  private static void send(Map<String, Object> login, String topic)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    Map<String, Object> props = new HashMap<>(login);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "SEC-X", new byte[] {1})).get(20, TimeUnit.SECONDS);
    }
  }

  private static void read(Map<String, Object> login, String topic) {
    Map<String, Object> props = new HashMap<>(login);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition first = new TopicPartition(topic, 0);
      consumer.assign(List.of(first));
      consumer.seekToBeginning(List.of(first));
      consumer.poll(Duration.ofSeconds(5));
    }
  }
}
