package dev.tradeflow.domain.review;

import dev.tradeflow.domain.event.DomainEvent;
import dev.tradeflow.domain.lc.LcId;
import java.util.List;

/** What happened to a review case: its history, as an examiner reads it. */
public sealed interface CaseEvent extends DomainEvent {

  record CaseOpened(String sagaId, LcId lcId, HitLevel level, List<CaseFinding> findings)
      implements CaseEvent {
    public CaseOpened {
      findings = List.copyOf(findings);
    }
  }

  /** The first of the two clearances a block-level hit needs. */
  record ClearanceRecorded(String officer, String reason) implements CaseEvent {}

  record CaseCleared(List<String> officers, String reason) implements CaseEvent {
    public CaseCleared {
      officers = List.copyOf(officers);
    }
  }

  record HitConfirmed(String officer, String reason) implements CaseEvent {}

  /** Closed undecided: the saga that opened it no longer waits for it. */
  record CaseWithdrawn(String reason) implements CaseEvent {}
}
