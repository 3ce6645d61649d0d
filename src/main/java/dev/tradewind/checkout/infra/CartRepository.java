package dev.tradewind.checkout.infra;

import dev.tradewind.checkout.domain.Cart;
import dev.tradewind.checkout.domain.CartItem;
import dev.tradewind.checkout.domain.CartLine;
import dev.tradewind.shared.money.CurrencyCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of carts, their lines and the idempotency keys of adds; and the one read of stock that carts need. */
public final class CartRepository {
  private static final String COLUMNS = "id, buyer_id, token_hash, currency, ship_to, status, expires_at";
  private static final String INSERT = """
    INSERT INTO checkout.carts (id, buyer_id, token_hash, currency, ship_to, status, created_at, updated_at, expires_at)
    VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $6, $7)
    ON CONFLICT (buyer_id) WHERE status = 'OPEN' DO NOTHING""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM checkout.carts WHERE id = $1";
  // Locks by updating: the row lock and the touch in one statement; the answer carries the expiry from before the touch.
  private static final String LOCK_AND_TOUCH = """
    UPDATE checkout.carts c SET updated_at = $2, expires_at = CASE WHEN c.buyer_id IS NULL THEN $3::timestamptz END
    FROM (SELECT id, expires_at FROM checkout.carts WHERE id = $1 FOR UPDATE) before
    WHERE c.id = before.id
    RETURNING c.id, c.buyer_id, c.token_hash, c.currency, c.ship_to, c.status, before.expires_at""";
  private static final String LOCK_AND_TOUCH_BUYERS_OPEN = """
    UPDATE checkout.carts SET updated_at = $2 WHERE buyer_id = $1 AND status = 'OPEN' RETURNING\s""" + COLUMNS;
  private static final String LOCK_GUEST_BY_TOKEN = "SELECT " + COLUMNS
    + " FROM checkout.carts WHERE token_hash = $1 AND status = 'OPEN' AND expires_at > $2 FOR UPDATE";
  private static final String CHANGE = """
    UPDATE checkout.carts SET currency = coalesce($2, currency),
      ship_to = CASE WHEN $3 THEN $4 ELSE ship_to END WHERE id = $1""";
  private static final String MARK_MERGED = """
    UPDATE checkout.carts SET status = 'MERGED', merged_into = $2, updated_at = $3 WHERE id = $1""";
  // A cart another transaction holds is passed over, not waited for: a placement batch carries many buyers, and one
  // buyer's cart (a second order from it in another batch, an edit) must not make all of them wait for that commit,
  // nor two batches deadlock over carts locked in different orders. The ones passed over (open in the statement's
  // snapshot and not closed by it; one another transaction closed meanwhile may be among them) are written down in the
  // same transaction, answered, and closed after the commit (CLOSE_LEFT_OPEN), which checks again under the lock.
  private static final String MARK_ORDERED = """
    WITH closed AS (UPDATE checkout.carts c SET status = 'ORDERED', updated_at = $2
        FROM (SELECT id FROM checkout.carts WHERE id = ANY($1) AND status = 'OPEN' FOR UPDATE SKIP LOCKED) open
        WHERE c.id = open.id RETURNING c.id),
      passed AS (SELECT id FROM checkout.carts WHERE id = ANY($1) AND status = 'OPEN' AND id NOT IN (SELECT id FROM closed)),
      written AS (INSERT INTO checkout.carts_left_open (cart_id, since) SELECT id, $2 FROM passed RETURNING id)
    SELECT id FROM written""";
  // Claims the given entries that no other closer works on and waits for whoever holds their carts, in cart id order
  // so that two closers cannot deadlock; answers the claimed entries, their carts all closed or no longer open.
  private static final String CLOSE_LEFT_OPEN = """
    WITH claimed AS (SELECT id, cart_id FROM checkout.carts_left_open WHERE id = ANY($1) FOR UPDATE SKIP LOCKED),
      closed AS (UPDATE checkout.carts c SET status = 'ORDERED', updated_at = $2
        FROM (SELECT id FROM checkout.carts WHERE id IN (SELECT cart_id FROM claimed) AND status = 'OPEN'
          ORDER BY id FOR UPDATE) open
        WHERE c.id = open.id)
    SELECT id FROM claimed""";
  // The sweep's: any entries, passing over the carts still held (the next sweep tries them again); answers the claimed
  // entries whose carts it closed or found no longer open.
  private static final String SWEEP_LEFT_OPEN = """
    WITH claimed AS (SELECT id, cart_id FROM checkout.carts_left_open ORDER BY since, id LIMIT $1 FOR UPDATE SKIP LOCKED),
      free AS (SELECT id FROM checkout.carts WHERE id IN (SELECT cart_id FROM claimed) AND status = 'OPEN'
        FOR UPDATE SKIP LOCKED),
      closed AS (UPDATE checkout.carts c SET status = 'ORDERED', updated_at = $2 FROM free WHERE c.id = free.id
        RETURNING c.id)
    SELECT id FROM claimed WHERE cart_id IN (SELECT id FROM closed)
      OR cart_id NOT IN (SELECT id FROM checkout.carts WHERE id IN (SELECT cart_id FROM claimed) AND status = 'OPEN')""";
  private static final String FORGET_LEFT_OPEN = "DELETE FROM checkout.carts_left_open WHERE id = ANY($1)";
  // A cart edit holds its cart for milliseconds; a close that waits longer gives up and leaves the cart to the sweep.
  private static final String CLOSE_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2s'";
  private static final String LINES = """
    SELECT id, sku_id, quantity FROM checkout.cart_lines WHERE cart_id = $1 ORDER BY added_at, id""";
  private static final String FIND_WITH_LINES = """
    SELECT c.id, c.buyer_id, c.token_hash, c.currency, c.ship_to, c.status, c.expires_at,
      l.id AS line_id, l.sku_id, l.quantity
    FROM checkout.carts c LEFT JOIN checkout.cart_lines l ON l.cart_id = c.id
    WHERE c.id = $1 ORDER BY l.added_at, l.id""";
  // The per-line cap is part of the statement, so two racing adds of one SKU sum and can never pass it.
  private static final String ADD = """
    INSERT INTO checkout.cart_lines AS l (id, cart_id, sku_id, quantity, added_at, updated_at)
    VALUES ($1, $2, $3, $4, $6, $6)
    ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = l.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
    WHERE l.quantity + EXCLUDED.quantity <= $5
    RETURNING id, sku_id, quantity""";
  private static final String PUT = """
    INSERT INTO checkout.cart_lines AS l (id, cart_id, sku_id, quantity, added_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $5)
    ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = EXCLUDED.updated_at""";
  private static final String SET_QUANTITY = """
    UPDATE checkout.cart_lines SET quantity = $3, updated_at = $4 WHERE cart_id = $1 AND id = $2""";
  private static final String DELETE_LINE = "DELETE FROM checkout.cart_lines WHERE cart_id = $1 AND id = $2";
  private static final String CLAIM_KEY = """
    INSERT INTO checkout.cart_idempotency_keys (cart_id, key, sku_id, quantity, created_at)
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING""";
  private static final String FIND_KEY = """
    SELECT sku_id, quantity, line_id FROM checkout.cart_idempotency_keys WHERE cart_id = $1 AND key = $2""";
  private static final String SET_KEY_LINE = """
    UPDATE checkout.cart_idempotency_keys SET line_id = $3 WHERE cart_id = $1 AND key = $2""";
  private static final String AVAILABLE = """
    SELECT sku_id, least(sum(on_hand - reserved), 2147483647)::int AS available FROM checkout.stock
    WHERE sku_id = ANY($1) GROUP BY sku_id""";
  private static final String DELETE_EXPIRED = """
    DELETE FROM checkout.carts WHERE id IN (SELECT id FROM checkout.carts WHERE buyer_id IS NULL AND expires_at <= $1
      ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)""";

  /** A stored Idempotency-Key: the add it stood for and the line it wrote. */
  public record IdempotentAdd(UUID skuId, int quantity, UUID lineId) {
  }

  /** Creates a cart; for a buyer who already has an open cart nothing is written and false is answered. */
  public Future<Boolean> insert(SqlClient client, Cart cart, Instant now) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[]{cart.id(), cart.buyerId(),
        cart.tokenHash() == null ? null : Buffer.buffer(cart.tokenHash()), cart.currency().code(), cart.shipTo(),
        at(now), at(cart.expiresAt())}))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<Optional<Cart>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(CartRepository::cart);
  }

  /** A cart and its lines (in the order they were added), read in one statement. */
  public record CartWithLines(Cart cart, List<CartLine> lines) {
  }

  public Future<Optional<CartWithLines>> findWithLines(SqlClient client, UUID id) {
    return client.preparedQuery(FIND_WITH_LINES).execute(Tuple.of(id)).map(rows -> cart(rows).map(cart -> {
      List<CartLine> lines = new ArrayList<>();
      rows.forEach(r -> {
        if (r.getUUID("line_id") != null) {
          lines.add(new CartLine(r.getUUID("line_id"), r.getUUID("sku_id"), r.getInteger("quantity")));
        }
      });
      return new CartWithLines(cart, lines);
    }));
  }

  /**
   * Locks the cart for a change and marks it changed now, a guest cart also living on until {@code guestExpiry};
   * answers the cart as it was before (its old expiry, for the access check). Inside a transaction that rolls back
   * when the check fails.
   */
  public Future<Optional<Cart>> lockAndTouch(SqlClient client, UUID id, Instant now, Instant guestExpiry) {
    return client.preparedQuery(LOCK_AND_TOUCH).execute(Tuple.of(id, at(now), at(guestExpiry))).map(CartRepository::cart);
  }

  /** Locks the buyer's open cart and marks it changed now. */
  public Future<Optional<Cart>> lockAndTouchOpenCartOf(SqlClient client, UUID buyerId, Instant now) {
    return client.preparedQuery(LOCK_AND_TOUCH_BUYERS_OPEN).execute(Tuple.of(buyerId, at(now))).map(CartRepository::cart);
  }

  public Future<Optional<Cart>> lockOpenGuestCart(SqlClient client, byte[] tokenHash, Instant now) {
    return client.preparedQuery(LOCK_GUEST_BY_TOKEN).execute(Tuple.of(Buffer.buffer(tokenHash), at(now)))
      .map(CartRepository::cart);
  }

  /** Sets the currency when one is given, and the destination (possibly to none) when {@code setShipTo}. */
  public Future<Void> change(SqlClient client, UUID id, CurrencyCode currency, boolean setShipTo, String shipTo) {
    return client.preparedQuery(CHANGE).execute(Tuple.of(id, currency == null ? null : currency.code(), setShipTo, shipTo))
      .mapEmpty();
  }

  public Future<Void> markMerged(SqlClient client, UUID guestCartId, UUID into, Instant now) {
    return client.preparedQuery(MARK_MERGED).execute(Tuple.of(guestCartId, into, at(now))).mapEmpty();
  }

  /**
   * Closes the open carts orders were just placed from that no other transaction holds, and answers the open ones it
   * passed over because another transaction held them as the entries it wrote down for {@link #closeLeftOpen}.
   */
  public Future<List<Long>> markOrdered(SqlClient client, List<UUID> cartIds, Instant now) {
    return client.preparedQuery(MARK_ORDERED).execute(Tuple.of(cartIds.toArray(UUID[]::new), at(now)))
      .map(CartRepository::entryIds);
  }

  /**
   * Closes the carts of the given entries, each once whoever holds it lets go, in a transaction of its own; answers
   * how many entries it settled. Fails when a holder keeps its cart past the lock timeout, leaving them to the sweep.
   */
  public Future<Integer> closeLeftOpen(Pool pool, List<Long> entryIds, Instant now) {
    return settleLeftOpen(pool, CLOSE_LEFT_OPEN, Tuple.of(entryIds.toArray(Long[]::new), at(now)));
  }

  /** Closes up to {@code limit} of any carts orders left open that nobody holds now; answers how many it settled. */
  public Future<Integer> sweepLeftOpen(Pool pool, int limit, Instant now) {
    return settleLeftOpen(pool, SWEEP_LEFT_OPEN, Tuple.of(limit, at(now)));
  }

  private static Future<Integer> settleLeftOpen(Pool pool, String close, Tuple args) {
    return pool.withTransaction(tx -> tx.query(CLOSE_LOCK_TIMEOUT).execute()
      .compose(set -> tx.preparedQuery(close).execute(args))
      .compose(rows -> {
        List<Long> settled = entryIds(rows);
        return settled.isEmpty() ? Future.succeededFuture(0) : tx.preparedQuery(FORGET_LEFT_OPEN)
          .execute(Tuple.of(settled.toArray(Long[]::new))).map(deleted -> settled.size());
      }));
  }

  private static List<Long> entryIds(RowSet<Row> rows) {
    List<Long> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.getLong(0)));
    return ids;
  }

  public Future<List<CartLine>> lines(SqlClient client, UUID cartId) {
    return client.preparedQuery(LINES).execute(Tuple.of(cartId)).map(rows -> {
      List<CartLine> out = new ArrayList<>();
      rows.forEach(r -> out.add(line(r)));
      return out;
    });
  }

  /** Adds units to the cart's line of a SKU (creating it); empty when the sum would pass {@code maxPerLine}. */
  public Future<Optional<CartLine>> add(SqlClient client, UUID cartId, CartItem item, int maxPerLine, Instant now) {
    return client.preparedQuery(ADD).execute(Tuple.from(new Object[]{UUID.randomUUID(), cartId, item.skuId(),
        item.quantity(), maxPerLine, at(now)}))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(line(rows.iterator().next())));
  }

  /** Sets the cart's line of a SKU to exactly this quantity (creating it). */
  public Future<Void> put(SqlClient client, UUID cartId, CartItem item, Instant now) {
    return client.preparedQuery(PUT).execute(Tuple.of(UUID.randomUUID(), cartId, item.skuId(), item.quantity(), at(now)))
      .mapEmpty();
  }

  public Future<Boolean> setQuantity(SqlClient client, UUID cartId, UUID lineId, int quantity, Instant now) {
    return client.preparedQuery(SET_QUANTITY).execute(Tuple.of(cartId, lineId, quantity, at(now)))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> deleteLine(SqlClient client, UUID cartId, UUID lineId) {
    return client.preparedQuery(DELETE_LINE).execute(Tuple.of(cartId, lineId)).map(rows -> rows.rowCount() == 1);
  }

  /** Records the key for this add; false when the cart already has it (a replay, or a duplicate running now). */
  public Future<Boolean> claimKey(SqlClient client, UUID cartId, String key, CartItem item, Instant now) {
    return client.preparedQuery(CLAIM_KEY).execute(Tuple.of(cartId, key, item.skuId(), item.quantity(), at(now)))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<IdempotentAdd> findKey(SqlClient client, UUID cartId, String key) {
    return client.preparedQuery(FIND_KEY).execute(Tuple.of(cartId, key)).map(rows -> {
      Row r = rows.iterator().next();
      return new IdempotentAdd(r.getUUID("sku_id"), r.getInteger("quantity"), r.getUUID("line_id"));
    });
  }

  public Future<Void> setKeyLine(SqlClient client, UUID cartId, String key, UUID lineId) {
    return client.preparedQuery(SET_KEY_LINE).execute(Tuple.of(cartId, key, lineId)).mapEmpty();
  }

  /** Units available to sell per SKU, over all locations; a SKU without stock rows is absent (none). */
  public Future<Map<UUID, Integer>> available(SqlClient client, List<UUID> skuIds) {
    return client.preparedQuery(AVAILABLE).execute(Tuple.of(skuIds.toArray(UUID[]::new))).map(rows -> {
      Map<UUID, Integer> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getUUID("sku_id"), r.getInteger("available")));
      return out;
    });
  }

  /** Deletes up to {@code limit} guest carts whose time ran out; answers how many. */
  public Future<Integer> deleteExpiredGuestCarts(SqlClient client, Instant now, int limit) {
    return client.preparedQuery(DELETE_EXPIRED).execute(Tuple.of(at(now), limit)).map(RowSet::rowCount);
  }

  private static Optional<Cart> cart(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    Buffer hash = r.getBuffer("token_hash");
    OffsetDateTime expires = r.getOffsetDateTime("expires_at");
    return Optional.of(new Cart(r.getUUID("id"), r.getUUID("buyer_id"), hash == null ? null : hash.getBytes(),
      CurrencyCode.of(r.getString("currency")), r.getString("ship_to"), "OPEN".equals(r.getString("status")),
      expires == null ? null : expires.toInstant()));
  }

  private static CartLine line(Row r) {
    return new CartLine(r.getUUID("id"), r.getUUID("sku_id"), r.getInteger("quantity"));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
