package dev.tradeflow.runtime.security;

/**
 * Who logs in to the secured embedded broker, each with its own SCRAM credentials and only the ACLs
 * its work needs.
 */
public enum ServicePrincipal {
  /** The broker itself (inter-broker and controller traffic): the one super user. */
  BROKER("tradeflow-broker"),
  /**
   * The service: the command processor and saga (Streams), the gateway, the compliance service, the
   * projection, the audit sequencer, the registry. Reads and writes Tradeflow's topics, its groups
   * and transactions; cannot delete topics or touch ACLs.
   */
  SERVICE("tradeflow-service"),
  /**
   * An auditor's tools ({@code audit verify}, {@code audit prove}, {@code archive export}): read
   * the audited topics and the checkpoints, nothing else, and write nothing.
   */
  AUDITOR("tradeflow-auditor");

  private final String user;

  ServicePrincipal(String user) {
    this.user = user;
  }

  /** The SCRAM user name, and the principal's name in ACLs ({@code User:<name>}). */
  public String user() {
    return user;
  }
}
