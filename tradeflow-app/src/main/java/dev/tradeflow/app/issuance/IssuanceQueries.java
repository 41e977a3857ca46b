package dev.tradeflow.app.issuance;

import dev.tradeflow.app.query.LcQueries;
import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.FacilityState;
import dev.tradeflow.domain.issuance.SagaState;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.review.CaseId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the saga, case and facility stores of this instance, and names the instance that holds a
 * credit's saga and cases or a facility when it is another one (the API forwards to it). The lists
 * read this instance's stores only.
 */
public final class IssuanceQueries {

  private final KafkaStreams streams;
  private final HostInfo self;

  public IssuanceQueries(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  /**
   * The instance holding the saga and the review cases of this credit: empty when it is this one.
   */
  public Optional<HostInfo> remoteOwnerOfCredit(String lcId) {
    return LcQueries.remoteOwnerOf(streams, self, IssuanceTopology.SAGA_STORE, lcId);
  }

  /** The instance holding this facility: empty when it is this one. */
  public Optional<HostInfo> remoteOwnerOf(FacilityId facility) {
    return LcQueries.remoteOwnerOf(
        streams, self, IssuanceTopology.FACILITY_STORE, facility.value());
  }

  /**
   * A saga by its LC id, or by its id (the application's correlation id) when exactly one saga has
   * it: correlation ids are chosen by clients and only unique per credit.
   *
   * @throws AmbiguousSagaId when several credits' sagas share the id
   */
  public Optional<SagaState> saga(String id) {
    SagaState byLc = sagas().get(id);
    if (byLc != null) {
      return Optional.of(byLc);
    }
    List<SagaState> named = sagas(s -> s.id().value().equals(id));
    if (named.size() > 1) {
      throw new AmbiguousSagaId(id, named.stream().map(s -> s.lcId().value()).toList());
    }
    return named.stream().findFirst();
  }

  /**
   * Where the credit's saga stands with the amendment or presentation sent as {@code commandId}, if
   * it is clearing it: the saga's step for an amendment, the presentation's own status for a
   * presentation (cleared beside the saga's step).
   */
  public Optional<String> clearingStep(LcId lcId, CommandId commandId) {
    SagaState saga = sagas().get(lcId.value());
    if (saga == null) {
      return Optional.empty();
    }
    if (saga.clearing().filter(a -> a.command().commandId().equals(commandId)).isPresent()) {
      return Optional.of(saga.step().name());
    }
    return saga.presentations().stream()
        .filter(p -> p.status().isClearing() && p.command().commandId().equals(commandId))
        .map(p -> p.status().name())
        .findFirst();
  }

  /** Several credits' sagas carry the same correlation id: ask by LC id. */
  public static final class AmbiguousSagaId extends RuntimeException {
    public AmbiguousSagaId(String id, List<String> lcIds) {
      super("saga id " + id + " names the sagas of credits " + lcIds + ": ask by LC id");
    }
  }

  public List<SagaState> sagas(Predicate<SagaState> filter) {
    List<SagaState> found = new ArrayList<>();
    try (KeyValueIterator<String, SagaState> it = sagas().all()) {
      it.forEachRemaining(
          entry -> {
            if (filter.test(entry.value)) {
              found.add(entry.value);
            }
          });
    }
    found.sort(Comparator.comparing(s -> s.lcId().value()));
    return found;
  }

  public Optional<CaseView> reviewCase(CaseId id) {
    return Optional.ofNullable(cases().get(id.value()));
  }

  public List<CaseView> cases(Predicate<CaseView> filter) {
    List<CaseView> found = new ArrayList<>();
    try (KeyValueIterator<String, CaseView> it = cases().all()) {
      it.forEachRemaining(
          entry -> {
            if (filter.test(entry.value)) {
              found.add(entry.value);
            }
          });
    }
    found.sort(Comparator.comparing(c -> c.caseId().value()));
    return found;
  }

  public Optional<FacilityState> facility(FacilityId id) {
    return Optional.ofNullable(facilities().get(id.value()));
  }

  private ReadOnlyKeyValueStore<String, SagaState> sagas() {
    return store(IssuanceTopology.SAGA_STORE);
  }

  private ReadOnlyKeyValueStore<String, CaseView> cases() {
    return store(IssuanceTopology.CASE_STORE);
  }

  private ReadOnlyKeyValueStore<String, FacilityState> facilities() {
    return store(IssuanceTopology.FACILITY_STORE);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }
}
