package dev.tradeflow.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Tradeflow's topics and checks the ones that already exist. */
public final class TopicAdmin {

  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TopicAdmin() {}

  /**
   * Creates the topics that are missing and leaves existing ones alone, but refuses to go on if an
   * existing topic has another partition count (keys would land on other partitions than the state
   * built from them) or if a log of record could lose events (compacted, or a finite retention).
   *
   * @return the names of the topics created
   * @throws IncompatibleTopicException listing every existing topic that does not fit, and the fix
   */
  public static List<String> ensureTopics(Admin admin, List<TopicSpec> specs) {
    Map<String, TopicSpec> byName =
        specs.stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    Set<String> existing = await(admin.listTopics().names(), "list the topics");
    List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
    List<String> created = new ArrayList<>();
    List<String> raced = new ArrayList<>();
    if (!missing.isEmpty()) {
      Map<String, KafkaFuture<Void>> results =
          admin
              .createTopics(
                  missing.stream()
                      .map(
                          s ->
                              new NewTopic(s.name(), s.partitions(), (short) s.replicationFactor())
                                  .configs(s.configs()))
                      .toList())
              .values();
      for (TopicSpec spec : missing) {
        try {
          await(results.get(spec.name()), "create topic " + spec.name());
          created.add(spec.name());
        } catch (KafkaException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          raced.add(spec.name()); // another instance created it meanwhile: check it instead
        }
      }
    }
    if (!created.isEmpty()) {
      // Created is not yet visible: a broker learns of a topic from the controller a little later,
      // and an admin call made meanwhile fails. Return only once they can be described.
      List<ConfigResource> resources =
          created.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
      awaitVisible(
          () -> admin.describeConfigs(resources).all(), "describe the new topics " + created);
      log.info("created topics {}", created);
    }
    List<String> toCheck = new ArrayList<>(raced);
    existing.stream().filter(byName::containsKey).forEach(toCheck::add);
    if (!toCheck.isEmpty()) {
      checkExisting(admin, toCheck.stream().map(byName::get).toList());
    }
    return created;
  }

  private static void checkExisting(Admin admin, List<TopicSpec> specs) {
    List<String> names = specs.stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> descriptions =
        awaitVisible(() -> admin.describeTopics(names).allTopicNames(), "describe topics " + names);
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> configs =
        awaitVisible(
            () -> admin.describeConfigs(resources).all(),
            "describe the configs of topics " + names);
    List<String> problems = new ArrayList<>();
    for (TopicSpec spec : specs) {
      int partitions = descriptions.get(spec.name()).partitions().size();
      if (partitions != spec.partitions()) {
        problems.add(
            "topic "
                + spec.name()
                + " has "
                + partitions
                + " partitions but "
                + spec.partitions()
                + " are configured (kafka.partitions): records are routed to partitions by key,"
                + " so set kafka.partitions="
                + partitions
                + ", or delete the topic and let Tradeflow recreate it");
      }
      if (spec.keepsEveryRecord()) {
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
        problems.addAll(logOfRecordProblems(spec.name(), config));
      }
    }
    if (!problems.isEmpty()) {
      throw new IncompatibleTopicException(String.join("; ", problems));
    }
  }

  private static List<String> logOfRecordProblems(String topic, Config config) {
    String cleanupPolicy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
    String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
    String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG);
    List<String> found = new ArrayList<>();
    if (cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      found.add(TopicConfig.CLEANUP_POLICY_CONFIG + "=" + cleanupPolicy);
    }
    if (!"-1".equals(retentionMs)) {
      found.add(TopicConfig.RETENTION_MS_CONFIG + "=" + retentionMs);
    }
    if (!"-1".equals(retentionBytes)) {
      found.add(TopicConfig.RETENTION_BYTES_CONFIG + "=" + retentionBytes);
    }
    if (found.isEmpty()) {
      return List.of();
    }
    return List.of(
        "topic "
            + topic
            + " is a log of record and must keep every event, but it has "
            + String.join(", ", found)
            + ": run kafka-configs.sh --alter --entity-type topics --entity-name "
            + topic
            + " --add-config cleanup.policy=delete,retention.ms=-1,retention.bytes=-1"
            + " (and check no event was already removed)");
  }

  private static String value(Config config, String name) {
    ConfigEntry entry = config.get(name);
    return entry == null || entry.value() == null ? "" : entry.value();
  }

  /**
   * Waits for a describe call on topics that may have been created a moment ago: the broker answers
   * "unknown topic" until its metadata catches up with the controller.
   */
  private static <T> T awaitVisible(Supplier<KafkaFuture<T>> call, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        return await(call.get(), what);
      } catch (KafkaException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException(e);
      }
    }
  }

  private static <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      throw new KafkaException(
          "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException(
          "could not " + what + " within " + TIMEOUT.toSeconds() + " s: is the cluster up?", e);
    }
  }
}
