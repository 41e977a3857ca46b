package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.cli.Cli;
import dev.tradeflow.app.schemas.EventSubjects;
import dev.tradeflow.registry.CompatibilityLevel;
import dev.tradeflow.registry.SchemaRegistryServer;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.schemas.LcEventSchemas;
import dev.tradeflow.schemas.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The project's own schema check: the released event schemas are registered in a fresh registry,
 * then {@code ./tradeflow schemas check} compares the current ones with them.
 */
class EventSchemasIT {

  @Test
  void the_current_event_schemas_may_follow_the_released_ones() throws Exception {
    try (SchemaRegistryServer registry = freshRegistry()) {
      RegistryClient client = new RegistryClient("http://127.0.0.1:" + registry.port());
      // Event types added since the release are new subjects, with nothing to follow.
      Map<String, Schema> released =
          LcEventSchemas.released().stream()
              .collect(Collectors.toMap(Schema::getFullName, schema -> schema));
      // Every event type but those added since the release (the legal holds) has shipped.
      assertThat(released.keySet())
          .containsExactlyInAnyOrderElementsOf(
              EventSubjects.all().stream()
                  .map(subject -> subject.schema().getFullName())
                  .filter(name -> !name.contains("LegalHold"))
                  .distinct()
                  .toList());
      for (EventSubjects.Subject subject : EventSubjects.all()) {
        Schema version = released.get(subject.schema().getFullName());
        if (version != null) {
          client.register(subject.name(), version);
        }
      }

      Cli.Result check = cli(registry, "schemas", "check");

      assertThat(check.exitCode()).as(check.output()).isZero();
      assertThat(check.output()).contains(EventSubjects.all().size() + " subject(s) checked");
      assertThat(EventSubjects.check(client).values()).allMatch(problems -> problems.isEmpty());
    }
  }

  @Test
  void an_incompatible_change_fails_the_check_naming_the_subject_and_field() throws Exception {
    try (SchemaRegistryServer registry = freshRegistry()) {
      Cli.Result registered = cli(registry, "schemas", "register");
      assertThat(registered.exitCode()).as(registered.output()).isZero();
      // A later release that added a field without a default: today's schema cannot follow it
      // (old readers would miss the field), so the check must fail.
      RegistryClient client = new RegistryClient("http://127.0.0.1:" + registry.port());
      EventSubjects.Subject advised =
          EventSubjects.all().stream()
              .filter(s -> s.schema().getName().equals("CreditAdvised"))
              .findFirst()
              .orElseThrow();
      String withRequiredField =
          advised
              .schema()
              .toString()
              .replace(
                  "\"fields\":[",
                  "\"fields\":[{\"name\":\"advisingReference\",\"type\":\"string\"},");
      setCompatibility(registry, advised.name(), "NONE");
      client.register(advised.name(), new Schema.Parser().parse(withRequiredField));
      setCompatibility(registry, advised.name(), "FULL_TRANSITIVE");

      Cli.Result check = cli(registry, "schemas", "check");

      assertThat(check.exitCode()).isEqualTo(1);
      assertThat(check.output())
          .contains("INCOMPATIBLE  " + advised.name())
          .contains("advisingReference");
    }
  }

  private static SchemaRegistryServer freshRegistry() {
    TradeflowConfig config = SharedKafka.config(Map.of());
    return SchemaRegistryServer.start(
        new KafkaClients(config, SharedKafka.bootstrapServers()),
        new SchemaRegistryServer.Settings(
            "127.0.0.1",
            0,
            "_schemas-" + UUID.randomUUID(),
            1,
            1,
            CompatibilityLevel.FULL_TRANSITIVE));
  }

  private static void setCompatibility(SchemaRegistryServer registry, String subject, String level)
      throws Exception {
    java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:" + registry.port() + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"compatibility\":\"" + level + "\"}"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
  }

  /** Runs the CLI against the given registry and the suite's broker, capturing what it prints. */
  private static Cli.Result cli(SchemaRegistryServer registry, String... args) throws Exception {
    Path config = SharedKafka.cliConfig("registry.url=http://127.0.0.1:" + registry.port());
    String[] all = new String[args.length + 2];
    all[0] = "-c";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }
}
