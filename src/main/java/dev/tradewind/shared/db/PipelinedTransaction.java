package dev.tradewind.shared.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * A transaction whose BEGIN goes out with its first statements and whose COMMIT goes out right behind its last ones,
 * where the client's own transactions wait for every answer before sending either: two round trips fewer, and the row
 * locks its last statements take are held for no round trip to the platform and back, only for the database's work.
 *
 * <p>This is sound because PostgreSQL refuses every statement after a failed one in a transaction block, and a COMMIT
 * sent behind a failure only rolls back: so {@link #commit} sends a guard statement first, and the commit is reported
 * only when the guard, hence every statement before it, succeeded. What must hold for the commit is checked by the
 * database (a constraint, a conditional statement that fails), never by reading an answer: once {@code commit} is
 * called the platform can no longer stop it.
 */
public final class PipelinedTransaction {
  private final SqlConnection connection;
  private Future<Void> committed;

  private PipelinedTransaction(SqlConnection connection) {
    this.connection = connection;
  }

  /**
   * Runs {@code work} in a transaction on a connection of {@code pool}; the work must end by calling {@link #commit}
   * and include its future in its own. A failure rolls back what was not committed and is answered as it is.
   */
  public static <T> Future<T> run(Pool pool, Function<PipelinedTransaction, Future<T>> work) {
    return pool.getConnection().compose(connection -> {
      PipelinedTransaction tx = new PipelinedTransaction(connection);
      Future<Void> begun = connection.query("BEGIN").execute().mapEmpty();
      Future<T> done;
      try {
        done = work.apply(tx);
      } catch (RuntimeException e) {
        done = Future.failedFuture(e);
      }
      Future<T> result = done;
      return Future.all(begun, result)
        .compose(both -> tx.committed == null
          ? Future.<T>failedFuture(new IllegalStateException("the transaction's work ended without committing"))
          : tx.committed.map(result.result()))
        // After a COMMIT that rolled back this is a no-op; before one, it is the rollback.
        .recover(failure -> connection.query("ROLLBACK").execute().transform(ignored -> Future.<T>failedFuture(failure)))
        .andThen(ended -> connection.close());
    });
  }

  /** Where the work sends its statements; they run in this transaction in the order they are sent. */
  public SqlConnection connection() {
    return connection;
  }

  /** Sends the guard and COMMIT behind everything sent so far; fails unless the transaction committed. */
  public Future<Void> commit() {
    if (committed != null) {
      throw new IllegalStateException("already committed");
    }
    Future<Void> guard = connection.query("SELECT 1").execute().mapEmpty();
    Future<Void> commit = connection.query("COMMIT").execute().mapEmpty();
    committed = Future.all(guard, commit).mapEmpty();
    return committed;
  }
}
