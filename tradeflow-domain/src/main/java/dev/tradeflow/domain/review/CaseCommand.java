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

  /**
   * The saga no longer waits for the case (it compensated, or refused the amendment, for another
   * reason): closed without a decision, so that no officer spends time on it.
   */
  record WithdrawCase(String reason) implements CaseCommand {
    public WithdrawCase {
      Objects.requireNonNull(reason, "reason");
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
