package dev.tradeflow.app.demo;

import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.lc.RejectionCode;
import java.util.List;
import java.util.Optional;

/**
 * One letter of credit's scripted life: the commands sent, what each should produce, and the status
 * the credit should end in.
 */
record Scenario(String name, List<Step> steps, LcStatus expectedStatus) {

  /** A command and the outcome it should have: accepted, or rejected with this code. */
  record Step(LcCommand command, Optional<RejectionCode> expectedRejection) {
    static Step accepted(LcCommand command) {
      return new Step(command, Optional.empty());
    }

    static Step rejected(LcCommand command, RejectionCode code) {
      return new Step(command, Optional.of(code));
    }
  }
}
