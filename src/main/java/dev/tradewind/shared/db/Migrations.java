package dev.tradewind.shared.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;

/**
 * Applies one context's versioned migrations to its own schema with Flyway. Flyway speaks JDBC, so it runs on
 * a worker thread, never on the event loop. Every schema first gets the shared outbox tables
 * ({@code db/migration/common}), then the context's own ({@code db/migration/<context>}). The common ones are
 * numbered 0.x and apply to every schema whatever its own version, so a new one is applied out of order to a schema
 * that already has later migrations of its own.
 */
public final class Migrations {
  private Migrations() {
  }

  public static Future<Integer> migrate(Vertx vertx, DbConfig config, String schema) {
    return vertx.executeBlocking(() -> Flyway.configure()
      .dataSource(config.jdbcUrl(), config.user(), config.password())
      .schemas(schema)
      .defaultSchema(schema)
      .createSchemas(true)
      .table("schema_history")
      .outOfOrder(true)
      .locations(locations(schema))
      .load()
      .migrate()
      .migrationsExecuted, false);
  }

  private static String[] locations(String schema) {
    String own = "db/migration/" + schema;
    return Migrations.class.getClassLoader().getResource(own) == null
      ? new String[]{"classpath:db/migration/common"}
      : new String[]{"classpath:db/migration/common", "classpath:" + own};
  }
}
