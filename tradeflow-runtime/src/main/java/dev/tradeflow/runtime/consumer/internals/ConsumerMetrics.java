package dev.tradeflow.runtime.consumer.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * The meters of one reliable consumer, tagged by {@code topic} and {@code group}: what happened to
 * its records, how long the handler took, how old a record was when its effect was applied, and how
 * far each owned partition lags. Used by the poll thread only.
 */
public final class ConsumerMetrics {

  public static final String PROCESSED = "tradeflow.consumer.records.processed";
  public static final String FAILED = "tradeflow.consumer.records.failed";
  public static final String RETRIED = "tradeflow.consumer.records.retried";
  public static final String PARKED = "tradeflow.consumer.records.parked";
  public static final String PROCESSING = "tradeflow.consumer.processing";
  public static final String END_TO_END = "tradeflow.consumer.end.to.end";
  public static final String LAG = "tradeflow.consumer.lag";

  private final MeterRegistry registry;
  private final String groupId;
  private final Map<String, TopicMeters> byTopic = new HashMap<>();
  private final Map<TopicPartition, Lag> lags = new HashMap<>();

  public ConsumerMetrics(MeterRegistry registry, String groupId) {
    this.registry = registry;
    this.groupId = groupId;
  }

  /** The handler returned: its duration, and the record's age now that its effect is applied. */
  public void processed(String topic, Duration handling, long recordTimestampMs) {
    TopicMeters meters = meters(topic);
    meters.processed.increment();
    meters.processing.record(handling);
    long age = System.currentTimeMillis() - recordTimestampMs;
    // A producer clock ahead of ours gives a negative age, which is no latency at all.
    if (age >= 0) {
      meters.endToEnd.record(Duration.ofMillis(age));
    }
  }

  /** The handler threw: the attempt still took time, which the processing timer must show. */
  public void handlerFailed(String topic, Duration handling) {
    TopicMeters meters = meters(topic);
    meters.failed.increment();
    meters.processing.record(handling);
  }

  /** The record could not be deserialized, so no handler ran. */
  public void deserializationFailed(String topic) {
    meters(topic).failed.increment();
  }

  public void retryScheduled(String topic) {
    meters(topic).retried.increment();
  }

  public void parked(String topic) {
    meters(topic).parked.increment();
  }

  /** Records the latest lag of a partition; an unknown lag leaves the last known value. */
  public void lag(TopicPartition partition, OptionalLong lag) {
    if (lag.isEmpty()) {
      return;
    }
    lags.computeIfAbsent(partition, this::registerLag).value.set(lag.getAsLong());
  }

  /** Drops the lag of partitions this consumer no longer owns, so no stale value is scraped. */
  public void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      Lag lag = lags.remove(partition);
      if (lag != null) {
        registry.remove(lag.gauge);
      }
    }
  }

  private Lag registerLag(TopicPartition partition) {
    AtomicLong value = new AtomicLong();
    // A strong reference: the registry would otherwise let the value be collected and show NaN.
    Gauge gauge =
        Gauge.builder(LAG, value, AtomicLong::get)
            .strongReference(true)
            .description("Records between the consumer's position and the partition's end")
            .tag("topic", partition.topic())
            .tag("partition", Integer.toString(partition.partition()))
            .tag("group", groupId)
            .register(registry);
    return new Lag(value, gauge);
  }

  private TopicMeters meters(String topic) {
    return byTopic.computeIfAbsent(topic, this::register);
  }

  private TopicMeters register(String topic) {
    return new TopicMeters(
        counter(PROCESSED, topic, "Records whose handler succeeded"),
        counter(FAILED, topic, "Failed attempts: handler exceptions and unreadable records"),
        counter(RETRIED, topic, "Attempts scheduled again after a retryable failure"),
        counter(PARKED, topic, "Records written to the dead-letter queue"),
        timer(PROCESSING, topic, "Time spent in the handler per attempt"),
        timer(END_TO_END, topic, "From the record's timestamp to its effect being applied"));
  }

  private Counter counter(String name, String topic, String description) {
    return Counter.builder(name)
        .description(description)
        .tag("topic", topic)
        .tag("group", groupId)
        .register(registry);
  }

  private Timer timer(String name, String topic, String description) {
    return Timer.builder(name)
        .description(description)
        .tag("topic", topic)
        .tag("group", groupId)
        .publishPercentileHistogram()
        .register(registry);
  }

  private record TopicMeters(
      Counter processed,
      Counter failed,
      Counter retried,
      Counter parked,
      Timer processing,
      Timer endToEnd) {}

  private record Lag(AtomicLong value, Gauge gauge) {}
}
