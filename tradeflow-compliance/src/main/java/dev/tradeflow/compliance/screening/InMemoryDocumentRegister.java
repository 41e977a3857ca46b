package dev.tradeflow.compliance.screening;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A document register held in memory: lost on restart, so it only catches a duplicate screened by
 * the same running instance. Applications carry no document numbers yet (they arrive with
 * presentations), so the service's screenings do not reach it today; a durable register keyed by
 * document belongs with presentation screening.
 */
public final class InMemoryDocumentRegister implements DocumentRegister {

  private final ConcurrentMap<DocumentReference, String> firstSeen = new ConcurrentHashMap<>();

  @Override
  public Optional<String> recordAndFindOther(DocumentReference document, String reference) {
    String first = firstSeen.putIfAbsent(document, reference);
    return Optional.ofNullable(first).filter(other -> !other.equals(reference));
  }
}
