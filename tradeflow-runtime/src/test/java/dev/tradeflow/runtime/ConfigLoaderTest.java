package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static TradeflowConfig load(Path file, Map<String, String> env) {
    return ConfigLoader.load(Optional.of(file), env);
  }

  @Nested
  class Defaults {

    private final TradeflowConfig config = ConfigLoader.load(Optional.empty(), Map.of());

    @Test
    void run_the_embedded_broker_under_the_local_data_dir() {
      assertThat(config.embeddedBroker()).isTrue();
      assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
      assertThat(config.kafkaDataDir()).isEqualTo(Path.of("./data/kafka"));
      assertThat(config.kafka().bootstrapServers()).isEmpty();
      assertThat(config.kafka().embeddedPort()).isEqualTo(9092);
      assertThat(config.kafka().embeddedControllerPort()).isEqualTo(9093);
      assertThat(config.kafka().partitions()).isEqualTo(6);
      assertThat(config.kafka().replicationFactor()).isEqualTo(1);
      assertThat(config.kafka().minInsyncReplicas()).isEqualTo(1);
      assertThat(config.kafka().clientProperties()).isEmpty();
    }

    @Test
    void serve_http_and_process_commands_with_low_latency() {
      assertThat(config.http())
          .isEqualTo(
              new TradeflowConfig.HttpSettings(
                  "0.0.0.0", "127.0.0.1", 8080, Duration.ofSeconds(5)));
      assertThat(config.streams())
          .isEqualTo(
              new TradeflowConfig.StreamsSettings(
                  "tradeflow-lc-processor",
                  Duration.ofMillis(5),
                  1,
                  Path.of("./data/streams"),
                  Duration.ofDays(7)));
    }

    @Test
    void know_the_london_bank_holidays_of_2026_and_2027() {
      assertThat(config.holidays().get("GB-LON"))
          .hasSize(16)
          .contains(
              LocalDate.parse("2026-04-03"), // Good Friday
              LocalDate.parse("2026-12-25"), // Christmas, a Friday
              LocalDate.parse("2026-12-28"), // Boxing Day substitute
              LocalDate.parse("2027-03-29"), // Easter Monday
              LocalDate.parse("2027-12-27"),
              LocalDate.parse("2027-12-28"))
          .doesNotContain(LocalDate.parse("2026-12-26"));
    }

    @Test
    void know_the_federal_reserve_holidays_of_2026_and_2027() {
      assertThat(config.holidays().get("US-NYC"))
          .hasSize(19)
          .contains(
              LocalDate.parse("2026-06-19"),
              LocalDate.parse("2026-11-26"),
              LocalDate.parse("2027-07-05")) // 4 July is a Sunday
          // Saturday holidays: the Reserve Banks stay open the Friday before.
          .doesNotContain(
              LocalDate.parse("2026-07-03"),
              LocalDate.parse("2027-06-18"),
              LocalDate.parse("2027-12-24"));
    }

    @Test
    void are_what_defaults_returns() {
      assertThat(TradeflowConfig.defaults()).isEqualTo(config);
    }
  }

  @Nested
  class Files_ {

    @Test
    void yaml_nesting_maps_to_dotted_keys() throws IOException {
      Path file =
          write(
              "tradeflow.yaml",
              """
              data:
                dir: /var/lib/tradeflow
              kafka:
                bootstrap-servers: kafka-1:9092, kafka-2:9092
                partitions: 12
                client:
                  security.protocol: SSL
                  ssl:
                    truststore.location: /etc/tradeflow/truststore.p12
              http:
                port: 8443
                command-wait-ms: 250
              streams.threads: 2
              calendar:
                holidays:
                  GB-LON: 2026-12-25,2026-12-28
                  DE-FRA: [2026-12-24, 2026-12-25]
              """);

      TradeflowConfig config = load(file, Map.of());

      assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/tradeflow"));
      assertThat(config.embeddedBroker()).isFalse();
      assertThat(config.kafka().bootstrapServers()).contains("kafka-1:9092,kafka-2:9092");
      assertThat(config.kafka().partitions()).isEqualTo(12);
      assertThat(config.kafka().clientProperties())
          .containsOnly(
              Map.entry("security.protocol", "SSL"),
              Map.entry("ssl.truststore.location", "/etc/tradeflow/truststore.p12"));
      assertThat(config.http().port()).isEqualTo(8443);
      assertThat(config.http().commandWait()).isEqualTo(Duration.ofMillis(250));
      assertThat(config.streams().threads()).isEqualTo(2);
      assertThat(config.streams().stateDir()).isEqualTo(Path.of("/var/lib/tradeflow/streams"));
      // A place given in the file replaces the built-in list; the others stay.
      assertThat(config.holidays().get("GB-LON"))
          .containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"));
      assertThat(config.holidays().get("DE-FRA")).hasSize(2);
      assertThat(config.holidays().get("US-NYC")).hasSize(19);
    }

    @Test
    void a_cluster_gets_three_replicas_and_two_in_sync_by_default() throws IOException {
      Path file = write("tradeflow.yml", "kafka:\n  bootstrap-servers: kafka:9092\n");

      TradeflowConfig config = load(file, Map.of());

      assertThat(config.kafka().replicationFactor()).isEqualTo(3);
      assertThat(config.kafka().minInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void properties_files_use_the_dotted_keys() throws IOException {
      Path file =
          write(
              "tradeflow.properties",
              """
              data.dir=/srv/tf
              kafka.embedded.port=19092
              kafka.embedded.controller-port=19093
              streams.state-dir=/fast-disk/streams
              streams.dedup-retention-ms=3600000
              calendar.holidays.US-NYC=
              """);

      TradeflowConfig config = load(file, Map.of());

      assertThat(config.kafkaDataDir()).isEqualTo(Path.of("/srv/tf/kafka"));
      assertThat(config.kafka().embeddedPort()).isEqualTo(19092);
      assertThat(config.kafka().embeddedControllerPort()).isEqualTo(19093);
      assertThat(config.streams().stateDir()).isEqualTo(Path.of("/fast-disk/streams"));
      assertThat(config.streams().dedupRetention()).isEqualTo(Duration.ofHours(1));
      assertThat(config.holidays().get("US-NYC")).isEmpty();
    }

    @Test
    void an_empty_yaml_file_or_section_changes_nothing() throws IOException {
      assertThat(load(write("empty.yaml", ""), Map.of())).isEqualTo(TradeflowConfig.defaults());
      assertThat(load(write("sections.yaml", "kafka:\nhttp:\n"), Map.of()))
          .isEqualTo(TradeflowConfig.defaults());
    }
  }

  @Nested
  class Environment {

    @Test
    void overrides_the_file() throws IOException {
      Path file = write("tradeflow.yaml", "http:\n  port: 8443\nkafka:\n  partitions: 3\n");

      TradeflowConfig config =
          load(file, Map.of("TRADEFLOW_HTTP_PORT", "9000", "TRADEFLOW_KAFKA_PARTITIONS", "4"));

      assertThat(config.http().port()).isEqualTo(9000);
      assertThat(config.kafka().partitions()).isEqualTo(4);
    }

    @Test
    void names_every_key_by_the_upper_case_rule() {
      TradeflowConfig config =
          ConfigLoader.load(
              Optional.empty(),
              Map.of(
                  "TRADEFLOW_DATA_DIR", "/data/tf",
                  "TRADEFLOW_KAFKA_EMBEDDED_CONTROLLER_PORT", "29093",
                  "TRADEFLOW_STREAMS_APPLICATION_ID", "tf-lc-2",
                  "TRADEFLOW_STREAMS_COMMIT_INTERVAL_MS", "20",
                  "TRADEFLOW_HTTP_HOST", "127.0.0.1"));

      assertThat(config.dataDir()).isEqualTo(Path.of("/data/tf"));
      assertThat(config.streams().stateDir()).isEqualTo(Path.of("/data/tf/streams"));
      assertThat(config.kafka().embeddedControllerPort()).isEqualTo(29093);
      assertThat(config.streams().applicationId()).isEqualTo("tf-lc-2");
      assertThat(config.streams().commitInterval()).isEqualTo(Duration.ofMillis(20));
      assertThat(config.http().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void has_short_aliases_for_the_broker_settings() {
      TradeflowConfig config =
          ConfigLoader.load(
              Optional.empty(),
              Map.of("TRADEFLOW_KAFKA_PORT", "19092", "TRADEFLOW_KAFKA_CONTROLLER_PORT", "19093"));
      assertThat(config.kafka().embeddedPort()).isEqualTo(19092);
      assertThat(config.kafka().embeddedControllerPort()).isEqualTo(19093);

      TradeflowConfig remote =
          ConfigLoader.load(
              Optional.empty(), Map.of("TRADEFLOW_BOOTSTRAP_SERVERS", "broker.bank.internal:9094"));
      assertThat(remote.kafka().bootstrapServers()).contains("broker.bank.internal:9094");
      assertThat(remote.embeddedBroker()).isFalse();
    }

    @Test
    void sets_client_properties_and_holidays() {
      TradeflowConfig config =
          ConfigLoader.load(
              Optional.empty(),
              Map.of(
                  "TRADEFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                  "TRADEFLOW_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512",
                  "TRADEFLOW_CALENDAR_HOLIDAYS_CH_ZRH", "2026-08-01"));

      assertThat(config.kafka().clientProperties())
          .containsOnly(
              Map.entry("security.protocol", "SASL_SSL"),
              Map.entry("sasl.mechanism", "SCRAM-SHA-512"));
      assertThat(config.holidays().get("CH-ZRH")).containsExactly(LocalDate.parse("2026-08-01"));
    }

    @Test
    void an_empty_bootstrap_variable_selects_the_embedded_broker() throws IOException {
      Path file = write("tradeflow.yaml", "kafka:\n  bootstrap-servers: kafka:9092\n");

      assertThat(load(file, Map.of("TRADEFLOW_BOOTSTRAP_SERVERS", "")).embeddedBroker()).isTrue();
    }

    @Test
    void ignores_other_variables_even_with_the_prefix() {
      TradeflowConfig config =
          ConfigLoader.load(
              Optional.empty(),
              Map.of("PATH", "/usr/bin", "TRADEFLOW_CONFIG", "/etc/tf.yaml", "HTTP_PORT", "1"));

      assertThat(config).isEqualTo(TradeflowConfig.defaults());
    }
  }

  @Nested
  class Failures {

    @Test
    void a_bad_port_names_key_file_value_and_the_fix() throws IOException {
      Path file = write("tradeflow.yaml", "kafka:\n  embedded:\n    port: abc\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessage("kafka.embedded.port=abc in " + file + ": expected a port number 1-65535");
    }

    @Test
    void a_bad_port_in_the_environment_names_the_variable() {
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_HTTP_PORT", "70000")))
          .isInstanceOf(ConfigException.class)
          .hasMessage("http.port=70000 in env TRADEFLOW_HTTP_PORT: expected a port number 1-65535");
    }

    @Test
    void broker_security_is_plaintext_or_sasl_ssl_and_only_for_the_embedded_broker() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_KAFKA_EMBEDDED_SECURITY", "tls")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("kafka.embedded.security=tls")
          .hasMessageContaining("expected plaintext or sasl-ssl");
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(),
                      Map.of(
                          "TRADEFLOW_KAFKA_EMBEDDED_SECURITY", "sasl-ssl",
                          "TRADEFLOW_BOOTSTRAP_SERVERS", "kafka-1:9092")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("applies to the embedded broker only")
          .hasMessageContaining("kafka.client.*");
      assertThat(
              ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_KAFKA_EMBEDDED_SECURITY", "sasl-ssl"))
                  .kafka()
                  .embeddedSecurity())
          .isEqualTo(BrokerSecurity.SASL_SSL);
    }

    @Test
    void the_api_needs_an_issuer_and_an_audience() {
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_AUTH_ISSUER", " ")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("auth.issuer");
      assertThat(TradeflowConfig.defaults().auth().signingKey())
          .isEqualTo(Path.of("./data/auth/token-signing.jwk"));
    }

    @Test
    void an_audit_origin_with_a_space_or_too_many_records_per_checkpoint_is_refused() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_AUDIT_ORIGIN", "my bank/audit")))
          .hasMessage(
              "audit.origin=my bank/audit in env TRADEFLOW_AUDIT_ORIGIN: expected a name without"
                  + " spaces or '+', such as bank.example/tradeflow");
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_AUDIT_CHECKPOINT_RECORDS", "5000")))
          .hasMessageContaining("expected a record count from 1 to 4000");
    }

    @Test
    void screening_thresholds_are_scores_and_review_comes_before_block() {
      TradeflowConfig.ComplianceSettings defaults = TradeflowConfig.defaults().compliance();
      assertThat(defaults.sanctionsDir()).isEmpty();
      assertThat(defaults.rulesFile()).isEmpty();
      assertThat(
              ConfigLoader.load(
                      Optional.empty(),
                      Map.of("TRADEFLOW_COMPLIANCE_RULES_FILE", "/etc/tradeflow/rules.properties"))
                  .compliance()
                  .rulesFile())
          .contains(java.nio.file.Path.of("/etc/tradeflow/rules.properties"));
      assertThat(defaults.reviewThreshold()).isEqualTo(0.84);
      assertThat(defaults.blockThreshold()).isEqualTo(0.93);
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_COMPLIANCE_REVIEW_THRESHOLD", "85")))
          .hasMessage(
              "compliance.review-threshold=85 in env TRADEFLOW_COMPLIANCE_REVIEW_THRESHOLD:"
                  + " expected a score above 0 and at most 1, such as 0.85");
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_COMPLIANCE_BLOCK_THRESHOLD", "0.5")))
          .hasMessageContaining("compliance.block-threshold=0.5")
          .hasMessageContaining("expected a score no lower than compliance.review-threshold");
    }

    @Test
    void encryption_on_a_cluster_needs_the_keystore_password() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(),
                      Map.of(
                          "TRADEFLOW_BOOTSTRAP_SERVERS", "kafka:9092",
                          "TRADEFLOW_CRYPTO_ENABLED", "true")))
          .hasMessageContaining("crypto.keystore-password")
          .hasMessageContaining("TRADEFLOW_CRYPTO_KEYSTORE_PASSWORD");
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_CRYPTO_ENABLED", "yes")))
          .hasMessageContaining("expected true or false");
      assertThat(
              ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_CRYPTO_KEYSTORE_PASSWORD", "s3cret"))
                  .toString())
          .doesNotContain("s3cret");
    }

    @Test
    void an_unknown_key_suggests_the_closest_known_one() throws IOException {
      Path file = write("tradeflow.yaml", "kafka:\n  embeded:\n    port: 9092\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "unknown key kafka.embeded.port in " + file + ": did you mean kafka.embedded.port?");
    }

    @Test
    void an_unknown_key_under_a_prefix_suggests_the_prefix() throws IOException {
      Path file = write("tradeflow.properties", "calendar.holiday.GB-LON=2026-12-25\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessage(
              "unknown key calendar.holiday.GB-LON in "
                  + file
                  + ": did you mean calendar.holidays.GB-LON?");
    }

    @Test
    void a_missing_file_says_where_it_was_looked_for() {
      Path missing = dir.resolve("nowhere.yaml");

      assertThatThrownBy(() -> load(missing, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("config file " + missing + " does not exist")
          .hasMessageContaining("give no config file to run with the built-in defaults");
    }

    @Test
    void a_bad_holiday_date_names_the_date() throws IOException {
      Path file =
          write("tradeflow.yaml", "calendar:\n  holidays:\n    GB-LON: 2026-12-25, 2026-13-01\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "calendar.holidays.GB-LON=2026-12-25, 2026-13-01 in "
                  + file
                  + ": '2026-13-01' is not an ISO date; expected comma-separated yyyy-MM-dd dates"
                  + " such as 2026-12-25,2026-12-28");
    }

    @Test
    void a_bad_place_code_shows_the_expected_form() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_CALENDAR_HOLIDAYS_LONDON", "2026-12-25")))
          .hasMessage(
              "calendar.holidays.LONDON=2026-12-25 in env TRADEFLOW_CALENDAR_HOLIDAYS_LONDON:"
                  + " expected a banking place code after calendar.holidays., such as GB-LON or"
                  + " US-NYC (ISO country code, '-', 3-letter location)");
    }

    @Test
    void an_unsupported_file_format_lists_the_supported_ones() throws IOException {
      Path file = write("tradeflow.json", "{}");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessage(
              "config file " + file + " has an unsupported format: use .yaml, .yml or .properties");
    }

    @Test
    void invalid_yaml_says_where() throws IOException {
      Path file = write("tradeflow.yaml", "kafka:\n  partitions: [6\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessageStartingWith("config file " + file + " is not valid YAML at line");
    }

    @Test
    void a_key_set_twice_in_a_file_is_refused() throws IOException {
      Path file = write("tradeflow.yaml", "kafka.partitions: 3\nkafka:\n  partitions: 4\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessage("kafka.partitions is set twice in " + file + " (3 and 4): keep one");
    }

    @Test
    void more_than_one_replica_needs_a_cluster() throws IOException {
      Path file = write("tradeflow.yaml", "kafka:\n  replication-factor: 3\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessage(
              "kafka.replication-factor=3 in "
                  + file
                  + ": expected 1, as the embedded broker is a single node; set"
                  + " kafka.bootstrap-servers to use a cluster with more replicas");
    }

    @Test
    void min_insync_replicas_cannot_exceed_the_replication_factor() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(),
                      Map.of(
                          "TRADEFLOW_BOOTSTRAP_SERVERS", "kafka:9092",
                          "TRADEFLOW_KAFKA_MIN_INSYNC_REPLICAS", "4")))
          .hasMessage(
              "kafka.min-insync-replicas=4 in env TRADEFLOW_KAFKA_MIN_INSYNC_REPLICAS: expected at"
                  + " most kafka.replication-factor (3), or no write with acks=all could ever"
                  + " succeed");
    }

    @Test
    void the_embedded_broker_needs_distinct_ports() {
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_HTTP_PORT", "9093")))
          .hasMessage(
              "http.port=9093 in env TRADEFLOW_HTTP_PORT: expected a port different from"
                  + " kafka.embedded.controller-port (9093), as the embedded broker listens there");
    }

    @Test
    void the_embedded_registry_needs_a_port_of_its_own() {
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_REGISTRY_PORT", "8080")))
          .hasMessage(
              "registry.port=8080 in env TRADEFLOW_REGISTRY_PORT: expected a port different from"
                  + " http.port (8080), as the HTTP API listens there");
    }

    @Test
    void a_registry_url_is_a_base_url() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_REGISTRY_URL", "registry:8081")))
          .hasMessageContaining("expected the registry's base URL such as http://registry:8081");
      assertThat(
              ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_REGISTRY_URL", "http://registry:8081/"))
                  .registry()
                  .url())
          .contains("http://registry:8081");
    }

    @Test
    void a_typo_in_a_variable_name_is_caught() {
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_HTTP_PROT", "8081")))
          .hasMessage(
              "unknown environment variable TRADEFLOW_HTTP_PROT: did you mean TRADEFLOW_HTTP_PORT"
                  + " (http.port)?");
    }

    @Test
    void an_alias_and_the_full_name_must_agree() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(),
                      Map.of(
                          "TRADEFLOW_KAFKA_PORT", "19092",
                          "TRADEFLOW_KAFKA_EMBEDDED_PORT", "29092")))
          .hasMessage(
              "kafka.embedded.port is set twice in the environment, TRADEFLOW_KAFKA_EMBEDDED_PORT"
                  + "=29092 and TRADEFLOW_KAFKA_PORT=19092: keep one");
    }

    @Test
    void client_properties_cannot_override_what_exactly_once_depends_on() throws IOException {
      Path file = write("tradeflow.yaml", "kafka:\n  client:\n    acks: 1\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessage(
              "kafka.client.acks=1 in "
                  + file
                  + ": Tradeflow sets acks itself: exactly-once processing depends on acks=all;"
                  + " remove it");
    }

    @Test
    void bootstrap_servers_must_be_host_port_pairs() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_BOOTSTRAP_SERVERS", "kafka-1,kafka-2")))
          .hasMessageStartingWith(
              "kafka.bootstrap-servers=kafka-1,kafka-2 in env TRADEFLOW_BOOTSTRAP_SERVERS: expected"
                  + " a comma-separated list of host:port");
    }

    @Test
    void numbers_must_be_in_range() throws IOException {
      Path file = write("tradeflow.yaml", "streams:\n  application-id: a b\n");

      assertThatThrownBy(() -> load(file, Map.of()))
          .hasMessageStartingWith("streams.application-id=a b in " + file + ": expected letters");
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Optional.empty(), Map.of("TRADEFLOW_STREAMS_COMMIT_INTERVAL_MS", "0")))
          .hasMessage(
              "streams.commit-interval-ms=0 in env TRADEFLOW_STREAMS_COMMIT_INTERVAL_MS: expected"
                  + " a number of milliseconds, 1 or more");
      assertThatThrownBy(
              () -> ConfigLoader.load(Optional.empty(), Map.of("TRADEFLOW_KAFKA_PARTITIONS", "0")))
          .hasMessage(
              "kafka.partitions=0 in env TRADEFLOW_KAFKA_PARTITIONS: expected a partition count of"
                  + " at least 1");
    }
  }

  @Test
  void printing_the_config_hides_client_credentials() {
    TradeflowConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "TRADEFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG", "ScramLoginModule password=\"hunter2\"",
                "TRADEFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL"));

    assertThat(config.toString())
        .doesNotContain("hunter2")
        .contains("sasl.jaas.config=***", "security.protocol=SASL_SSL");
  }
}
