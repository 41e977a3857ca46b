package dev.tradeflow.runtime;

/** How the embedded broker lets clients in ({@code kafka.embedded.security}). */
public enum BrokerSecurity {
  /** Anyone on the host, unencrypted: the zero-configuration default. */
  PLAINTEXT,
  /**
   * TLS, SCRAM-SHA-512 logins per service principal, and the StandardAuthorizer granting each only
   * what it needs: the secure profile.
   */
  SASL_SSL
}
