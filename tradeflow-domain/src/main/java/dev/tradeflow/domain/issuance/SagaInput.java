package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.LcCommand.RequestAmendment;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the saga hears: the application, the services' answers, people's decisions, time. */
public sealed interface SagaInput {

  /** When it happened (the record's time); a timeout is measured from it. */
  Instant at();

  /**
   * @param appliedOn the application's business date: the saga approves and issues on it at the
   *     earliest (a forward-dated application is not issued before its date)
   */
  record ApplicationSubmitted(
      LcId lcId, LcTerms terms, LocalDate appliedOn, String maker, Instant at)
      implements SagaInput {
    public ApplicationSubmitted {
      Objects.requireNonNull(lcId, "lcId");
      Objects.requireNonNull(appliedOn, "appliedOn");
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(maker, "maker");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The compliance service's answer to a screening of the application, or of {@code amendment};
   * hits come with the review cases it opened for them.
   */
  record ScreeningCompleted(
      Optional<AmendmentId> amendment,
      Outcome outcome,
      List<CaseId> cases,
      String summary,
      Instant at)
      implements SagaInput {
    public enum Outcome {
      CLEAR,
      REVIEW,
      BLOCK
    }

    public ScreeningCompleted {
      Objects.requireNonNull(amendment, "amendment");
      Objects.requireNonNull(outcome, "outcome");
      cases = List.copyOf(cases);
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(at, "at");
      if (outcome != Outcome.CLEAR && cases.isEmpty()) {
        throw new IllegalArgumentException("hits come with the cases opened for them");
      }
    }
  }

  record CaseDecided(CaseId caseId, boolean cleared, String reason, Instant at)
      implements SagaInput {}

  /** The facility's answer to a reservation, named so that a late or repeated one is told apart. */
  record CreditAnswered(ReservationId reservation, boolean reserved, String detail, Instant at)
      implements SagaInput {
    public CreditAnswered {
      Objects.requireNonNull(reservation, "reservation");
    }
  }

  /**
   * A checker's decision on an application, or on {@code amendment}, over the threshold; one that
   * names no amendment decides whatever awaits approval.
   */
  record ApprovalDecided(
      String approver, boolean approved, String reason, Optional<AmendmentId> amendment, Instant at)
      implements SagaInput {
    public ApprovalDecided {
      Objects.requireNonNull(amendment, "amendment");
    }
  }

  /** The credit's own events, as the command processor recorded them. */
  record LcApproved(Instant at) implements SagaInput {}

  record LcIssued(Instant at) implements SagaInput {}

  /** The application was rejected or the credit cancelled before issue. */
  record LcWithdrawn(String reason, Instant at) implements SagaInput {}

  /**
   * The credit refused a command the saga sent (an issue after expiry, say): not a transient
   * failure, so the saga compensates at once instead of retrying.
   */
  record LcRefused(String commandType, String reason, Instant at) implements SagaInput {}

  /** An issued credit ended (closed, expired, cancelled): its facility utilisation is freed. */
  record LcEnded(String how, Instant at) implements SagaInput {}

  /**
   * An amendment applied for under the credit (through the saga, not yet sent to the credit).
   *
   * @param maker who applied for it
   */
  record AmendmentApplied(RequestAmendment command, String maker, Instant at) implements SagaInput {
    public AmendmentApplied {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(maker, "maker");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The credit recorded an amendment (MT707 sent): it now awaits the beneficiary's answer. */
  record AmendmentIssued(AmendmentId amendmentId, Instant at) implements SagaInput {}

  /** The beneficiary accepted or rejected an amendment (UCP 600 art. 10(c)). */
  record AmendmentAnswered(AmendmentId amendmentId, boolean accepted, Instant at)
      implements SagaInput {}

  /**
   * Documents presented under the credit (through the saga, not yet sent to the credit).
   *
   * @param presenter who presented them
   */
  record PresentationApplied(PresentDocuments command, String presenter, Instant at)
      implements SagaInput {
    public PresentationApplied {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(presenter, "presenter");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The compliance service's answer to a presentation's screening, with the cases it opened. */
  record PresentationScreened(
      PresentationId presentation,
      ScreeningCompleted.Outcome outcome,
      List<CaseId> cases,
      String summary,
      Instant at)
      implements SagaInput {
    public PresentationScreened {
      Objects.requireNonNull(presentation, "presentation");
      Objects.requireNonNull(outcome, "outcome");
      cases = List.copyOf(cases);
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(at, "at");
      if (outcome != ScreeningCompleted.Outcome.CLEAR && cases.isEmpty()) {
        throw new IllegalArgumentException("hits come with the cases opened for them");
      }
    }
  }

  /**
   * The credit recorded a presentation (documents presented) or refused it, answering its presenter
   * itself.
   */
  record PresentationAnswered(
      PresentationId presentation, boolean recorded, String detail, Instant at)
      implements SagaInput {
    public PresentationAnswered {
      Objects.requireNonNull(presentation, "presentation");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The clock: a step past its deadline is retried or compensated. */
  record Tick(Instant at) implements SagaInput {}
}
