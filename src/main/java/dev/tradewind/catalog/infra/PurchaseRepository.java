package dev.tradewind.catalog.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** The SQL of the catalogue's record of who bought which product (from checkout's events). */
public final class PurchaseRepository {
  private static final String RECORD = """
    INSERT INTO catalog.purchases (buyer_id, product_id, first_paid_at)
    SELECT $1, product_id, $3 FROM unnest($2::uuid[]) AS bought (product_id)
    ON CONFLICT (buyer_id, product_id) DO UPDATE SET first_paid_at = least(purchases.first_paid_at, excluded.first_paid_at)""";
  private static final String COUNT_SOLD = """
    UPDATE catalog.products p SET units_sold = p.units_sold + sold.units
    FROM (SELECT product_id, sum(quantity) AS units FROM unnest($1::uuid[], $2::int[]) AS l (product_id, quantity)
          GROUP BY product_id) AS sold
    WHERE p.id = sold.product_id""";
  private static final String BOUGHT = "SELECT 1 FROM catalog.purchases WHERE buyer_id = $1 AND product_id = $2";

  /** Remembers that the buyer paid for these products (each at most once; the earliest payment is kept). */
  public Future<Void> record(SqlClient client, UUID buyerId, Set<UUID> productIds, Instant paidAt) {
    return client.preparedQuery(RECORD).execute(Tuple.of(buyerId, productIds.toArray(UUID[]::new),
      OffsetDateTime.ofInstant(paidAt, ZoneOffset.UTC))).mapEmpty();
  }

  /** Adds paid units to each product's count, which the storefront's best-selling sort reads. */
  public Future<Void> countSold(SqlClient client, java.util.List<UUID> productIds, java.util.List<Integer> quantities) {
    return client.preparedQuery(COUNT_SOLD).execute(Tuple.tuple().addArrayOfUUID(productIds.toArray(UUID[]::new))
      .addArrayOfInteger(quantities.toArray(Integer[]::new))).mapEmpty();
  }

  public Future<Boolean> bought(SqlClient client, UUID buyerId, UUID productId) {
    return client.preparedQuery(BOUGHT).execute(Tuple.of(buyerId, productId)).map(rows -> rows.size() > 0);
  }
}
