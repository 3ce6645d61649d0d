package dev.tradewind.catalog.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** The SQL of what the catalogue holds about a buyer: their reviews and the purchases that allowed them. */
public final class BuyerDataRepository {
  private static final String REVIEWS = """
    SELECT id, product_id, rating, title, body, created_at, reply FROM catalog.reviews WHERE buyer_id = $1
    ORDER BY created_at""";
  private static final String PURCHASES = """
    SELECT product_id, first_paid_at FROM catalog.purchases WHERE buyer_id = $1 ORDER BY first_paid_at""";
  // The rating stays in the product's summary (it is not personal); the words and the link to the person go.
  private static final String ANONYMISE_REVIEWS = """
    UPDATE catalog.reviews SET buyer_id = gen_random_uuid(), title = NULL,
      body = '[removed at the author''s request]' WHERE buyer_id = $1""";
  private static final String FORGET_PURCHASES = "DELETE FROM catalog.purchases WHERE buyer_id = $1";

  public Future<JsonObject> export(SqlClient client, UUID buyerId) {
    return client.preparedQuery(REVIEWS).execute(Tuple.of(buyerId)).compose(reviews -> {
      JsonArray written = new JsonArray();
      reviews.forEach(r -> written.add(new JsonObject().put("id", r.getUUID("id").toString())
        .put("productId", r.getUUID("product_id").toString()).put("rating", r.getInteger("rating"))
        .put("title", r.getString("title")).put("body", r.getString("body"))
        .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString()).put("reply", r.getString("reply"))));
      return client.preparedQuery(PURCHASES).execute(Tuple.of(buyerId)).map(purchases -> {
        JsonArray bought = new JsonArray();
        purchases.forEach(p -> bought.add(new JsonObject().put("productId", p.getUUID(0).toString())
          .put("firstPaidAt", p.getOffsetDateTime(1).toInstant().toString())));
        return new JsonObject().put("reviews", written).put("purchases", bought);
      });
    });
  }

  public Future<Void> erase(SqlClient tx, UUID buyerId) {
    return tx.preparedQuery(ANONYMISE_REVIEWS).execute(Tuple.of(buyerId))
      .compose(v -> tx.preparedQuery(FORGET_PURCHASES).execute(Tuple.of(buyerId))).mapEmpty();
  }
}
