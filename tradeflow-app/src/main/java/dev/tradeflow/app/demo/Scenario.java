package dev.tradeflow.app.demo;

import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.RejectionCode;
import java.util.List;
import java.util.Optional;

/**
 * One letter of credit's scripted life: what is sent or waited for, what each step should produce,
 * and the status the credit should end in.
 */
record Scenario(String name, List<Step> steps, LcStatus expectedStatus) {

  /** One step of a scenario. */
  sealed interface Step {

    /**
     * A command, by the demo's maker, and its outcome: accepted, or rejected with this code. An
     * amendment the saga clears may be answered 202 first: its outcome is then waited for.
     */
    record Send(LcCommand command, Optional<RejectionCode> expectedRejection) implements Step {}

    /**
     * A command the saga holds for a person (a review case, a checker's approval): answered 202;
     * {@link AwaitOutcome} checks its outcome later.
     */
    record Submit(LcCommand command) implements Step {}

    /** Wait for the outcome of a command sent before: accepted, or rejected with this code. */
    record AwaitOutcome(LcCommand command, Optional<RejectionCode> expectedRejection)
        implements Step {}

    /** Wait until the credit is in this status (the saga works in the background). */
    record AwaitStatus(LcStatus status) implements Step {}

    /** Wait until the credit's issuance saga is at this step. */
    record AwaitSaga(String step) implements Step {}

    /** A compliance officer decides every undecided review case of the credit. */
    record DecideCases(String officer, String decision) implements Step {}

    /**
     * Wait until the credit of the run's scenario number {@code scenario} (from 0) has recorded
     * {@code presentation}: a document it presented first can then be presented again elsewhere.
     */
    record AwaitPresentationElsewhere(int scenario, PresentationId presentation) implements Step {}

    /** A user answers the saga's approval request; the API answers with this HTTP status. */
    record Approve(String user, int expectedHttpStatus) implements Step {}

    static Step accepted(LcCommand command) {
      return new Send(command, Optional.empty());
    }

    static Step rejected(LcCommand command, RejectionCode code) {
      return new Send(command, Optional.of(code));
    }
  }
}
