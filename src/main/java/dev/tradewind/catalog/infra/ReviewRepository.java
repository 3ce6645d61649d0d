package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.domain.NewReview;
import dev.tradewind.catalog.domain.RatingSummary;
import dev.tradewind.catalog.domain.ReviewCursor;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of reviews and of the rating summary they keep on the product row. The summary only ever moves by
 * atomic increments in the transaction that adds or hides a review, so concurrent reviews never lose one.
 */
public final class ReviewRepository {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String ONE_PER_BUYER = "reviews_one_per_buyer";
  private static final String COLUMNS = "id, rating, title, body, created_at, reply, replied_at";

  private static final String PRODUCT = """
    SELECT merchant_id, status, rating_count, rating_sum FROM catalog.products WHERE id = $1""";
  private static final String INSERT = """
    INSERT INTO catalog.reviews (id, product_id, buyer_id, rating, title, body, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  private static final String RATE = """
    UPDATE catalog.products SET rating_count = rating_count + 1, rating_sum = rating_sum + $2
    WHERE id = $1 AND status = 'PUBLISHED' RETURNING rating_count, rating_sum""";
  private static final String UNRATE = """
    UPDATE catalog.products SET rating_count = rating_count - 1, rating_sum = rating_sum - $2
    WHERE id = $1 RETURNING rating_count, rating_sum""";
  private static final String LOCK = """
    SELECT r.id, r.product_id, p.merchant_id, r.rating, r.reply IS NOT NULL AS replied, r.hidden_at IS NOT NULL AS hidden
    FROM catalog.reviews r JOIN catalog.products p ON p.id = r.product_id WHERE r.id = $1 FOR UPDATE OF r""";
  private static final String REPLY = """
    UPDATE catalog.reviews SET reply = $2, replied_at = $3, replied_by = $4 WHERE id = $1 AND reply IS NULL
    RETURNING\s""" + COLUMNS;
  private static final String HIDE = """
    UPDATE catalog.reviews SET hidden_at = $2, hidden_by = $3, hidden_reason = $4 WHERE id = $1 AND hidden_at IS NULL""";
  private static final String FIRST_PAGE = "SELECT " + COLUMNS + """
     FROM catalog.reviews WHERE product_id = $1 AND hidden_at IS NULL
    ORDER BY created_at DESC, id DESC LIMIT $2""";
  private static final String NEXT_PAGE = "SELECT " + COLUMNS + """
     FROM catalog.reviews WHERE product_id = $1 AND hidden_at IS NULL AND (created_at, id) < ($3::timestamptz, $4::uuid)
    ORDER BY created_at DESC, id DESC LIMIT $2""";

  /** A product as reviews see it. */
  public record ReviewedProduct(UUID merchantId, String status, RatingSummary summary) {
  }

  /** A review as anyone may read it: never who wrote it. */
  public record StoredReview(UUID id, int rating, String title, String body, Instant createdAt, String reply,
                             Instant repliedAt) {
  }

  /** A review locked for a change, with what the change needs to know. */
  public record LockedReview(UUID id, UUID productId, UUID merchantId, int rating, boolean replied, boolean hidden) {
  }

  public Future<ReviewedProduct> product(SqlClient client, UUID productId) {
    return client.preparedQuery(PRODUCT).execute(Tuple.of(productId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new ReviewedProduct(r.getUUID(0), r.getString(1), new RatingSummary(r.getInteger(2), r.getInteger(3)));
    });
  }

  /** False when the buyer has already reviewed the product: the unique constraint decides, even when racing. */
  public Future<Boolean> insert(SqlClient client, UUID id, UUID productId, UUID buyerId, NewReview review, Instant at) {
    Tuple row = Tuple.of(id, productId, buyerId, (short) review.rating(), review.title(), review.body(), utc(at));
    return client.preparedQuery(INSERT).execute(row).map(true).recover(failure ->
      failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()) && ONE_PER_BUYER.equals(pg.getConstraint())
        ? Future.succeededFuture(false) : Future.failedFuture(failure));
  }

  /** Adds a rating to a published product's summary; null when the product is no longer published. */
  public Future<RatingSummary> rate(SqlClient client, UUID productId, int rating) {
    return client.preparedQuery(RATE).execute(Tuple.of(productId, rating)).map(ReviewRepository::summary);
  }

  /** Takes a hidden review's rating out of the product's summary. */
  public Future<RatingSummary> unrate(SqlClient client, UUID productId, int rating) {
    return client.preparedQuery(UNRATE).execute(Tuple.of(productId, rating)).map(ReviewRepository::summary);
  }

  /** The review, locked until the transaction ends; null when there is none. */
  public Future<LockedReview> lock(SqlClient client, UUID reviewId) {
    return client.preparedQuery(LOCK).execute(Tuple.of(reviewId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new LockedReview(r.getUUID(0), r.getUUID(1), r.getUUID(2), r.getShort(3), r.getBoolean(4), r.getBoolean(5));
    });
  }

  /** The review with its reply; null when it already had one. */
  public Future<StoredReview> reply(SqlClient client, UUID reviewId, String text, UUID by, Instant at) {
    return client.preparedQuery(REPLY).execute(Tuple.of(reviewId, text, utc(at), by))
      .map(rows -> rows.size() == 0 ? null : review(rows.iterator().next()));
  }

  /** False when the review was already hidden. */
  public Future<Boolean> hide(SqlClient client, UUID reviewId, UUID by, String reason, Instant at) {
    return client.preparedQuery(HIDE).execute(Tuple.of(reviewId, utc(at), by, reason)).map(rows -> rows.rowCount() == 1);
  }

  /** Up to {@code limit} visible reviews of the product, newest first, after the cursor (if any). */
  public Future<List<StoredReview>> page(SqlClient client, UUID productId, ReviewCursor after, int limit) {
    Future<RowSet<Row>> rows = after == null
      ? client.preparedQuery(FIRST_PAGE).execute(Tuple.of(productId, limit))
      : client.preparedQuery(NEXT_PAGE).execute(Tuple.of(productId, limit, utc(after.createdAt()), after.id()));
    return rows.map(set -> {
      List<StoredReview> out = new ArrayList<>(set.size());
      set.forEach(r -> out.add(review(r)));
      return out;
    });
  }

  private static RatingSummary summary(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row r = rows.iterator().next();
    return new RatingSummary(r.getInteger(0), r.getInteger(1));
  }

  private static StoredReview review(Row r) {
    OffsetDateTime repliedAt = r.getOffsetDateTime("replied_at");
    return new StoredReview(r.getUUID("id"), r.getShort("rating"), r.getString("title"), r.getString("body"),
      r.getOffsetDateTime("created_at").toInstant(), r.getString("reply"), repliedAt == null ? null : repliedAt.toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
