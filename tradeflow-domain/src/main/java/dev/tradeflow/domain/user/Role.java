package dev.tradeflow.domain.user;

/** What a user may do; a user may hold several roles. */
public enum Role {
  /** Enters applications and amendments. */
  MAKER,
  /** Approves what a maker entered (never their own). */
  CHECKER,
  /** Decides review cases from screening hits. */
  COMPLIANCE,
  /** Reads the audit log and its proofs. */
  AUDITOR,
  /** Runs the platform: dead letters, replays. */
  OPERATOR,
  ADMIN
}
