package dev.tradewind.checkout;

import dev.tradewind.infra.TestPlatform;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.TimeUnit;

/**
 * Another database session, as a competing writer would be: its transaction takes row locks and keeps them until
 * released, so a story can hold the platform in the middle of its own transaction and see it waiting.
 */
final class HeldLocks implements AutoCloseable {
  private final TestPlatform platform;
  private final SqlConnection connection;
  private final Transaction transaction;
  private final int pid;
  private boolean released;

  private HeldLocks(TestPlatform platform, SqlConnection connection, Transaction transaction, int pid) {
    this.platform = platform;
    this.connection = connection;
    this.transaction = transaction;
    this.pid = pid;
  }

  static HeldLocks open(TestPlatform platform) {
    SqlConnection connection = await(platform.pool().getConnection());
    Transaction transaction = await(connection.begin());
    int pid = await(connection.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
    return new HeldLocks(platform, connection, transaction, pid);
  }

  /** Runs a locking statement in this session's transaction, waiting as long as the database makes it wait. */
  void lock(String sql, Object... params) {
    await(connection.preparedQuery(sql).execute(Tuple.from(params)));
  }

  /** Waits until {@code sessions} other sessions ({@code who}) are blocked on a lock this one holds. */
  void awaitWaiters(int sessions, String who) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      long waiting = platform.query("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid)
        .get(0).getLong(0);
      if (waiting >= sessions) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(who + " never came to wait for the locks of session " + pid);
  }

  /** Waits until no other session ({@code who}) is blocked on a lock this one holds any more. */
  void awaitNoWaiters(String who) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (platform.query("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid)
        .get(0).getLong(0) == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(who + " kept waiting for the locks of session " + pid);
  }

  /** The backend pid of a session waiting for a lock this one holds (after {@link #awaitWaiters}). */
  int waiter() {
    return platform.query("SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid)
      .get(0).getInteger(0);
  }

  /** Ends the transaction without changing anything: whoever waits goes on. */
  void release() {
    if (!released) {
      released = true;
      await(transaction.rollback().eventually(connection::close));
    }
  }

  /** Ends the transaction keeping what it wrote, as a competing writer that finished first. */
  void commit() {
    if (!released) {
      released = true;
      await(transaction.commit().eventually(connection::close));
    }
  }

  @Override
  public void close() {
    release();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
