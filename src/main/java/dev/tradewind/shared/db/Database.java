package dev.tradewind.shared.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

/**
 * The platform's PostgreSQL pool. It is shared by name: every verticle that asks gets the same connections,
 * so the configured size is the platform's total. A full wait queue fails fast, which the API answers as 503
 * instead of letting latency grow without bound.
 */
public final class Database {
  public static final String POOL_NAME = "tradewind";

  private Database() {
  }

  public static Pool pool(Vertx vertx, DbConfig config) {
    PgConnectOptions connect = config.connectOptions()
      .setCachePreparedStatements(true)
      .setPreparedStatementCacheMaxSize(512)
      .setPipeliningLimit(config.pipeliningLimit());
    PoolOptions pool = new PoolOptions()
      .setName(POOL_NAME)
      .setShared(true)
      .setMaxSize(config.poolSize())
      .setMaxWaitQueueSize(config.maxWaitQueue())
      .setConnectionTimeout(config.connectTimeoutMs())
      .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
    return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
  }

  /**
   * A client of its own for short reads that must not wait behind the shared pool's transactions: its few connections
   * pipeline the statements sent to them, so a read waits only for the reads sent before it on the same connection.
   */
  public static SqlClient lane(Vertx vertx, DbConfig config, String name, int connections) {
    PgConnectOptions connect = config.connectOptions()
      .setCachePreparedStatements(true)
      .setPipeliningLimit(config.pipeliningLimit());
    PoolOptions pool = new PoolOptions().setName(POOL_NAME + "-" + name).setShared(true).setMaxSize(connections)
      .setMaxWaitQueueSize(config.maxWaitQueue());
    return PgBuilder.client().with(pool).connectingTo(connect).using(vertx).build();
  }

  /** Answers once PostgreSQL has run a trivial query through the pool. */
  public static io.vertx.core.Future<Void> ping(Pool pool) {
    return pool.query("SELECT 1").execute().mapEmpty();
  }
}
