package dev.tradeflow.app.replay;

import java.time.Duration;
import java.util.List;

/**
 * What a replay found: how much it read, how fast, and every divergence between the log, its hash
 * chains and the live store (the first one is the one to look at).
 */
public record ReplayReport(
    long eventsRead,
    int creditsRebuilt,
    int creditsInLiveStore,
    Duration elapsed,
    List<Divergence> divergences) {

  public ReplayReport {
    divergences = List.copyOf(divergences);
  }

  public boolean agrees() {
    return divergences.isEmpty();
  }

  public double eventsPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return eventsRead / seconds;
  }

  /** One place where the log or the store is not what the history says it should be. */
  public record Divergence(String lcId, long version, String where, String reason) {
    @Override
    public String toString() {
      return "LC " + lcId + " version " + version + " (" + where + "): " + reason;
    }
  }
}
