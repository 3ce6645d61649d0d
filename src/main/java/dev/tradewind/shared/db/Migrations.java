package dev.tradewind.shared.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
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
      int applied = flyway(config, schema, SHARED_HISTORY, "classpath:db/migration/common")
        .createSchemas(true)
        // A schema migrated before the split already has the outbox (V0_1) but no shared history yet.
        .baselineOnMigrate(true)
        .baselineVersion("0.1")
        .load().migrate().migrationsExecuted;
      String own = "db/migration/" + schema;
      if (Migrations.class.getClassLoader().getResource(own) == null) {
        return applied;
      }
      forgetSharedScriptsInOwnHistory(config, schema);
      return applied + flyway(config, schema, OWN_HISTORY, "classpath:" + own)
        // A new schema holds the shared tables but no history of its own yet: every own migration still applies.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load().migrate().migrationsExecuted;
    }, false);
  }

  private static FluentConfiguration flyway(DbConfig config, String schema, String history, String location) {
    return Flyway.configure()
      .dataSource(config.jdbcUrl(), config.user(), config.password())
      .schemas(schema)
      .defaultSchema(schema)
      .table(history)
      .locations(location);
  }

  private static void forgetSharedScriptsInOwnHistory(DbConfig config, String schema) throws SQLException {
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
         Statement statement = connection.createStatement()) {
      statement.execute("DO $$ BEGIN IF to_regclass('" + schema + "." + OWN_HISTORY + "') IS NOT NULL THEN"
        + " DELETE FROM " + schema + "." + OWN_HISTORY + " WHERE script IN (" + SHARED_SCRIPTS_IN_OWN_HISTORY + ");"
        + " END IF; END $$");
    }
  }
}
