package dev.tradeflow.app.issuance;

import dev.tradeflow.domain.credit.FacilityEvent;
import dev.tradeflow.domain.credit.FacilityId;
import java.time.Instant;
import java.util.Objects;

/** A facility event on {@code tf.credit.events} (keyed by facility id): what, when, by whom. */
public record FacilityRecord(FacilityId facility, FacilityEvent event, String actor, Instant at) {

  public FacilityRecord {
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
