package dev.tradewind.shared.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies one context's versioned migrations to its own schema with Flyway. Flyway speaks JDBC, so it runs on a
 * worker thread, never on the event loop. Every schema first gets the shared outbox and inbox tables
 * ({@code db/migration/common}, history in {@code shared_schema_history}), then the context's own
 * ({@code db/migration/<context>}, history in {@code schema_history}). Two histories keep both strictly in order: a
 * new shared migration never lands between a context's own, and a binary that is one release behind sees newer
 * migrations of either kind as future ones, which Flyway tolerates, instead of failing validation.
 */
public final class Migrations {
  private static final String SHARED_HISTORY = "shared_schema_history";
  private static final String OWN_HISTORY = "schema_history";
  /** Builds before the split recorded the shared migrations in the context's history; they now live in their own. */
  private static final String SHARED_SCRIPTS_IN_OWN_HISTORY =
    "'V0_1__outbox.sql', 'V0_2__processed_events_retention.sql'";

  private Migrations() {
  }

  public static Future<Integer> migrate(Vertx vertx, DbConfig config, String schema) {
    return vertx.executeBlocking(() -> {
      // Migrated before the split when it has the outbox (V0_1) but no shared history yet: that history starts at
      // 0.1. Any other schema holding tables but no history is refused. Flyway decides under its own lock, so
      // instances starting at once agree.
      int applied = flyway(config, schema, SHARED_HISTORY, "classpath:db/migration/common", "0.1")
        .baselineOnMigrate(exists(config, schema, "outbox"))
        .load().migrate().migrationsExecuted;
      String own = "db/migration/" + schema;
      if (Migrations.class.getClassLoader().getResource(own) == null) {
        return applied;
      }
      if (exists(config, schema, OWN_HISTORY)) {
        forgetSharedScriptsInOwnHistory(config, schema);
      }
      // A new schema holds the shared tables by now, so Flyway must be told that it is new for its own history.
      return applied + flyway(config, schema, OWN_HISTORY, "classpath:" + own, "0")
        .baselineOnMigrate(true)
        .load().migrate().migrationsExecuted;
    }, false);
  }

  private static FluentConfiguration flyway(DbConfig config, String schema, String history, String location,
                                            String baseline) {
    return Flyway.configure()
      .dataSource(config.jdbcUrl(), config.user(), config.password())
      .schemas(schema)
      .defaultSchema(schema)
      .table(history)
      .locations(location)
      .baselineVersion(baseline);
  }

  private static boolean exists(DbConfig config, String schema, String table) throws SQLException {
    try (Connection connection = connect(config);
         PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, schema + "." + table);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void forgetSharedScriptsInOwnHistory(DbConfig config, String schema) throws SQLException {
    try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM " + schema + "." + OWN_HISTORY + " WHERE script IN ("
        + SHARED_SCRIPTS_IN_OWN_HISTORY + ")");
    }
  }

  private static Connection connect(DbConfig config) throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
  }
}
