package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.credit.FacilityRefusal;
import dev.tradeflow.domain.issuance.SagaId;
import java.util.Objects;
import java.util.Optional;

/** The outcome of a saga's facility command, on {@code tf.credit.results} (keyed by LC id). */
public record CreditResult(
    SagaId sagaId,
    String command,
    boolean accepted,
    String detail,
    Optional<FacilityRefusal> refusal) {

  public CreditResult {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(refusal, "refusal");
  }
}
