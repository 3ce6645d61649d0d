package dev.tradewind.shared.db;

import io.vertx.pgclient.PgException;

/** What a failed statement says about its cause. */
public final class SqlFailures {
  private SqlFailures() {
  }

  /**
   * The database refused a value: a data exception (SQLSTATE class 22) or an integrity constraint (class 23). Unlike a
   * lost connection or a deadlock, it comes back every time the same rows are written, so whatever carries it must
   * be set apart from what was written with it.
   */
  public static boolean refusedValue(Throwable failure) {
    return failure instanceof PgException pg && pg.getSqlState() != null
      && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
  }
}
