package dev.tradeflow.app.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the reporting rows of credits whose data keys were shredded: the rows are a plaintext
 * copy of their events, which a shred must reach too. Every shredded credit is purged at start, and
 * a newly shredded one at once and again for a while, since its rows may still sit in the
 * projection's open transaction (decrypted before the shred) when the shred is first seen. The
 * projection cannot add rows of it afterwards: its events no longer decrypt.
 */
final class ShreddedCreditPurge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ShreddedCreditPurge.class);
  static final Duration INTERVAL = Duration.ofSeconds(2);
  static final Duration AGAIN_FOR = Duration.ofSeconds(30);

  private final DataSource database;
  private final Supplier<Set<String>> shredded;
  private final Clock clock;
  private final Map<String, Instant> firstSeen = new HashMap<>(); // the timer's thread only
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "reporting-shred-purge");
            thread.setDaemon(true);
            return thread;
          });

  private ShreddedCreditPurge(DataSource database, Supplier<Set<String>> shredded, Clock clock) {
    this.database = database;
    this.shredded = shredded;
    this.clock = clock;
  }

  static ShreddedCreditPurge start(DataSource database, Supplier<Set<String>> shredded) {
    ShreddedCreditPurge purge = new ShreddedCreditPurge(database, shredded, Clock.systemUTC());
    purge.timer.scheduleWithFixedDelay(
        purge::purgeDue, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return purge;
  }

  private void purgeDue() {
    Instant now = clock.instant();
    List<String> due = new ArrayList<>();
    for (String lcId : shredded.get()) {
      Instant seen = firstSeen.putIfAbsent(lcId, now);
      if (seen == null || seen.isAfter(now.minus(AGAIN_FOR))) {
        due.add(lcId);
      }
    }
    if (due.isEmpty()) {
      return;
    }
    try (Connection tx = database.getConnection()) {
      tx.setAutoCommit(false);
      for (String lcId : due) {
        ReportingProjection.forget(tx, lcId);
      }
      tx.commit();
    } catch (SQLException | RuntimeException e) {
      // Tried again at the next interval: a credit first seen is due until AGAIN_FOR has passed,
      // and every one at the next start.
      LOG.warn("could not delete the reporting rows of shredded credits {}: {}", due, e.toString());
      due.forEach(firstSeen::remove);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
