package dev.tradeflow.app.command;

import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.Rejection;
import java.time.Instant;
import java.util.Objects;

/**
 * A command as it travels on {@code tf.lc.commands} (keyed by the LC id): the command and who sent
 * it, for which business flow, and when.
 *
 * @param refusal set by the issuance saga on an amendment it did not clear: the processor records
 *     this refusal as the command's outcome, without deciding it, so that the command id is
 *     answered (and answered again on a retry) like any other; null on every other command
 */
public record CommandEnvelope(
    LcId lcId,
    LcCommand command,
    String actor,
    String correlationId,
    Instant submittedAt,
    Rejection refusal) {

  public CommandEnvelope {
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }

  public CommandEnvelope(
      LcId lcId, LcCommand command, String actor, String correlationId, Instant submittedAt) {
    this(lcId, command, actor, correlationId, submittedAt, null);
  }
}
