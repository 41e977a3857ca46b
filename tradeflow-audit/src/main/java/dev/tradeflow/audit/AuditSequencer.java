package dev.tradeflow.audit;

import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.audit.internals.SequencerLoop;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig.AuditSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The audit sequencer: grows an RFC 6962 Merkle tree per partition of every audited topic (see
 * {@link dev.tradeflow.runtime.Topics#audited()}) over the records as stored, read committed, and
 * writes signed checkpoints to {@code tf.audit.checkpoints} every so many records or so often.
 * Instances share the partitions through a consumer group; each checkpoint commits in one Kafka
 * transaction with the sequencer's state and offsets, so that a restart resumes exactly after it
 * and a fenced instance writes none.
 */
public final class AuditSequencer implements AutoCloseable {

  /** The consumer group all sequencers share. */
  public static final String GROUP_ID = "tradeflow-audit-sequencer";

  private final SequencerLoop loop;

  private AuditSequencer(SequencerLoop loop) {
    this.loop = loop;
  }

  /**
   * Starts sequencing on a thread of its own.
   *
   * @param instanceId stable across restarts of this instance and unique among instances: a restart
   *     then fences its predecessor's unfinished transaction at once
   */
  public static AuditSequencer start(
      KafkaClients clients,
      AuditSettings settings,
      KeyRing keys,
      String instanceId,
      MeterRegistry meters,
      Clock clock) {
    if (keys.signingKeys().isEmpty()) {
      throw new IllegalArgumentException(
          "no audit signing key in " + settings.keysDir() + ": checkpoints cannot be signed");
    }
    return new AuditSequencer(
        SequencerLoop.start(clients, settings, keys.signingKeys(), instanceId, meters, clock));
  }

  /** Records appended to the trees since the start. */
  public long leavesAppended() {
    return loop.leavesAppended();
  }

  /** How long the oldest record not yet in a signed checkpoint has waited. */
  public Duration checkpointLag() {
    return loop.checkpointLag();
  }

  public boolean isRunning() {
    return loop.isRunning();
  }

  @Override
  public void close() {
    loop.close();
  }
}
