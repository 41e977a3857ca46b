package dev.tradeflow.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradeflow.runtime.TradeflowConfig.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test: an in-memory H2 database, or a new schema in the PostgreSQL
 * server at 127.0.0.1:5432 (database {@code test}, or {@code TRADEFLOW_TEST_POSTGRES_URL}), dropped
 * on {@link #close()}. Without a reachable PostgreSQL the test is skipped with a message saying so,
 * except in CI ({@code CI=true}), where it fails.
 */
public final class TestDatabase implements AutoCloseable {

  /** The engines the reporting tests run against. */
  public enum Engine {
    H2,
    POSTGRES
  }

  static final String POSTGRES_URL =
      System.getenv()
          .getOrDefault("TRADEFLOW_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String POSTGRES_USER = "postgres";

  private final JdbcSettings settings;
  private final String schema;

  private TestDatabase(JdbcSettings settings, String schema) {
    this.settings = settings;
    this.schema = schema;
  }

  public static TestDatabase create(Engine engine) {
    String name = "tf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (engine == Engine.H2) {
      return new TestDatabase(
          new JdbcSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""), null);
    }
    try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      String why =
          "PostgreSQL is not reachable at "
              + POSTGRES_URL
              + " ("
              + e.getMessage()
              + "): start it (pg_ctlcluster <version> main start) or set"
              + " TRADEFLOW_TEST_POSTGRES_URL";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true requires PostgreSQL: " + why);
      }
      System.err.println("SKIPPED a PostgreSQL test: " + why);
      assumeTrue(false, "skipped: " + why);
    }
    return new TestDatabase(
        new JdbcSettings(POSTGRES_URL + "?currentSchema=" + name, POSTGRES_USER, ""), name);
  }

  public JdbcSettings settings() {
    return settings;
  }

  @Override
  public void close() throws SQLException {
    if (schema == null) {
      try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), "");
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
