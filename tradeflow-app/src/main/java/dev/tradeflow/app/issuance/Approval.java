package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaId;
import java.time.Instant;
import java.util.Objects;

/** A checker's decision for a saga, on {@code tf.saga.approvals} (keyed by LC id). */
public record Approval(
    SagaId sagaId, String approver, boolean approved, String reason, Instant at) {

  public Approval {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
