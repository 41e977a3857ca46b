package dev.tradeflow.domain.event;

/** Where an aggregate's history stands: its last version and the hash of its last event. */
public record ChainHead(long version, EventHash hash) {

  public static final ChainHead EMPTY = new ChainHead(0, EventHash.GENESIS);

  public static ChainHead of(RecordedEvent<?> last) {
    return new ChainHead(last.aggregateVersion(), last.hash());
  }
}
