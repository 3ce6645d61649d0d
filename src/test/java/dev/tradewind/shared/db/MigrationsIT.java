package dev.tradewind.shared.db;

import dev.tradewind.infra.TestPlatform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Every schema gets the shared tables and its own, each in order, across releases")
class MigrationsIT {
  /** Has its own migrations in the test resources, beside the shared ones every schema gets. */
  private static final String SCHEMA = "migrations_test";
  private static TestPlatform platform;
  private static Vertx vertx;
  private static DbConfig db;

  @BeforeAll
  static void platform() {
    platform = TestPlatform.get();
    vertx = platform.clientVertx();
    db = DbConfig.from(platform.config());
  }

  @BeforeEach
  void noSchema() {
    platform.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  @DisplayName("a new schema records the shared migrations and its own in two histories, and a restart applies nothing")
  void newSchema() throws Exception {
    assertThat(migrate()).isEqualTo(3);

    assertThat(applied("shared_schema_history")).containsExactly("0.1", "0.2");
    assertThat(applied("schema_history")).containsExactly("0", "1");
    assertThat(migrate()).isZero();
  }

  @Test
  @DisplayName("a schema migrated before the split keeps its data and moves to two histories")
  void schemaFromBeforeTheSplit() throws Exception {
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas(SCHEMA).defaultSchema(SCHEMA)
      .table("schema_history").outOfOrder(true)
      .locations("classpath:db/migration/common", "classpath:db/migration/" + SCHEMA).load().migrate();
    platform.query("INSERT INTO " + SCHEMA + ".things VALUES (7)");

    migrate();

    assertThat(applied("shared_schema_history")).containsExactly("0.1", "0.2");
    assertThat(applied("schema_history")).containsExactly("1");
    assertThat(platform.query("SELECT id FROM " + SCHEMA + ".things")).map(r -> r.getInteger(0)).containsExactly(7);
    assertThat(migrate()).isZero();
  }

  @Test
  @DisplayName("a schema that holds tables of unknown origin is refused, not taken for one that has the outbox")
  void foreignSchema() {
    platform.query("CREATE SCHEMA " + SCHEMA);
    platform.query("CREATE TABLE " + SCHEMA + ".ledger (id int)");

    assertThatThrownBy(MigrationsIT::migrate).hasMessageContaining("non-empty schema");
    assertThat(platform.query("SELECT to_regclass('" + SCHEMA + ".outbox') IS NULL").get(0).getBoolean(0)).isTrue();
  }

  @Test
  @DisplayName("a binary one release behind starts against a schema that has newer migrations of both kinds")
  void olderBinaryAgainstNewerSchema() throws Exception {
    migrate();
    nextRelease("shared_schema_history", "classpath:db/migration/common", "classpath:db/migration-next/common");
    nextRelease("schema_history", "classpath:db/migration/" + SCHEMA, "classpath:db/migration-next/" + SCHEMA);
    assertThat(applied("shared_schema_history")).containsExactly("0.1", "0.2", "0.9");
    assertThat(applied("schema_history")).containsExactly("0", "1", "2");

    assertThat(migrate()).isZero();
  }

  private static void nextRelease(String history, String... locations) {
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas(SCHEMA).defaultSchema(SCHEMA)
      .table(history).locations(locations).load().migrate();
  }

  private static int migrate() throws Exception {
    return await(Migrations.migrate(vertx, db, SCHEMA));
  }

  private static List<String> applied(String history) {
    return platform.query("SELECT version FROM " + SCHEMA + "." + history
        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank").stream()
      .map((Row r) -> r.getString(0)).toList();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
