package dev.tradewind.checkout.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.tradewind.checkout.infra.StockRepository.utc;

/** The SQL of idempotency keys: claimed before work starts, completed with the final answer. */
public final class IdempotencyRepository {
  private static final String CLAIM = """
    INSERT INTO checkout.idempotency_keys (buyer_id, key, request_hash, locked_until, created_at)
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING""";
  private static final String TAKE_OVER = """
    UPDATE checkout.idempotency_keys SET locked_until = $4
    WHERE buyer_id = $1 AND key = $2 AND request_hash = $3 AND status IS NULL AND locked_until < $5""";
  private static final String FIND = """
    SELECT request_hash, status, response, order_id, locked_until FROM checkout.idempotency_keys
    WHERE buyer_id = $1 AND key = $2""";
  private static final String COMPLETE = """
    UPDATE checkout.idempotency_keys SET status = $3, response = $4, order_id = $5 WHERE buyer_id = $1 AND key = $2""";
  private static final String REMEMBER = """
    INSERT INTO checkout.idempotency_keys (buyer_id, key, request_hash, locked_until, status, response, created_at)
    SELECT b, k, h, $6, s, r, $6 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[]) AS a(b, k, h, s, r)
    ON CONFLICT DO NOTHING""";
  private static final String RELEASE = "DELETE FROM checkout.idempotency_keys WHERE buyer_id = $1 AND key = $2 AND status IS NULL";

  /** What a key already holds: its request's fingerprint and, once final, the answer. */
  public record Stored(String requestHash, Integer status, JsonObject response, UUID orderId) {
  }

  /** True when this call now owns the key: it was new, or its earlier attempt's marker lapsed. */
  public Future<Boolean> claim(SqlClient client, UUID buyerId, String key, String hash, Instant lockedUntil, Instant now) {
    return client.preparedQuery(CLAIM).execute(Tuple.of(buyerId, key, hash, utc(lockedUntil), utc(now)))
      .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture(true)
        : client.preparedQuery(TAKE_OVER).execute(Tuple.of(buyerId, key, hash, utc(lockedUntil), utc(now)))
          .map(taken -> taken.rowCount() == 1));
  }

  public Future<Optional<Stored>> find(SqlClient client, UUID buyerId, String key) {
    return client.preparedQuery(FIND).execute(Tuple.of(buyerId, key)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Stored(row.getString("request_hash"), row.getInteger("status"),
        row.getJsonObject("response"), row.getUUID("order_id")));
    });
  }

  public Future<Void> complete(SqlClient client, UUID buyerId, String key, int status, JsonObject response, UUID orderId) {
    return client.preparedQuery(COMPLETE).execute(Tuple.of(buyerId, key, status, response, orderId)).mapEmpty();
  }

  public static Tuple completion(UUID buyerId, String key, int status, JsonObject response, UUID orderId) {
    return Tuple.of(buyerId, key, status, response, orderId);
  }

  public Future<Void> completeAll(SqlClient tx, java.util.List<Tuple> completions) {
    return completions.isEmpty() ? Future.succeededFuture()
      : tx.preparedQuery(COMPLETE).executeBatch(completions).mapEmpty();
  }

  /** A final answer given without claiming its key first (a sold-out refusal), kept so that a replay repeats it. */
  public record Answer(UUID buyerId, String key, String requestHash, int status, JsonObject response) {
  }

  /** Stores answers for keys nobody claimed; a key claimed meanwhile keeps its own. */
  public Future<Void> rememberAll(SqlClient client, java.util.List<Answer> answers, Instant now) {
    return client.preparedQuery(REMEMBER).execute(Tuple.of(
        answers.stream().map(Answer::buyerId).toArray(UUID[]::new), answers.stream().map(Answer::key).toArray(String[]::new),
        answers.stream().map(Answer::requestHash).toArray(String[]::new),
        answers.stream().map(Answer::status).toArray(Integer[]::new),
        answers.stream().map(Answer::response).toArray(JsonObject[]::new), utc(now)))
      .mapEmpty();
  }

  public Future<Void> release(SqlClient client, UUID buyerId, String key) {
    return client.preparedQuery(RELEASE).execute(Tuple.of(buyerId, key)).mapEmpty();
  }
}
