package dev.tradewind.shared.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.regex.Pattern;

/** A named point inside a transaction that the statements after it can be undone to, keeping those before. */
public record Savepoint(SqlConnection tx, String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,30}");

  public Savepoint {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a savepoint name: " + name);
    }
  }

  /** Sets the savepoint; whatever is sent after this call runs after it. */
  public static Future<Savepoint> set(SqlConnection tx, String name) {
    Savepoint savepoint = new Savepoint(tx, name);
    return tx.query("SAVEPOINT " + name).execute().map(savepoint);
  }

  /** Undoes everything since the savepoint, row locks taken since included; the transaction goes on. */
  public Future<Void> rollBack() {
    return tx.query("ROLLBACK TO SAVEPOINT " + name).execute().mapEmpty();
  }
}
