package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.Rejection;
import java.util.Optional;

/**
 * A command the saga holds before the credit sees it (an amendment, a presentation): cleared and
 * sent on under its maker's command id, or refused under it. A resent command is answered as the
 * first time.
 */
sealed interface HeldCommand permits AmendmentClearance, PresentationClearance {

  LcCommand command();

  /** Who sent it: the credit records it as theirs, and a refusal answers them. */
  String maker();

  /** Why the saga refused it; empty when it did not. */
  Optional<Rejection> refusal();

  /** Still being screened, reviewed or approved: not yet sent on nor refused. */
  boolean beingCleared();

  /** {@code amendment A1}, {@code presentation P1}: for histories and refusals. */
  String label();
}
