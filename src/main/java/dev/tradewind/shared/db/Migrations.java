package dev.tradewind.shared.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;

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
      Flyway shared = flyway(config, schema, SHARED_HISTORY, "classpath:db/migration/common", "0.1");
      if (exists(config, schema, "outbox") && !exists(config, schema, SHARED_HISTORY)) {
        shared.baseline(); // migrated before the split: it has the outbox (V0_1), not yet the shared history
      }
      int applied = shared.migrate().migrationsExecuted;
      String own = "db/migration/" + schema;
      if (Migrations.class.getClassLoader().getResource(own) == null) {
        return applied;
      }
      Flyway owned = flyway(config, schema, OWN_HISTORY, "classpath:" + own, "0");
      if (exists(config, schema, OWN_HISTORY)) {
        forgetSharedScriptsInOwnHistory(config, schema);
      } else {
        owned.baseline(); // a new schema: it holds the shared tables already, so Flyway must be told it is new
      }
      return applied + owned.migrate().migrationsExecuted;
    }, false);
  }

  private static Flyway flyway(DbConfig config, String schema, String history, String location, String baseline) {
    return Flyway.configure()
      .dataSource(config.jdbcUrl(), config.user(), config.password())
      .schemas(schema)
      .defaultSchema(schema)
      .table(history)
      .locations(location)
      .baselineVersion(baseline)
      .load();
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
