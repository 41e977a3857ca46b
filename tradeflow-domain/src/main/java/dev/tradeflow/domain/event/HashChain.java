package dev.tradeflow.domain.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The per-aggregate hash chain: each event's {@code hash} is SHA-256 over the canonical encoding of
 * the event with every envelope field but the hash itself, {@code prevHash} included, so changing,
 * removing or reordering any stored event breaks the chain from that point on.
 */
public final class HashChain {

  // MessageDigest is not thread-safe and costs a provider lookup to create: one per thread.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(HashChain::newSha256);

  private HashChain() {}

  /** Stamps new events onto an aggregate's history: versions {@code head+1...}, linked hashes. */
  public static <E extends DomainEvent> List<RecordedEvent<E>> append(
      ChainHead head,
      String aggregateId,
      List<? extends E> events,
      EventContext context,
      Supplier<UUID> eventIds) {
    List<RecordedEvent<E>> recorded = new ArrayList<>(events.size());
    long version = head.version();
    EventHash prevHash = head.hash();
    for (E payload : events) {
      version++;
      UUID eventId = eventIds.get();
      EventHash hash =
          hashOf(
              eventId,
              aggregateId,
              version,
              context.occurredAt(),
              context.causationId(),
              context.correlationId(),
              context.actor(),
              prevHash,
              payload);
      recorded.add(
          new RecordedEvent<>(
              eventId,
              aggregateId,
              version,
              context.occurredAt(),
              context.causationId(),
              context.correlationId(),
              context.actor(),
              prevHash,
              hash,
              payload));
      prevHash = hash;
    }
    return List.copyOf(recorded);
  }

  /** The hash an event should carry, computed from all its other fields. */
  public static EventHash hashOf(RecordedEvent<?> event) {
    return hashOf(
        event.eventId(),
        event.aggregateId(),
        event.aggregateVersion(),
        event.occurredAt(),
        event.causationId(),
        event.correlationId(),
        event.actor(),
        event.prevHash(),
        event.payload());
  }

  /**
   * Checks that {@code event} follows {@code head}: the next version, linked to the previous hash,
   * and carrying the hash of its own content. Empty when it does.
   */
  public static Optional<ChainBreak> verifyNext(ChainHead head, RecordedEvent<?> event) {
    if (event.aggregateVersion() != head.version() + 1) {
      return Optional.of(
          new ChainBreak(
              event.aggregateId(),
              event.aggregateVersion(),
              "version " + event.aggregateVersion() + " follows version " + head.version()));
    }
    if (!event.prevHash().equals(head.hash())) {
      return Optional.of(
          new ChainBreak(
              event.aggregateId(),
              event.aggregateVersion(),
              "prevHash " + event.prevHash() + " does not link to " + head.hash()));
    }
    EventHash expected = hashOf(event);
    if (!expected.equals(event.hash())) {
      return Optional.of(
          new ChainBreak(
              event.aggregateId(),
              event.aggregateVersion(),
              "hash " + event.hash() + " does not match its content (" + expected + ")"));
    }
    return Optional.empty();
  }

  private static EventHash hashOf(
      UUID eventId,
      String aggregateId,
      long version,
      java.time.Instant occurredAt,
      String causationId,
      String correlationId,
      String actor,
      EventHash prevHash,
      DomainEvent payload) {
    String canonical =
        CanonicalEncoding.encode(
            new HashedFields(
                eventId,
                aggregateId,
                version,
                payload.eventType(),
                occurredAt,
                causationId,
                correlationId,
                actor,
                prevHash.hex(),
                payload));
    return EventHash.of(SHA256.get().digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The fields a hash covers, named as in the envelope. */
  record HashedFields(
      UUID eventId,
      String aggregateId,
      long aggregateVersion,
      String eventType,
      java.time.Instant occurredAt,
      String causationId,
      String correlationId,
      String actor,
      String prevHash,
      Object payload) {}

  /** Where and why an aggregate's chain is broken. */
  public record ChainBreak(String aggregateId, long aggregateVersion, String reason) {
    @Override
    public String toString() {
      return aggregateId + " v" + aggregateVersion + ": " + reason;
    }
  }
}
