package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.credit.FacilityRefusal;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.issuance.SagaId;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a saga's facility command, on {@code tf.credit.results} (keyed by LC id), naming
 * the reservation it was about (absent in results written before amendments were cleared, which
 * were all about the credit's own reservation).
 */
public record CreditResult(
    SagaId sagaId,
    String command,
    Optional<ReservationId> reservation,
    boolean accepted,
    String detail,
    Optional<FacilityRefusal> refusal) {

  public CreditResult {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(refusal, "refusal");
  }
}
