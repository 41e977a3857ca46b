package dev.tradeflow.runtime.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.tradeflow.runtime.TradeflowConfig.JdbcSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A pooled connection to the reporting database (PostgreSQL, or the embedded H2 file database) and
 * the Flyway migrations of its tables. Each owner of tables migrates them with its own history
 * table, so that the runtime's tables and an application's evolve independently.
 */
public final class Database implements AutoCloseable {

  /** The runtime's own tables: consumer offsets and processed message ids. */
  private static final String RUNTIME_MIGRATIONS = "classpath:db/tradeflow-runtime";

  private static final String RUNTIME_HISTORY = "tf_runtime_schema_history";

  private final HikariDataSource pool;
  private final JdbcSettings settings;

  private Database(HikariDataSource pool, JdbcSettings settings) {
    this.pool = pool;
    this.settings = settings;
  }

  /**
   * Connects, failing at once with what to fix when the database cannot be reached, and migrates
   * the runtime's tables.
   *
   * @throws IllegalStateException when the database is unreachable or a migration fails
   */
  public static Database open(JdbcSettings settings, String poolName, int maxConnections) {
    if (settings.embedded()) {
      createParentOfH2File(settings.url());
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setAutoCommit(true);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new IllegalStateException(
          "cannot connect to the reporting database "
              + settings.url()
              + ": "
              + rootMessage(e)
              + ". Check jdbc.url, jdbc.user and jdbc.password (env TRADEFLOW_JDBC_URL,"
              + " TRADEFLOW_JDBC_USER, TRADEFLOW_JDBC_PASSWORD), or leave jdbc.url empty for the"
              + " embedded H2 database",
          e);
    }
    Database database = new Database(pool, settings);
    try {
      database.migrate(RUNTIME_MIGRATIONS, RUNTIME_HISTORY);
      return database;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Applies the pending migrations found at {@code location}, recording them in {@code
   * historyTable}.
   *
   * @throws IllegalStateException when a migration fails or an applied one was changed
   */
  public void migrate(String location, String historyTable) {
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(location)
          .table(historyTable)
          // The schema may already hold another owner's tables: start this history from scratch.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new IllegalStateException(
          "could not migrate " + location + " on " + settings.url() + ": " + e.getMessage(), e);
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public JdbcSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    pool.close();
  }

  private static void createParentOfH2File(String url) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return; // in-memory or another H2 mode: nothing on disk to prepare
    }
    String file = url.substring(prefix.length()).split(";", 2)[0];
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create " + parent + " for the embedded reporting database: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
