package dev.tradeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.runtime.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured broker's material and the ACLs each principal gets. */
class EmbeddedBrokerSecurityTest {

  @TempDir Path dir;

  @Test
  void certificate_and_credentials_are_made_once_and_kept_owner_only() throws Exception {
    EmbeddedBrokerSecurity made = EmbeddedBrokerSecurity.prepare(dir.resolve("sec"));
    Path credentials = dir.resolve("sec/credentials.properties");
    assertThat(Files.getPosixFilePermissions(credentials))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("sec")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(dir.resolve("sec/broker.p12")).exists();
    assertThat(dir.resolve("sec/truststore.p12")).exists();
    EmbeddedBrokerSecurity again = EmbeddedBrokerSecurity.prepare(dir.resolve("sec"));
    assertThat(again.scramArguments()).isEqualTo(made.scramArguments());
    assertThat(made.scramArguments())
        .hasSize(ServicePrincipal.values().length)
        .allSatisfy(a -> assertThat(a).startsWith("SCRAM-SHA-512=[name=tradeflow-"));
    assertThat(made.clientProperties(ServicePrincipal.AUDITOR).get("sasl.jaas.config").toString())
        .contains("username=\"tradeflow-auditor\"");
  }

  @Test
  void the_service_cannot_delete_topics_of_record_nor_change_acls_or_configs() {
    List<AclBinding> acls = EmbeddedBrokerSecurity.acls("tradeflow-lc-processor");
    Set<AclOperation> onRecords =
        operations(acls, ServicePrincipal.SERVICE, ResourceType.TOPIC, "tf.");
    assertThat(onRecords)
        .containsExactlyInAnyOrder(
            AclOperation.READ,
            AclOperation.WRITE,
            AclOperation.CREATE,
            AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);
    assertThat(operations(acls, ServicePrincipal.SERVICE, ResourceType.CLUSTER, "kafka-cluster"))
        .containsExactlyInAnyOrder(AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE);
    // Only its own Streams internals may be purged.
    assertThat(
            operations(
                acls, ServicePrincipal.SERVICE, ResourceType.TOPIC, "tradeflow-lc-processor-"))
        .contains(AclOperation.DELETE);
    assertThat(acls)
        .noneMatch(a -> a.entry().operation() == AclOperation.ALL)
        .noneMatch(a -> a.entry().operation() == AclOperation.ALTER)
        .noneMatch(a -> a.entry().principal().equals("User:" + ServicePrincipal.BROKER.user()));
  }

  @Test
  void the_auditor_reads_the_audited_topics_and_nothing_else() {
    List<AclBinding> auditor =
        EmbeddedBrokerSecurity.acls("tradeflow-lc-processor").stream()
            .filter(a -> a.entry().principal().equals("User:tradeflow-auditor"))
            .toList();
    assertThat(auditor)
        .allMatch(a -> a.pattern().resourceType() == ResourceType.TOPIC)
        .allMatch(
            a ->
                a.entry().operation() == AclOperation.READ
                    || a.entry().operation() == AclOperation.DESCRIBE);
    assertThat(auditor.stream().map(a -> a.pattern().name()).collect(Collectors.toSet()))
        .contains(Topics.LC_EVENTS, Topics.AUDIT_CHECKPOINTS)
        .doesNotContain(Topics.LC_COMMANDS, Topics.AUDIT_SEQUENCER_STATE);
  }

  private static Set<AclOperation> operations(
      List<AclBinding> acls, ServicePrincipal who, ResourceType type, String name) {
    return acls.stream()
        .filter(a -> a.entry().principal().equals("User:" + who.user()))
        .filter(a -> a.pattern().resourceType() == type && a.pattern().name().equals(name))
        .map(a -> a.entry().operation())
        .collect(Collectors.toSet());
  }
}
