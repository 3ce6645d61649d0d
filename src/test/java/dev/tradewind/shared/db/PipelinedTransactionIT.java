package dev.tradewind.shared.db;

import dev.tradewind.infra.TestPlatform;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("A transaction sent in one go, BEGIN and COMMIT included, commits only what all succeeded")
class PipelinedTransactionIT {
  private Pool pool;
  private String table;

  @BeforeEach
  void pool() throws Exception {
    JsonObject config = TestPlatform.get().config();
    // One connection, so every transaction here reuses the connection the one before it ended on.
    config.getJsonObject("db").put("poolSize", 1);
    pool = Database.pool(TestPlatform.get().clientVertx(), DbConfig.from(config));
    table = "pipelined_" + UUID.randomUUID().toString().replace("-", "");
    await(pool.query("CREATE TABLE " + table + " (id int PRIMARY KEY, units int NOT NULL CHECK (units >= 0))").execute());
  }

  @AfterEach
  void drop() throws Exception {
    await(pool.query("DROP TABLE " + table).execute());
    pool.close();
  }

  @Test
  @DisplayName("every statement sent before the commit is committed, and the work's answer is returned")
  void commitsWhatWasSent() throws Exception {
    String answer = await(PipelinedTransaction.run(pool, tx -> Future.all(List.of(insert(tx, 1, 5), insert(tx, 2, 7),
      tx.connection().preparedQuery("UPDATE " + table + " SET units = units - 1 WHERE id = 1").execute(),
      tx.commit())).map("placed")));

    assertThat(answer).isEqualTo("placed");
    assertThat(units()).isEqualTo(11);
  }

  @Test
  @DisplayName("a statement that fails before the commit leaves nothing behind, and its failure is the answer")
  void failedStatementRollsBackEverything() {
    Throwable failure = catchThrowable(() -> await(PipelinedTransaction.run(pool, tx -> Future.all(List.of(
      insert(tx, 1, 5), tx.connection().preparedQuery("UPDATE " + table + " SET units = units - 6").execute(),
      insert(tx, 2, 7), tx.commit())))));

    assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PgException.class);
    assertThat(((PgException) failure.getCause()).getSqlState()).isEqualTo("23514");
    assertThat(count()).isZero();
  }

  @Test
  @DisplayName("a failure the work did not wait for still stops the commit: the guard in front of it fails")
  void unwatchedFailureStopsTheCommit() {
    Throwable failure = catchThrowable(() -> await(PipelinedTransaction.run(pool, tx -> {
      Future<?> watched = insert(tx, 2, 7);
      tx.connection().preparedQuery("INSERT INTO " + table + " (id, units) VALUES (1, -1)").execute();
      return Future.all(watched, tx.commit()).map("placed");
    })));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(count()).isZero();
  }

  @Test
  @DisplayName("work that ends without committing is rolled back, and the connection goes back to the pool outside it")
  void forgottenCommitRollsBack() throws Exception {
    Throwable failure = catchThrowable(() -> await(PipelinedTransaction.run(pool, tx -> insert(tx, 1, 5))));

    assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class);
    await(pool.preparedQuery("INSERT INTO " + table + " (id, units) VALUES (2, 7)").execute());
    assertThat(count()).as("the next user of the connection committed on its own, outside the forgotten transaction")
      .isEqualTo(1);
  }

  private Future<?> insert(PipelinedTransaction tx, int id, int units) {
    return tx.connection().preparedQuery("INSERT INTO " + table + " (id, units) VALUES ($1, $2)").execute(Tuple.of(id, units));
  }

  private long count() {
    return scalar("SELECT count(*) FROM " + table);
  }

  private long units() {
    return scalar("SELECT coalesce(sum(units), 0) FROM " + table);
  }

  private long scalar(String sql) {
    return TestPlatform.get().query(sql).get(0).getLong(0);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
