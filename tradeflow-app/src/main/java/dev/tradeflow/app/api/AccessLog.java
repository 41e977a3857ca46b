package dev.tradeflow.app.api;

import dev.tradeflow.app.json.Json;
import dev.tradeflow.domain.privacy.CardNumbers;
import dev.tradeflow.runtime.Topics;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records every read of personal data through the API (the parties of credits, cases, facilities,
 * reports and dead letters) on {@code tf.audit.access}, kept forever and audited: who read what,
 * when. The record is written before the data is served; if it cannot be, the read is refused. A
 * read forwarded to the instance holding the credit is recorded there too (with the client's
 * identity): a client-sent forwarding header must not be a way round the log.
 */
final class AccessLog {

  /** The longest query string kept: a read is named by its path, the query only narrows it. */
  private static final int MAX_QUERY = 2_000;

  /** One read: who (as the request claims), which resource, and when. */
  record AccessRecord(
      String actor, List<String> roles, String method, String path, String query, Instant at) {
    AccessRecord {
      Objects.requireNonNull(actor, "actor");
      roles = List.copyOf(roles);
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Thrown when the read could not be recorded: the data is then not served. */
  static final class NotRecorded extends RuntimeException {
    NotRecorded(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Producer<String, byte[]> producer;
  private final Clock clock;

  AccessLog(Producer<String, byte[]> producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  /** Whether a request reads personal data: every GET of the API but a command's outcome. */
  static boolean readsPersonalData(Context ctx) {
    String path = ctx.path();
    return "GET".equals(ctx.method().name())
        && path.startsWith("/api/v1/")
        && !path.matches("/api/v1/lcs/[^/]+/commands/[^/]+");
  }

  /**
   * Writes the read's record and waits for the broker's acknowledgement (the producer's own
   * timeouts bound the wait: see {@link #producerProps}).
   */
  void record(Context ctx) {
    String query = ctx.queryString() == null ? null : CardNumbers.mask(ctx.queryString());
    AccessRecord access =
        new AccessRecord(
            HttpApi.actor(ctx),
            HttpApi.roles(ctx).stream().map(Enum::name).sorted().toList(),
            ctx.method().name(),
            ctx.path(),
            query == null || query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY),
            clock.instant());
    try {
      producer
          .send(new ProducerRecord<>(Topics.AUDIT_ACCESS, access.path(), Json.toBytes(access)))
          .get();
    } catch (ExecutionException | RuntimeException e) {
      throw new NotRecorded("the read could not be recorded in " + Topics.AUDIT_ACCESS, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotRecorded("interrupted while recording the read", e);
    }
  }

  /**
   * The access records' producer: a read waits for its record, so a broker that does not answer
   * fails it within seconds rather than holding the request thread for a minute.
   */
  static Map<String, Object> producerProps(Map<String, Object> interactive) {
    Map<String, Object> props = new HashMap<>(interactive);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    return props;
  }
}
