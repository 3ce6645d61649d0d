package dev.tradewind.checkout.infra;

import dev.tradewind.checkout.domain.StockLevel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of fulfilment locations and stock levels. Rows of several SKUs are always locked in (sku, location) order. */
public final class StockRepository {
  private static final String INSERT_LOCATION = """
    INSERT INTO checkout.locations (id, merchant_id, name, country, is_default, created_at)
    VALUES ($1, $2, $3, $4, $5 AND NOT EXISTS (SELECT 1 FROM checkout.locations WHERE merchant_id = $2 AND is_default), $6)
    ON CONFLICT DO NOTHING RETURNING id, name, country, is_default, created_at""";
  private static final String LOCATIONS = """
    SELECT id, name, country, is_default, created_at FROM checkout.locations WHERE merchant_id = $1 ORDER BY created_at, id""";
  private static final String LOCATION = "SELECT id FROM checkout.locations WHERE id = $1 AND merchant_id = $2";
  private static final String DEFAULT_LOCATION = "SELECT id FROM checkout.locations WHERE merchant_id = $1 AND is_default";
  private static final String LEVEL_COLUMNS = """
    SELECT s.sku_id, s.location_id, s.merchant_id, l.country, s.on_hand, s.reserved, s.sold,
      coalesce(v.version, 0) AS version
    FROM checkout.stock s JOIN checkout.locations l ON l.id = s.location_id
    LEFT JOIN checkout.sku_stock_versions v ON v.sku_id = s.sku_id""";
  private static final String LEVELS = LEVEL_COLUMNS + " WHERE s.sku_id = $1 ORDER BY s.location_id";
  private static final String LEVELS_OF = LEVEL_COLUMNS + " WHERE s.sku_id = ANY($1) ORDER BY s.sku_id, s.location_id";
  private static final String LOCK_LEVELS = LEVELS_OF + " FOR UPDATE OF s";
  // Row locks cannot make two writers at new locations of one SKU see each other's rows, so the cap on the SKU's sum
  // is checked under a lock of its own, taken by on-hand writers only.
  private static final String SERIALIZE_ON_HAND_WRITES = "SELECT pg_advisory_xact_lock(hashtext('checkout.on-hand:' || $1))";
  private static final String SET_ON_HAND = """
    INSERT INTO checkout.stock (sku_id, location_id, merchant_id, on_hand, updated_at) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (sku_id, location_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
    WHERE checkout.stock.reserved <= EXCLUDED.on_hand RETURNING sku_id""";
  private static final String APPLY = """
    UPDATE checkout.stock s SET reserved = s.reserved + d.reserved, on_hand = s.on_hand + d.on_hand,
      sold = s.sold + d.sold, updated_at = $6
    FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[]) AS d(sku_id, location_id, reserved, on_hand, sold)
    WHERE s.sku_id = d.sku_id AND s.location_id = d.location_id""";
  private static final String ADJUST = APPLY + " AND s.on_hand - s.reserved >= -(d.on_hand - d.reserved)";
  /** The stock row's CHECK (reserved <= on_hand), named by PostgreSQL. */
  private static final String NEVER_NEGATIVE = "stock_check";
  // The StockChanged payload is built here, field for field the record's JSON, so that the version bump and its
  // event are one statement that needs nothing back from the previous one and can be sent behind it (the catalogue's
  // StockMirrorIT reads these events through Kafka into the record).
  private static final String ANNOUNCE = """
    WITH bumped AS (
      INSERT INTO checkout.sku_stock_versions (sku_id, version) SELECT unnest($1::uuid[]), 1
      ON CONFLICT (sku_id) DO UPDATE SET version = checkout.sku_stock_versions.version + 1 RETURNING sku_id, version),
    changed AS (
      SELECT b.sku_id, b.version, s.merchant_id, least(sum(s.on_hand - s.reserved), 2147483647)::int AS available,
        gen_random_uuid() AS event_id
      FROM bumped b JOIN checkout.stock s ON s.sku_id = b.sku_id GROUP BY b.sku_id, b.version, s.merchant_id),
    announced AS (
      INSERT INTO checkout.outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)
      SELECT c.event_id, $2, $3, c.sku_id::text, jsonb_build_object('eventId', c.event_id, 'occurredAt', $4::text,
        'aggregateId', c.sku_id::text, 'schemaVersion', 1, 'skuId', c.sku_id, 'merchantId', c.merchant_id,
        'available', c.available, 'version', c.version), $5, $6
      FROM changed c)
    SELECT sku_id, version, merchant_id, available FROM changed""";

  /** A change of one stock row: units added to (or, negative, taken from) each counter. */
  public record Delta(UUID skuId, UUID locationId, int reserved, int onHand, int sold) {
  }

  /** A SKU's availability after a change, with its new version. */
  public record Availability(UUID skuId, UUID merchantId, int available, long version) {
  }

  /** Creates a location; the merchant's first becomes its default. Empty when the name is taken. */
  public Future<Optional<JsonObject>> addLocation(SqlClient client, UUID id, UUID merchantId, String name, String country,
                                                  boolean makeDefault, Instant now) {
    return client.preparedQuery(INSERT_LOCATION).execute(Tuple.of(id, merchantId, name, country, makeDefault, utc(now)))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(location(rows.iterator().next())));
  }

  public Future<List<JsonObject>> locations(SqlClient client, UUID merchantId) {
    return client.preparedQuery(LOCATIONS).execute(Tuple.of(merchantId)).map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      rows.forEach(row -> out.add(location(row)));
      return out;
    });
  }

  public Future<Boolean> isLocationOf(SqlClient client, UUID locationId, UUID merchantId) {
    return client.preparedQuery(LOCATION).execute(Tuple.of(locationId, merchantId)).map(rows -> rows.size() > 0);
  }

  public Future<Optional<UUID>> defaultLocation(SqlClient client, UUID merchantId) {
    return client.preparedQuery(DEFAULT_LOCATION).execute(Tuple.of(merchantId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
  }

  public Future<List<StockLevel>> levels(SqlClient client, UUID skuId) {
    return client.preparedQuery(LEVELS).execute(Tuple.of(skuId)).map(StockRepository::levels);
  }

  /** The stock rows of these SKUs as last committed, without locking them. */
  public Future<List<StockLevel>> read(SqlClient client, List<UUID> skuIds) {
    return client.preparedQuery(LEVELS_OF).execute(Tuple.of(skuIds.stream().sorted().toArray(UUID[]::new)))
      .map(StockRepository::levels);
  }

  /** Locks the stock rows of these SKUs in (sku, location) order, the one order every writer uses. */
  public Future<List<StockLevel>> lock(SqlClient tx, List<UUID> skuIds) {
    return tx.preparedQuery(LOCK_LEVELS).execute(Tuple.of(skuIds.stream().sorted().toArray(UUID[]::new)))
      .map(StockRepository::levels);
  }

  /** Until the transaction ends, other writers of the SKU's on-hand figures wait for this one. */
  public Future<Void> serializeOnHandWrites(SqlClient tx, UUID skuId) {
    return tx.preparedQuery(SERIALIZE_ON_HAND_WRITES).execute(Tuple.of(skuId.toString())).mapEmpty();
  }

  /** False when the new figure is below what is reserved there (nothing written then). */
  public Future<Boolean> setOnHand(SqlClient tx, UUID skuId, UUID locationId, UUID merchantId, int onHand, Instant now) {
    return tx.preparedQuery(SET_ON_HAND).execute(Tuple.of(skuId, locationId, merchantId, onHand, utc(now)))
      .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Applies the deltas, each only if availability stays non-negative; answers how many rows changed, so a caller
   * that expected all of them can roll back.
   */
  public Future<Integer> adjust(SqlClient tx, List<Delta> deltas, Instant now) {
    return apply(tx, ADJUST, deltas, now);
  }

  /**
   * Applies the deltas in full, or fails the statement (and so its transaction) when one would leave a row with less
   * than nothing available: {@link #outOfStock}. For a transaction that commits without reading the answer first.
   */
  public Future<Void> applyOrFail(SqlClient tx, List<Delta> deltas, Instant now) {
    return apply(tx, APPLY, deltas, now).mapEmpty();
  }

  /** True when {@link #applyOrFail} found a delta that no longer fits. */
  public static boolean outOfStock(Throwable failure) {
    return failure instanceof PgException pg && "23514".equals(pg.getSqlState()) && NEVER_NEGATIVE.equals(pg.getConstraint());
  }

  private Future<Integer> apply(SqlClient tx, String sql, List<Delta> deltas, Instant now) {
    List<Delta> sorted = deltas.stream().sorted(java.util.Comparator.comparing(Delta::skuId)
      .thenComparing(Delta::locationId)).toList();
    return tx.preparedQuery(sql).execute(Tuple.of(
        sorted.stream().map(Delta::skuId).toArray(UUID[]::new), sorted.stream().map(Delta::locationId).toArray(UUID[]::new),
        sorted.stream().map(Delta::reserved).toArray(Integer[]::new), sorted.stream().map(Delta::onHand).toArray(Integer[]::new),
        sorted.stream().map(Delta::sold).toArray(Integer[]::new), utc(now)))
      .map(rows -> rows.rowCount());
  }

  /**
   * Bumps the version of each SKU and writes its StockChanged (the availability summed over the merchant's locations)
   * to the outbox under {@code topic} and {@code address}, in one statement; answers what it announced.
   */
  public Future<List<Availability>> announce(SqlClient tx, java.util.Collection<UUID> skuIds, String topic,
                                             String address, Instant now, String requestId) {
    return tx.preparedQuery(ANNOUNCE).execute(Tuple.of(skuIds.stream().distinct().sorted().toArray(UUID[]::new), topic,
        address, now.toString(), requestId, utc(now)))
      .map(rows -> {
        List<Availability> out = new ArrayList<>();
        rows.forEach(row -> out.add(new Availability(row.getUUID("sku_id"), row.getUUID("merchant_id"),
          row.getInteger("available"), row.getLong("version"))));
        return out;
      });
  }

  private static List<StockLevel> levels(io.vertx.sqlclient.RowSet<Row> rows) {
    List<StockLevel> out = new ArrayList<>();
    rows.forEach(row -> out.add(new StockLevel(row.getUUID("sku_id"), row.getUUID("location_id"),
      row.getUUID("merchant_id"), row.getString("country"), row.getInteger("on_hand"), row.getInteger("reserved"),
      row.getLong("sold"), row.getLong("version"))));
    return out;
  }

  private static JsonObject location(Row row) {
    return new JsonObject(Map.of("id", row.getUUID("id").toString(), "name", row.getString("name"),
      "country", row.getString("country"), "isDefault", row.getBoolean("is_default"),
      "createdAt", row.getOffsetDateTime("created_at").toInstant().toString()));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
