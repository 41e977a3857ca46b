package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.demo.DemoRunner;
import dev.tradeflow.app.reporting.Reporting;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LetterOfCredit;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig.JdbcSettings;
import dev.tradeflow.runtime.jdbc.TestDatabase;
import dev.tradeflow.runtime.jdbc.TestDatabase.Engine;
import dev.tradeflow.schemas.EventSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The projection's exactly-once effects under SIGKILL: a projection process is killed again and
 * again while the demo writes events, often after its rows were committed and before Kafka's
 * offsets were; after the last restart every credit's rows equal a fold of its events, none missing
 * and none doubled.
 */
class ProjectionCrashIT {

  private static final EventSerde SERDE =
      TradeflowService.eventSerde(SharedKafka.sagaService().config());

  private static final int MIN_KILLS = 4;
  private static final int MAX_KILLS = 10;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void no_row_is_missing_or_doubled_after_repeated_kills(Engine engine) throws Exception {
    Path dir = Files.createTempDirectory("tradeflow-crash");
    try (TestDatabase postgres = engine == Engine.POSTGRES ? TestDatabase.create(engine) : null) {
      JdbcSettings jdbc =
          postgres != null
              ? postgres.settings()
              : JdbcSettings.embeddedH2(dir.resolve("reporting"), "sa", "");
      String group = Reporting.groupIdFor(jdbc);
      Path config = writeConfig(dir, jdbc);
      // The saga service: the demo that loads the projection runs through the issuance saga.
      TradeflowService service = SharedKafka.sagaService();
      KafkaClients clients = new KafkaClients(service.config(), service.bootstrapServers());

      // The demo runs again and again meanwhile, so that each kill finds the projection busy.
      AtomicBoolean writing = new AtomicBoolean(true);
      CompletableFuture<List<String>> demo =
          CompletableFuture.supplyAsync(
              () -> {
                List<String> failures = new ArrayList<>();
                try {
                  while (writing.get()) {
                    failures.addAll(
                        DemoRunner.against(service, Clock.systemUTC()).run().failures());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return failures;
              });
      int kills = 0;
      int killsBetweenEffectAndCommit = 0;
      try {
        while (kills < MIN_KILLS || (killsBetweenEffectAndCommit == 0 && kills < MAX_KILLS)) {
          Process child = startProjection(config, dir.resolve("child-" + kills + ".log"));
          try {
            // The embedded database is the child's alone while it runs: watch Kafka's offsets.
            Map<TopicPartition, Long> before = committed(clients, group);
            await()
                .atMost(WAIT)
                .until(() -> !committed(clients, group).equals(before) || !child.isAlive());
            assertThat(child.isAlive()).as("projection process running").isTrue();
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 1000));
          } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
            child.waitFor(30, TimeUnit.SECONDS);
          }
          kills++;
          if (aheadOfKafka(storedPositions(jdbc, group), committed(clients, group))) {
            killsBetweenEffectAndCommit++;
          }
        }
      } finally {
        writing.set(false);
      }
      assertThat(demo.get(2, TimeUnit.MINUTES)).isEmpty();

      Process last = startProjection(config, dir.resolve("child-last.log"));
      try {
        Map<TopicPartition, Long> end = endOffsets(clients);
        awaitCaughtUp(clients, group, end, last);
      } finally {
        last.destroyForcibly();
        last.waitFor(30, TimeUnit.SECONDS);
      }

      assertThat(killsBetweenEffectAndCommit)
          .as("kills that came after the rows and before Kafka's commit, of %d", kills)
          .isPositive();
      Map<String, List<LcEvent>> events = eventsUpTo(clients, storedPositions(jdbc, group));
      assertThat(events).isNotEmpty();
      System.out.printf(
          "%s: %d SIGKILLs, %d of them after the rows and before Kafka's commit; checking %d"
              + " credits, %d events against their fold%n",
          engine,
          kills,
          killsBetweenEffectAndCommit,
          events.size(),
          events.values().stream().mapToLong(List::size).sum());
      try (Connection db = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password())) {
        assertThat(count(db, "SELECT COUNT(*) FROM rpt_lc_events"))
            .isEqualTo(events.values().stream().mapToLong(List::size).sum());
        assertThat(count(db, "SELECT COUNT(*) FROM rpt_lc_register")).isEqualTo(events.size());
        for (Map.Entry<String, List<LcEvent>> credit : events.entrySet()) {
          LcState folded = LetterOfCredit.replay(credit.getValue()).orElseThrow();
          assertRow(db, credit.getKey(), credit.getValue().size(), folded);
        }
      }
    }
  }

  private static void assertRow(Connection db, String lcId, int events, LcState folded)
      throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT status, lc_version, drawn,"
                + " (SELECT COUNT(*) FROM rpt_lc_events e WHERE e.lc_id = r.lc_id),"
                + " (SELECT COUNT(*) FROM rpt_presentations p WHERE p.lc_id = r.lc_id)"
                + " FROM rpt_lc_register r WHERE lc_id = ?")) {
      select.setString(1, lcId);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("register row of %s", lcId).isTrue();
        assertThat(row.getString(1)).as("status of %s", lcId).isEqualTo(folded.status().name());
        assertThat(row.getLong(2)).as("version of %s", lcId).isEqualTo(events);
        assertThat(row.getBigDecimal(3))
            .as("drawn on %s", lcId)
            .isEqualByComparingTo(folded.drawn().amount());
        assertThat(row.getLong(4)).as("events of %s", lcId).isEqualTo(events);
        assertThat(row.getLong(5))
            .as("presentations of %s", lcId)
            .isEqualTo(folded.presentations().size());
      }
    }
  }

  private static Path writeConfig(Path dir, JdbcSettings jdbc) throws Exception {
    Path config = dir.resolve("projection.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "kafka.bootstrap-servers=" + SharedKafka.sagaService().bootstrapServers(),
            "kafka.replication-factor=1",
            "kafka.min-insync-replicas=1",
            // A killed member's partitions move on after this, not after the default 45 s.
            "kafka.client.session.timeout.ms=6000",
            "kafka.client.heartbeat.interval.ms=1000",
            "data.dir=" + dir.resolve("data"),
            "jdbc.url=" + jdbc.url(),
            "registry.url=" + TradeflowService.registryUrl(SharedKafka.sagaService().config()),
            "jdbc.user=" + jdbc.user(),
            "jdbc.password=" + jdbc.password(),
            ""));
    return config;
  }

  private static Process startProjection(Path config, Path log) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ProjectionProcess.class.getName(),
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static Map<TopicPartition, Long> storedPositions(JdbcSettings jdbc, String group)
      throws SQLException {
    Map<TopicPartition, Long> positions = new HashMap<>();
    try (Connection db = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
        PreparedStatement select =
            db.prepareStatement(
                "SELECT topic, partition_no, next_offset FROM tf_consumer_offsets"
                    + " WHERE group_id = ?")) {
      select.setString(1, group);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
        }
      }
    }
    return positions;
  }

  private static Map<TopicPartition, Long> committed(KafkaClients clients, String group)
      throws Exception {
    try (Admin admin = Admin.create(clients.adminProps())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> committed = new HashMap<>();
      offsets.forEach((p, o) -> committed.put(p, o == null ? 0L : o.offset()));
      return committed;
    }
  }

  private static boolean aheadOfKafka(
      Map<TopicPartition, Long> stored, Map<TopicPartition, Long> committed) {
    return stored.entrySet().stream()
        .anyMatch(e -> e.getValue() > committed.getOrDefault(e.getKey(), 0L));
  }

  private static Map<TopicPartition, Long> endOffsets(KafkaClients clients) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            clients.readerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.LC_EVENTS)
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      return consumer.endOffsets(partitions);
    }
  }

  /**
   * Until the projection's commits reach {@code end}. The backlog grows with every test that shared
   * the broker before, so what bounds the wait is progress: it fails when the commits stand still
   * for {@link #WAIT}, saying which partitions lag, or after {@link #CATCH_UP_LIMIT} in all.
   */
  private static void awaitCaughtUp(
      KafkaClients clients, String group, Map<TopicPartition, Long> end, Process projection)
      throws Exception {
    Instant started = Instant.now();
    Instant progressed = started;
    Map<TopicPartition, Long> seen = committed(clients, group);
    while (!caughtUp(seen, end)) {
      Instant now = Instant.now();
      assertThat(
              Duration.between(progressed, now).compareTo(WAIT) < 0
                  && Duration.between(started, now).compareTo(CATCH_UP_LIMIT) < 0)
          .as(
              "the projection (alive: %s) committed %s against the end %s, its last progress %s"
                  + " ago",
              projection.isAlive(), seen, end, Duration.between(progressed, now))
          .isTrue();
      Thread.sleep(500);
      Map<TopicPartition, Long> latest = committed(clients, group);
      if (!latest.equals(seen)) {
        seen = latest;
        progressed = Instant.now();
      }
    }
  }

  /** The database's positions are never behind Kafka's: Kafka's reaching the end is enough. */
  private static boolean caughtUp(
      Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
    // The log may end with a transaction marker, which takes an offset but is no record.
    return end.entrySet().stream()
        .allMatch(
            e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), 0L) >= e.getValue() - 1);
  }

  /** Each credit's events, read from the log up to the positions the projection stored. */
  private static Map<String, List<LcEvent>> eventsUpTo(
      KafkaClients clients, Map<TopicPartition, Long> positions) {
    Map<String, List<LcEvent>> events = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            clients.readerProps(), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>(positions.keySet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < positions.get(p))) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < positions.get(partition)) {
            RecordedEvent<LcEvent> event = SERDE.deserialize(record.topic(), record.value());
            events
                .computeIfAbsent(event.aggregateId(), id -> new ArrayList<>())
                .add(event.payload());
          }
        }
      }
    }
    return events;
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (PreparedStatement select = db.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
