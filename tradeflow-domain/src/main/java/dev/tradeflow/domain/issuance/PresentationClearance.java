package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.lc.LcCommand.PresentDocuments;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.review.CaseId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A presentation of documents under an issued credit, as the saga clears it before the credit
 * records it: its particulars (document numbers, carrier, vessel, route) are screened, hits go to
 * review cases, and only then is it sent to the credit. Presentations are cleared side by side,
 * each with its own attempts and deadline, whatever else the saga is doing: a presentation does not
 * wait for an amendment.
 *
 * @param maker who presented the documents (the command's actor)
 * @param attempts which try of the screening this is
 * @param deadline until when the screening or the review may take; empty once sent or decided
 * @param refusal why the saga refused it, answered again to a client that resends it
 */
public record PresentationClearance(
    PresentDocuments command,
    String maker,
    Status status,
    int attempts,
    Optional<Instant> deadline,
    Set<CaseId> openCases,
    Optional<Rejection> refusal)
    implements HeldCommand {

  public enum Status {
    SCREENING,
    /** Screening hits are in review cases; a compliance officer decides. */
    AWAITING_REVIEW,
    /** Cleared and sent to the credit, which records it or refuses it under UCP 600. */
    PRESENTING,
    PRESENTED,
    /** Refused by the saga (not cleared) or by the credit. */
    REFUSED;

    /** Screening or review under way: the saga still decides whether the credit sees it. */
    public boolean isClearing() {
      return this == SCREENING || this == AWAITING_REVIEW;
    }
  }

  public PresentationClearance {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(maker, "maker");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(deadline, "deadline");
    openCases = Set.copyOf(openCases);
    Objects.requireNonNull(refusal, "refusal");
  }

  public PresentationId presentationId() {
    return command.presentationId();
  }

  @Override
  public boolean beingCleared() {
    return status.isClearing();
  }

  @Override
  public String label() {
    return "presentation " + presentationId();
  }

  PresentationClearance at(Status newStatus, int newAttempts, Optional<Instant> newDeadline) {
    return new PresentationClearance(
        command, maker, newStatus, newAttempts, newDeadline, openCases, refusal);
  }

  PresentationClearance withCases(Set<CaseId> cases) {
    return new PresentationClearance(command, maker, status, attempts, deadline, cases, refusal);
  }

  /** Sent to the credit or decided: nothing left to time out, no case left open. */
  PresentationClearance settled(Status newStatus, Optional<Rejection> why) {
    return new PresentationClearance(
        command, maker, newStatus, attempts, Optional.empty(), Set.of(), why);
  }
}
