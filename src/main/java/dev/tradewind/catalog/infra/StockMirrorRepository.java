package dev.tradewind.catalog.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the catalogue's copy of checkout's stock figures. A figure is kept only if its version is newer than the
 * one held, which also makes a repeated event change nothing.
 */
public final class StockMirrorRepository {
  private static final String APPLY_IF_STILL_IN_STOCK_STATE = """
    UPDATE catalog.skus SET available = $2, stock_version = $3
    WHERE id = $1 AND stock_version < $3 AND (available > 0) = ($2 > 0)
    RETURNING product_id""";
  // A flip fires the SKU trigger that refreshes the product's search columns, and an import locks the product before
  // its SKUs: so a flip locks the product first too, or the two deadlock.
  private static final String LOCK_PRODUCT = """
    SELECT p.id FROM catalog.products p WHERE p.id = (SELECT s.product_id FROM catalog.skus s WHERE s.id = $1)
    FOR UPDATE""";
  private static final String APPLY = """
    UPDATE catalog.skus s SET available = $2, stock_version = $3 FROM catalog.skus before
    WHERE s.id = $1 AND before.id = $1 AND s.stock_version < $3
    RETURNING s.product_id, (before.available > 0) <> ($2 > 0) AS in_stock_changed""";

  /** What a newer figure changed: the SKU's product, and whether the SKU ran out or came back. */
  public record Applied(UUID productId, boolean inStockChanged) {
  }

  /**
   * The common case in one statement, needing no transaction: a newer figure that leaves the SKU in stock or out of
   * stock as it was fires no trigger and touches only the SKU's row. Empty when that is not the case.
   */
  public Future<Optional<Applied>> applyIfStillInStockState(SqlClient client, UUID skuId, int available, long version) {
    return client.preparedQuery(APPLY_IF_STILL_IN_STOCK_STATE).execute(Tuple.of(skuId, available, version))
      .map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(new Applied(rows.iterator().next().getUUID(0), false)));
  }

  /**
   * Any figure, in the caller's transaction, product locked first; empty for an older or repeated figure, or a SKU the
   * catalogue does not have.
   */
  public Future<Optional<Applied>> apply(SqlClient tx, UUID skuId, int available, long version) {
    return tx.preparedQuery(LOCK_PRODUCT).execute(Tuple.of(skuId))
      .compose(locked -> tx.preparedQuery(APPLY).execute(Tuple.of(skuId, available, version)))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Applied(rows.iterator().next().getUUID(0),
        rows.iterator().next().getBoolean(1))));
  }
}
