package dev.tradewind.checkout.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.tradewind.checkout.infra.StockRepository.utc;

/**
 * The SQL of idempotency keys. A placement stores its key with the final answer in the transaction that places the
 * order (claiming it first in that transaction when it has lost a race), so a committed key row always holds a final
 * answer and a crash leaves nothing half-claimed.
 */
public final class IdempotencyRepository {
  private static final String CLAIM_ALL = """
    INSERT INTO checkout.idempotency_keys (buyer_id, key, request_hash, locked_until, created_at)
    SELECT b, k, h, $4, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS a(b, k, h) ORDER BY b, k
    ON CONFLICT DO NOTHING RETURNING buyer_id, key""";
  private static final String FIND_ALL = """
    SELECT buyer_id, key, request_hash, status, response, order_id FROM checkout.idempotency_keys
    WHERE (buyer_id, key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))""";
  private static final String COMPLETE_ALL = """
    UPDATE checkout.idempotency_keys i SET status = a.s, response = a.r, order_id = a.o
    FROM unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[], $5::uuid[]) AS a(b, k, s, r, o)
    WHERE i.buyer_id = a.b AND i.key = a.k""";
  private static final String INSERT_ANSWERED = """
    INSERT INTO checkout.idempotency_keys (buyer_id, key, request_hash, locked_until, status, response, order_id, created_at)
    SELECT b, k, h, $7, s, r, o, $7
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::uuid[]) AS a(b, k, h, s, r, o)
    ORDER BY b, k""";
  private static final String KEYS_PRIMARY_KEY = "idempotency_keys_pkey";
  private static final String REMEMBER = """
    INSERT INTO checkout.idempotency_keys (buyer_id, key, request_hash, locked_until, status, response, created_at)
    SELECT b, k, h, $6, s, r, $6 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[]) AS a(b, k, h, s, r)
    ON CONFLICT DO NOTHING""";

  /** A buyer's key. */
  public record KeyRef(UUID buyerId, String key) {
  }

  /** A key to claim for a request with this fingerprint. */
  public record Claim(UUID buyerId, String key, String requestHash) {
  }

  /** A final answer stored with its key. */
  public record Completion(UUID buyerId, String key, String requestHash, int status, JsonObject response, UUID orderId) {
  }

  /** What a key already holds: its request's fingerprint and, once final, the answer. */
  public record Stored(String requestHash, Integer status, JsonObject response, UUID orderId) {
  }

  /**
   * Claims the keys in the caller's transaction, in (buyer, key) order so two batches cannot wait on each other; a
   * key another transaction holds is waited for, then not claimed. Returns the claimed ones.
   */
  public Future<Set<Claim>> claimAll(SqlClient tx, List<Claim> claims, Instant now) {
    if (claims.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    Map<List<Object>, Claim> byKey = new HashMap<>();
    claims.forEach(c -> byKey.put(List.of(c.buyerId(), c.key()), c));
    return tx.preparedQuery(CLAIM_ALL).execute(Tuple.of(claims.stream().map(Claim::buyerId).toArray(UUID[]::new),
        claims.stream().map(Claim::key).toArray(String[]::new), claims.stream().map(Claim::requestHash).toArray(String[]::new),
        utc(now)))
      .map(rows -> {
        Set<Claim> claimed = new HashSet<>();
        rows.forEach(row -> claimed.add(byKey.get(List.of(row.getUUID("buyer_id"), row.getString("key")))));
        return claimed;
      });
  }

  /** What the keys hold, for those that exist. */
  public Future<Map<KeyRef, Stored>> findAll(SqlClient client, List<KeyRef> refs) {
    return client.preparedQuery(FIND_ALL).execute(Tuple.tuple()
        .addArrayOfUUID(refs.stream().map(KeyRef::buyerId).toArray(UUID[]::new))
        .addArrayOfString(refs.stream().map(KeyRef::key).toArray(String[]::new)))
      .map(rows -> {
        Map<KeyRef, Stored> found = new HashMap<>();
        rows.forEach(row -> found.put(new KeyRef(row.getUUID("buyer_id"), row.getString("key")),
          new Stored(row.getString("request_hash"), row.getInteger("status"), row.getJsonObject("response"),
            row.getUUID("order_id"))));
        return found;
      });
  }

  public Future<Void> completeAll(SqlClient tx, List<Completion> completions) {
    if (completions.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(COMPLETE_ALL).execute(Tuple.of(
        completions.stream().map(Completion::buyerId).toArray(UUID[]::new),
        completions.stream().map(Completion::key).toArray(String[]::new),
        completions.stream().map(Completion::status).toArray(Integer[]::new),
        completions.stream().map(Completion::response).toArray(JsonObject[]::new),
        completions.stream().map(Completion::orderId).toArray(UUID[]::new)))
      .mapEmpty();
  }

  /**
   * Stores the keys with their final answers in the caller's transaction without claiming them first, in (buyer, key)
   * order. A key another transaction holds or has stored fails the transaction ({@link #keyTaken}) after waiting for
   * it: for a placement that decided on the assumption that it owned every key of its batch.
   */
  public Future<Void> insertAnswered(SqlClient tx, List<Completion> completions, Instant now) {
    if (completions.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(INSERT_ANSWERED).execute(Tuple.of(
        completions.stream().map(Completion::buyerId).toArray(UUID[]::new),
        completions.stream().map(Completion::key).toArray(String[]::new),
        completions.stream().map(Completion::requestHash).toArray(String[]::new),
        completions.stream().map(Completion::status).toArray(Integer[]::new),
        completions.stream().map(Completion::response).toArray(JsonObject[]::new),
        completions.stream().map(Completion::orderId).toArray(UUID[]::new), utc(now)))
      .mapEmpty();
  }

  /** True when {@link #insertAnswered} met a key that another request had taken. */
  public static boolean keyTaken(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
      && KEYS_PRIMARY_KEY.equals(pg.getConstraint());
  }

  /** A final answer given without claiming its key first (a sold-out refusal), kept so that a replay repeats it. */
  public record Answer(UUID buyerId, String key, String requestHash, int status, JsonObject response) {
  }

  /** Stores answers for keys nobody claimed; a key claimed meanwhile keeps its own. */
  public Future<Void> rememberAll(SqlClient client, List<Answer> answers, Instant now) {
    return client.preparedQuery(REMEMBER).execute(Tuple.of(
        answers.stream().map(Answer::buyerId).toArray(UUID[]::new), answers.stream().map(Answer::key).toArray(String[]::new),
        answers.stream().map(Answer::requestHash).toArray(String[]::new),
        answers.stream().map(Answer::status).toArray(Integer[]::new),
        answers.stream().map(Answer::response).toArray(JsonObject[]::new), utc(now)))
      .mapEmpty();
  }
}
