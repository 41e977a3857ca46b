package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.credit.FacilityCommand;
import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.LcId;
import java.util.Objects;
import java.util.Optional;

/**
 * A facility command on {@code tf.credit.requests} (keyed by facility id), with the saga and credit
 * to answer to when the saga sent it (an officer opening a facility expects no answer on the saga's
 * topic).
 */
public record CreditRequest(
    FacilityId facility,
    FacilityCommand command,
    Optional<SagaId> sagaId,
    Optional<LcId> lcId,
    String actor) {

  public CreditRequest {
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(actor, "actor");
  }
}
