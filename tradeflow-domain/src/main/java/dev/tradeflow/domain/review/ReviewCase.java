package dev.tradeflow.domain.review;

import dev.tradeflow.domain.review.CaseCommand.DecideCase;
import dev.tradeflow.domain.review.CaseCommand.OpenCase;
import dev.tradeflow.domain.review.CaseCommand.WithdrawCase;
import dev.tradeflow.domain.review.CaseEvent.CaseCleared;
import dev.tradeflow.domain.review.CaseEvent.CaseOpened;
import dev.tradeflow.domain.review.CaseEvent.CaseWithdrawn;
import dev.tradeflow.domain.review.CaseEvent.ClearanceRecorded;
import dev.tradeflow.domain.review.CaseEvent.HitConfirmed;
import dev.tradeflow.domain.user.Role;
import java.util.List;
import java.util.Optional;

/**
 * A review case opened for screening hits: decided by a compliance officer (clear or confirm), and,
 * when a hit is block-level, cleared only by two different officers (four eyes). The decision and
 * its reason are events, so the case's history is what an examiner reads.
 */
public final class ReviewCase {

  private ReviewCase() {}

  /** The outcome: events, or the refusal (exactly one of them). */
  public record Outcome(List<CaseEvent> events, Optional<CaseRefusal> refusal) {
    public Outcome {
      events = List.copyOf(events);
    }

    static Outcome accept(CaseEvent event) {
      return new Outcome(List.of(event), Optional.empty());
    }

    static Outcome refuse(CaseRefusal.Code code, String detail) {
      return new Outcome(List.of(), Optional.of(new CaseRefusal(code, detail)));
    }
  }

  public static Outcome decide(Optional<CaseState> state, CaseCommand command) {
    if (command instanceof OpenCase) {
      OpenCase open = (OpenCase) command;
      if (state.isPresent()) {
        return Outcome.refuse(CaseRefusal.Code.CASE_ALREADY_OPEN, "the case is already open");
      }
      HitLevel level =
          open.findings().stream().anyMatch(f -> f.level() == HitLevel.BLOCK)
              ? HitLevel.BLOCK
              : HitLevel.REVIEW;
      return Outcome.accept(new CaseOpened(open.sagaId(), open.lcId(), level, open.findings()));
    }
    if (state.isEmpty()) {
      return Outcome.refuse(CaseRefusal.Code.CASE_NOT_FOUND, "no such case");
    }
    CaseState current = state.get();
    if (command instanceof WithdrawCase withdraw) {
      return current.status().isClosed()
          ? alreadyClosed(current)
          : Outcome.accept(new CaseWithdrawn(withdraw.reason()));
    }
    DecideCase decision = (DecideCase) command;
    String officer = decision.officer().name();
    if (!decision.officer().has(Role.COMPLIANCE)) {
      return Outcome.refuse(
          CaseRefusal.Code.NOT_A_COMPLIANCE_OFFICER,
          officer + " does not have the compliance role");
    }
    if (current.status().isClosed()) {
      return alreadyClosed(current);
    }
    if (decision.decision() == CaseDecision.CONFIRM) {
      return Outcome.accept(new HitConfirmed(officer, decision.reason()));
    }
    if (current.level() == HitLevel.REVIEW) {
      return Outcome.accept(new CaseCleared(List.of(officer), decision.reason()));
    }
    if (current.firstClearance().isEmpty()) {
      return Outcome.accept(new ClearanceRecorded(officer, decision.reason()));
    }
    String first = current.firstClearance().get();
    // The same person however the name is cased (as maker-checker compares them).
    if (first.equalsIgnoreCase(officer)) {
      return Outcome.refuse(
          CaseRefusal.Code.SECOND_OFFICER_REQUIRED,
          "a block-level hit is cleared by two compliance officers; "
              + officer
              + " has already cleared it");
    }
    return Outcome.accept(new CaseCleared(List.of(first, officer), decision.reason()));
  }

  private static Outcome alreadyClosed(CaseState current) {
    return Outcome.refuse(CaseRefusal.Code.CASE_ALREADY_DECIDED, "the case is " + current.status());
  }

  public static CaseState evolve(Optional<CaseState> state, CaseEvent event) {
    if (event instanceof CaseOpened) {
      CaseOpened opened = (CaseOpened) event;
      return new CaseState(
          opened.sagaId(),
          opened.lcId(),
          opened.level(),
          opened.findings(),
          CaseStatus.OPEN,
          Optional.empty());
    }
    CaseState current =
        state.orElseThrow(() -> new IllegalStateException(event + " before CaseOpened"));
    if (event instanceof ClearanceRecorded) {
      return current.with(
          CaseStatus.AWAITING_SECOND_CLEARANCE, Optional.of(((ClearanceRecorded) event).officer()));
    }
    if (event instanceof CaseCleared) {
      return current.with(CaseStatus.CLEARED, current.firstClearance());
    }
    if (event instanceof CaseWithdrawn) {
      return current.with(CaseStatus.WITHDRAWN, current.firstClearance());
    }
    return current.with(CaseStatus.CONFIRMED, current.firstClearance());
  }
}
