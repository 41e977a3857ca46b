package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.AmendmentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A checker's decision for a saga, on {@code tf.saga.approvals} (keyed by LC id): on the
 * application, or on the amendment it names.
 */
public record Approval(
    SagaId sagaId,
    String approver,
    boolean approved,
    String reason,
    Optional<AmendmentId> amendment,
    Instant at) {

  public Approval {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(amendment, "amendment");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
