package dev.tradeflow.domain.review;

import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.user.User;
import java.util.List;
import java.util.Objects;

/** What may be asked of a review case. */
public sealed interface CaseCommand {

  /** Opens a case for a screening's hits, on behalf of the saga that asked for the screening. */
  record OpenCase(String sagaId, LcId lcId, List<CaseFinding> findings) implements CaseCommand {
    public OpenCase {
      Objects.requireNonNull(sagaId, "sagaId");
      Objects.requireNonNull(lcId, "lcId");
      findings = List.copyOf(findings);
      if (findings.isEmpty()) {
        throw new IllegalArgumentException("a case is opened for at least one finding");
      }
    }
  }

  /** A compliance officer's decision, with the reason that goes on record. */
  record DecideCase(User officer, CaseDecision decision, String reason) implements CaseCommand {
    public DecideCase {
      Objects.requireNonNull(officer, "officer");
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("a decision gives its reason");
      }
    }
  }
}
