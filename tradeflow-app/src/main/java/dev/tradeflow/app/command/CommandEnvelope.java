package dev.tradeflow.app.command;

import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import java.time.Instant;
import java.util.Objects;

/**
 * A command as it travels on {@code tf.lc.commands} (keyed by the LC id): the command and who sent
 * it, for which business flow, and when.
 */
public record CommandEnvelope(
    LcId lcId, LcCommand command, String actor, String correlationId, Instant submittedAt) {

  public CommandEnvelope {
    Objects.requireNonNull(lcId, "lcId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }
}
