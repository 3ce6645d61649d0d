package dev.tradewind.checkout.infra;

import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static dev.tradewind.checkout.infra.StockRepository.utc;

/** The SQL of orders, their fulfilments, lines, reservations and transitions. Writes of a batch go in pipelined batches. */
public final class OrderRepository {
  private static final String ORDER_COLUMNS = """
    o.id, o.buyer_id, o.quote_id, o.status, o.currency, o.due_now, o.note, o.shipping_address,
    o.reservation_expires_at, o.created_at, o.updated_at""";
  // Each table's rows of a batch go in one statement, as arrays: one execution per table instead of one per row. The
  // price, tax and FX snapshot is the quote's stored document, copied here rather than encoded again; numbers travel
  // as text so no rounding happens on the way.
  private static final String INSERT_ORDERS = """
    INSERT INTO checkout.orders (id, buyer_id, quote_id, status, currency, due_now, note, shipping_address, snapshot,
      reservation_expires_at, created_at, updated_at)
    SELECT a.id, a.buyer_id, q.id, a.status, a.currency, a.due_now::numeric, a.note, a.address::jsonb, q.document,
      a.expires_at, a.created_at, a.created_at
    FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
      $9::timestamptz[], $10::timestamptz[]) AS a(id, buyer_id, quote_id, status, currency, due_now, note, address,
      expires_at, created_at)
    JOIN checkout.quotes q ON q.id = a.quote_id""";
  private static final String INSERT_FULFILMENTS = """
    INSERT INTO checkout.fulfilments (id, order_id, merchant_id, status, amount, created_at, updated_at)
    SELECT a.id, a.order_id, a.merchant_id, a.status, a.amount::numeric, a.at, a.at
    FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[])
      AS a(id, order_id, merchant_id, status, amount, at)""";
  private static final String INSERT_LINES = """
    INSERT INTO checkout.order_lines (order_id, line_no, fulfilment_id, sku_id, product_id, merchant_id, title, quantity,
      unit_price, subtotal, location_id)
    SELECT a.order_id, a.line_no, a.fulfilment_id, a.sku_id, a.product_id, a.merchant_id, a.title, a.quantity,
      a.unit_price::numeric, a.subtotal::numeric, a.location_id
    FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::int[], $9::text[],
      $10::text[], $11::uuid[]) AS a(order_id, line_no, fulfilment_id, sku_id, product_id, merchant_id, title, quantity,
      unit_price, subtotal, location_id)""";
  private static final String INSERT_RESERVATIONS = """
    INSERT INTO checkout.reservations (order_id, fulfilment_id, sku_id, location_id, quantity, status, expires_at)
    SELECT a.order_id, a.fulfilment_id, a.sku_id, a.location_id, a.quantity, 'ACTIVE', a.expires_at
    FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::timestamptz[])
      AS a(order_id, fulfilment_id, sku_id, location_id, quantity, expires_at)""";
  // In the given order: an order's history is read back by id.
  private static final String INSERT_TRANSITIONS = """
    INSERT INTO checkout.order_transitions (order_id, fulfilment_id, from_status, to_status, actor_type, actor_id, reason, at)
    SELECT a.order_id, a.fulfilment_id, a.from_status, a.to_status, a.actor_type, a.actor_id, a.reason, a.at
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
      WITH ORDINALITY AS a(order_id, fulfilment_id, from_status, to_status, actor_type, actor_id, reason, at, n)
    ORDER BY a.n""";
  private static final String ORDERED_QUOTES = "SELECT quote_id FROM checkout.orders WHERE quote_id = ANY($1)";
  private static final String FIND = "SELECT " + ORDER_COLUMNS + " FROM checkout.orders o WHERE o.id = $1";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String FULFILMENTS = """
    SELECT id, order_id, merchant_id, status, amount, carrier, tracking_number FROM checkout.fulfilments
    WHERE order_id = ANY($1) ORDER BY order_id, merchant_id""";
  private static final String LINES = """
    SELECT order_id, fulfilment_id, sku_id, product_id, merchant_id, title, quantity, unit_price, subtotal, location_id
    FROM checkout.order_lines WHERE order_id = ANY($1) ORDER BY order_id, line_no""";
  private static final String BUYER_PAGE = "SELECT " + ORDER_COLUMNS + " FROM checkout.orders o WHERE o.buyer_id = $1"
    + " AND (o.created_at, o.id) < ($2, $3) ORDER BY o.created_at DESC, o.id DESC LIMIT $4";
  private static final String ALL_PAGE = "SELECT " + ORDER_COLUMNS + " FROM checkout.orders o WHERE ($1::text IS NULL OR o.status = $1)"
    + " AND (o.created_at, o.id) < ($2, $3) ORDER BY o.created_at DESC, o.id DESC LIMIT $4";
  private static final String MERCHANT_PAGE = """
    SELECT f.id AS fulfilment_id, f.order_id, f.created_at FROM checkout.fulfilments f WHERE f.merchant_id = $1
    AND (f.created_at, f.id) < ($2, $3) ORDER BY f.created_at DESC, f.id DESC LIMIT $4""";
  private static final String FULFILMENT_ORDER = "SELECT order_id, merchant_id FROM checkout.fulfilments WHERE id = $1";
  private static final String SET_ORDER_STATUS = "UPDATE checkout.orders SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String SET_FULFILMENT = """
    UPDATE checkout.fulfilments SET status = $2, updated_at = $3, carrier = coalesce($4, carrier),
      tracking_number = coalesce($5, tracking_number) WHERE id = $1""";
  private static final String TRANSITIONS = """
    SELECT fulfilment_id, from_status, to_status, actor_type, actor_id, reason, at FROM checkout.order_transitions
    WHERE order_id = $1 ORDER BY id""";
  private static final String LOCK_EXPIRABLE = """
    SELECT id FROM checkout.orders WHERE status = 'PENDING_PAYMENT' AND reservation_expires_at <= $1
      AND id <> ALL($3)
    ORDER BY reservation_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED""";
  private static final String RESERVATIONS_OF = """
    SELECT fulfilment_id, sku_id, location_id, quantity FROM checkout.reservations
    WHERE fulfilment_id = ANY($1) AND status = $2""";
  private static final String SET_RESERVATIONS_OF = """
    UPDATE checkout.reservations SET status = $3 WHERE fulfilment_id = ANY($1) AND status = $2""";
  private static final String SET_FULFILMENT_STATUSES = """
    UPDATE checkout.fulfilments SET status = $2, updated_at = $3 WHERE id = ANY($1)""";
  private static final String SET_ORDER_STATUSES = "UPDATE checkout.orders SET status = $2, updated_at = $3 WHERE id = ANY($1)";
  private static final String RESERVATIONS = """
    SELECT fulfilment_id, sku_id, location_id, quantity FROM checkout.reservations
    WHERE order_id = $1 AND fulfilment_id = ANY($2) AND status = $3""";
  private static final String SET_RESERVATIONS = """
    UPDATE checkout.reservations SET status = $4 WHERE order_id = $1 AND fulfilment_id = ANY($2) AND status = $3""";
  private static final String SNAPSHOT = "SELECT snapshot FROM checkout.orders WHERE id = $1";

  private static final Set<String> LOST_RACE = Set.of("40P01", "40001");

  /** True when the database gave up a transaction to break a deadlock or a serialization conflict: retryable. */
  public static boolean lostRace(Throwable failure) {
    return failure instanceof PgException pg && LOST_RACE.contains(pg.getSqlState());
  }

  /** True when another transaction has just ordered the same quote: retried, the batch answers 409 for it. */
  public static boolean quoteJustOrdered(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
      && "orders_quote_id_key".equals(pg.getConstraint());
  }

  /** A held or sold reservation. */
  public record Reservation(UUID fulfilmentId, UUID skuId, UUID locationId, int quantity) {
  }

  /** A fulfilment listed for its merchant. */
  public record FulfilmentRef(UUID fulfilmentId, UUID orderId, Instant createdAt) {
  }

  /** Inserts placed orders with their fulfilments, lines and reservations: one statement per table, sent together. */
  public Future<Void> insert(SqlClient tx, List<Order> orders) {
    if (orders.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Order.Fulfilment> fulfilments = new ArrayList<>();
    List<Order> fulfilmentOrders = new ArrayList<>();
    List<PlacedLine> lines = new ArrayList<>();
    Map<List<Object>, Integer> reserved = new LinkedHashMap<>();
    for (Order order : orders) {
      int lineNo = 0;
      for (Order.Fulfilment f : order.fulfilments()) {
        fulfilments.add(f);
        fulfilmentOrders.add(order);
        for (Order.Line line : f.lines()) {
          lines.add(new PlacedLine(order.id(), ++lineNo, f.id(), line));
          reserved.merge(List.of(order.id(), f.id(), line.skuId(), line.locationId(), order.reservationExpiresAt()),
            line.quantity(), Integer::sum);
        }
      }
    }
    var keys = List.copyOf(reserved.keySet());
    // Sent together: the connection runs them in this order, so each row's parent exists before it.
    return Future.all(List.of(
      tx.preparedQuery(INSERT_ORDERS).execute(Tuple.of(
        column(orders, Order::id, UUID[]::new), column(orders, Order::buyerId, UUID[]::new),
        column(orders, Order::quoteId, UUID[]::new), column(orders, o -> o.status().name(), String[]::new),
        column(orders, o -> o.dueNow().currency().code(), String[]::new),
        column(orders, o -> o.dueNow().amount().toPlainString(), String[]::new), column(orders, Order::note, String[]::new),
        column(orders, o -> Json.object(o.shippingAddress()).encode(), String[]::new),
        column(orders, o -> utc(o.reservationExpiresAt()), OffsetDateTime[]::new),
        column(orders, o -> utc(o.createdAt()), OffsetDateTime[]::new))),
      tx.preparedQuery(INSERT_FULFILMENTS).execute(Tuple.of(
        column(fulfilments, Order.Fulfilment::id, UUID[]::new), column(fulfilmentOrders, Order::id, UUID[]::new),
        column(fulfilments, Order.Fulfilment::merchantId, UUID[]::new),
        column(fulfilments, f -> f.status().name(), String[]::new),
        column(fulfilments, f -> f.amount().amount().toPlainString(), String[]::new),
        column(fulfilmentOrders, o -> utc(o.createdAt()), OffsetDateTime[]::new))),
      tx.preparedQuery(INSERT_LINES).execute(Tuple.tuple()
        .addArrayOfUUID(column(lines, PlacedLine::orderId, UUID[]::new))
        .addArrayOfInteger(column(lines, PlacedLine::lineNo, Integer[]::new))
        .addArrayOfUUID(column(lines, PlacedLine::fulfilmentId, UUID[]::new))
        .addArrayOfUUID(column(lines, l -> l.line().skuId(), UUID[]::new))
        .addArrayOfUUID(column(lines, l -> l.line().productId(), UUID[]::new))
        .addArrayOfUUID(column(lines, l -> l.line().merchantId(), UUID[]::new))
        .addArrayOfString(column(lines, l -> l.line().title(), String[]::new))
        .addArrayOfInteger(column(lines, l -> l.line().quantity(), Integer[]::new))
        .addArrayOfString(column(lines, l -> l.line().unitPrice().amount().toPlainString(), String[]::new))
        .addArrayOfString(column(lines, l -> l.line().subtotal().amount().toPlainString(), String[]::new))
        .addArrayOfUUID(column(lines, l -> l.line().locationId(), UUID[]::new))),
      tx.preparedQuery(INSERT_RESERVATIONS).execute(Tuple.of(
        column(keys, k -> (UUID) k.get(0), UUID[]::new), column(keys, k -> (UUID) k.get(1), UUID[]::new),
        column(keys, k -> (UUID) k.get(2), UUID[]::new), column(keys, k -> (UUID) k.get(3), UUID[]::new),
        column(keys, reserved::get, Integer[]::new), column(keys, k -> utc((Instant) k.get(4)), OffsetDateTime[]::new)))
    )).mapEmpty();
  }

  private record PlacedLine(UUID orderId, int lineNo, UUID fulfilmentId, Order.Line line) {
  }

  private static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
    C[] out = array.apply(rows.size());
    for (int i = 0; i < out.length; i++) {
      out[i] = value.apply(rows.get(i));
    }
    return out;
  }

  /** Appends order and fulfilment history in the order given, in one statement. */
  public Future<Void> recordTransitions(SqlClient tx, List<Transition> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(INSERT_TRANSITIONS).execute(Tuple.of(
      column(rows, Transition::orderId, UUID[]::new), column(rows, Transition::fulfilmentId, UUID[]::new),
      column(rows, t -> t.from() == null ? null : t.from().name(), String[]::new),
      column(rows, t -> t.to().name(), String[]::new), column(rows, Transition::actorType, String[]::new),
      column(rows, Transition::actorId, String[]::new), column(rows, Transition::reason, String[]::new),
      column(rows, t -> utc(t.at()), OffsetDateTime[]::new))).mapEmpty();
  }

  /** One step of an order's (fulfilmentId null) or a fulfilment's history. */
  public record Transition(UUID orderId, UUID fulfilmentId, OrderStatus from, OrderStatus to, String actorType,
                           String actorId, String reason, Instant at) {
  }

  public static Transition transition(UUID orderId, UUID fulfilmentId, OrderStatus from, OrderStatus to, String actorType,
                                      String actorId, String reason, Instant at) {
    return new Transition(orderId, fulfilmentId, from, to, actorType, actorId, reason, at);
  }

  public Future<Set<UUID>> orderedQuotes(SqlClient tx, List<UUID> quoteIds) {
    return tx.preparedQuery(ORDERED_QUOTES).execute(Tuple.of(quoteIds.toArray(UUID[]::new)))
      .map(rows -> {
        Set<UUID> out = new java.util.HashSet<>();
        rows.forEach(row -> out.add(row.getUUID("quote_id")));
        return out;
      });
  }

  public Future<Optional<Order>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).compose(rows -> withChildren(client, rows))
      .map(orders -> orders.stream().findFirst());
  }

  /** Locks the order row for a status change; every change of an order or its fulfilments takes this lock first. */
  public Future<Optional<Order>> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).compose(rows -> withChildren(tx, rows))
      .map(orders -> orders.stream().findFirst());
  }

  public Future<Optional<Quote>> snapshot(SqlClient client, UUID orderId) {
    return client.preparedQuery(SNAPSHOT).execute(Tuple.of(orderId)).map(rows -> rows.size() == 0 ? Optional.empty()
      : Optional.of(Json.convert(rows.iterator().next().getJsonObject("snapshot"), Quote.class)));
  }

  public Future<List<Order>> buyerPage(SqlClient client, UUID buyerId, Instant before, UUID beforeId, int limit) {
    return client.preparedQuery(BUYER_PAGE).execute(Tuple.of(buyerId, utc(before), beforeId, limit))
      .compose(rows -> withChildren(client, rows));
  }

  public Future<List<Order>> page(SqlClient client, String status, Instant before, UUID beforeId, int limit) {
    return client.preparedQuery(ALL_PAGE).execute(Tuple.of(status, utc(before), beforeId, limit))
      .compose(rows -> withChildren(client, rows));
  }

  public Future<List<FulfilmentRef>> merchantPage(SqlClient client, UUID merchantId, Instant before, UUID beforeId, int limit) {
    return client.preparedQuery(MERCHANT_PAGE).execute(Tuple.of(merchantId, utc(before), beforeId, limit)).map(rows -> {
      List<FulfilmentRef> out = new ArrayList<>();
      rows.forEach(row -> out.add(new FulfilmentRef(row.getUUID("fulfilment_id"), row.getUUID("order_id"),
        row.getOffsetDateTime("created_at").toInstant())));
      return out;
    });
  }

  public Future<List<Order>> findAll(SqlClient client, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery("SELECT " + ORDER_COLUMNS + " FROM checkout.orders o WHERE o.id = ANY($1)")
      .execute(Tuple.of(ids.toArray(UUID[]::new))).compose(rows -> withChildren(client, rows));
  }

  /** The order a fulfilment belongs to and its merchant, if it exists. */
  public Future<Optional<UUID[]>> fulfilmentOwner(SqlClient client, UUID fulfilmentId) {
    return client.preparedQuery(FULFILMENT_ORDER).execute(Tuple.of(fulfilmentId)).map(rows -> rows.size() == 0
      ? Optional.empty()
      : Optional.of(new UUID[]{rows.iterator().next().getUUID("order_id"), rows.iterator().next().getUUID("merchant_id")}));
  }

  public Future<Void> setOrderStatus(SqlClient tx, UUID orderId, OrderStatus status, Instant now) {
    return tx.preparedQuery(SET_ORDER_STATUS).execute(Tuple.of(orderId, status.name(), utc(now))).mapEmpty();
  }

  public Future<Void> setFulfilmentStatus(SqlClient tx, UUID fulfilmentId, OrderStatus status, String carrier,
                                          String trackingNumber, Instant now) {
    return tx.preparedQuery(SET_FULFILMENT).execute(Tuple.of(fulfilmentId, status.name(), utc(now), carrier, trackingNumber))
      .mapEmpty();
  }

  public Future<List<Order.Transition>> transitions(SqlClient client, UUID orderId) {
    return client.preparedQuery(TRANSITIONS).execute(Tuple.of(orderId)).map(rows -> {
      List<Order.Transition> out = new ArrayList<>();
      rows.forEach(row -> out.add(new Order.Transition(row.getUUID("fulfilment_id"), row.getString("from_status"),
        row.getString("to_status"), row.getString("actor_type"), row.getString("actor_id"), row.getString("reason"),
        row.getOffsetDateTime("at").toInstant())));
      return out;
    });
  }

  /**
   * Locks up to {@code limit} lapsed unpaid orders, oldest first, skipping those another transaction holds: several
   * sweepers take disjoint batches and never wait for each other.
   */
  /** Up to {@code limit} lapsed unpaid orders, oldest first, none of {@code passedOver} and none another holds. */
  public Future<List<UUID>> lockExpirable(SqlClient tx, Instant now, int limit, Collection<UUID> passedOver) {
    return tx.preparedQuery(LOCK_EXPIRABLE).execute(Tuple.of(utc(now), limit, passedOver.toArray(UUID[]::new))).map(rows -> {
      List<UUID> out = new ArrayList<>();
      rows.forEach(row -> out.add(row.getUUID("id")));
      return out;
    });
  }

  /** The reservations of these fulfilments (of any orders) in this status. */
  public Future<List<Reservation>> reservationsOf(SqlClient tx, List<UUID> fulfilmentIds, String status) {
    return tx.preparedQuery(RESERVATIONS_OF).execute(Tuple.of(fulfilmentIds.toArray(UUID[]::new), status))
      .map(rows -> {
        List<Reservation> out = new ArrayList<>();
        rows.forEach(row -> out.add(new Reservation(row.getUUID("fulfilment_id"), row.getUUID("sku_id"),
          row.getUUID("location_id"), row.getInteger("quantity"))));
        return out;
      });
  }

  public Future<Void> setReservationsOf(SqlClient tx, List<UUID> fulfilmentIds, String from, String to) {
    return tx.preparedQuery(SET_RESERVATIONS_OF).execute(Tuple.of(fulfilmentIds.toArray(UUID[]::new), from, to))
      .mapEmpty();
  }

  public Future<Void> setFulfilmentStatuses(SqlClient tx, List<UUID> fulfilmentIds, OrderStatus status, Instant now) {
    return tx.preparedQuery(SET_FULFILMENT_STATUSES).execute(Tuple.of(fulfilmentIds.toArray(UUID[]::new), status.name(),
      utc(now))).mapEmpty();
  }

  public Future<Void> setOrderStatuses(SqlClient tx, List<UUID> orderIds, OrderStatus status, Instant now) {
    return tx.preparedQuery(SET_ORDER_STATUSES).execute(Tuple.of(orderIds.toArray(UUID[]::new), status.name(), utc(now)))
      .mapEmpty();
  }

  public Future<List<Reservation>> reservations(SqlClient tx, UUID orderId, List<UUID> fulfilmentIds, String status) {
    return tx.preparedQuery(RESERVATIONS).execute(Tuple.of(orderId, fulfilmentIds.toArray(UUID[]::new), status))
      .map(rows -> {
        List<Reservation> out = new ArrayList<>();
        rows.forEach(row -> out.add(new Reservation(row.getUUID("fulfilment_id"), row.getUUID("sku_id"),
          row.getUUID("location_id"), row.getInteger("quantity"))));
        return out;
      });
  }

  public Future<Void> setReservations(SqlClient tx, UUID orderId, List<UUID> fulfilmentIds, String from, String to) {
    return tx.preparedQuery(SET_RESERVATIONS).execute(Tuple.of(orderId, fulfilmentIds.toArray(UUID[]::new), from, to))
      .mapEmpty();
  }

  private Future<List<Order>> withChildren(SqlClient client, RowSet<Row> orderRows) {
    List<Row> rows = new ArrayList<>();
    orderRows.forEach(rows::add);
    if (rows.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    UUID[] ids = rows.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
    return client.preparedQuery(FULFILMENTS).execute(Tuple.of((Object) ids))
      .compose(fulfilments -> client.preparedQuery(LINES).execute(Tuple.of((Object) ids))
        .map(lines -> assemble(rows, fulfilments, lines)));
  }

  private static List<Order> assemble(List<Row> orders, RowSet<Row> fulfilmentRows, RowSet<Row> lineRows) {
    Map<UUID, List<Order.Line>> linesByFulfilment = new LinkedHashMap<>();
    Map<UUID, String> currencyOf = orders.stream().collect(Collectors.toMap(r -> r.getUUID("id"), r -> r.getString("currency")));
    lineRows.forEach(row -> {
      CurrencyCode currency = CurrencyCode.of(currencyOf.get(row.getUUID("order_id")));
      linesByFulfilment.computeIfAbsent(row.getUUID("fulfilment_id"), k -> new ArrayList<>()).add(new Order.Line(
        row.getUUID("sku_id"), row.getUUID("product_id"), row.getUUID("merchant_id"), row.getString("title"),
        row.getInteger("quantity"), money(row.getBigDecimal("unit_price"), currency),
        money(row.getBigDecimal("subtotal"), currency), row.getUUID("location_id")));
    });
    Map<UUID, List<Order.Fulfilment>> fulfilmentsByOrder = new LinkedHashMap<>();
    fulfilmentRows.forEach(row -> {
      CurrencyCode currency = CurrencyCode.of(currencyOf.get(row.getUUID("order_id")));
      fulfilmentsByOrder.computeIfAbsent(row.getUUID("order_id"), k -> new ArrayList<>()).add(new Order.Fulfilment(
        row.getUUID("id"), row.getUUID("merchant_id"), OrderStatus.valueOf(row.getString("status")),
        money(row.getBigDecimal("amount"), currency), row.getString("carrier"), row.getString("tracking_number"),
        linesByFulfilment.getOrDefault(row.getUUID("id"), List.of())));
    });
    return orders.stream().map(row -> {
      CurrencyCode currency = CurrencyCode.of(row.getString("currency"));
      return new Order(row.getUUID("id"), row.getUUID("buyer_id"), row.getUUID("quote_id"),
        OrderStatus.valueOf(row.getString("status")), money(row.getBigDecimal("due_now"), currency),
        Json.convert(row.getJsonObject("shipping_address"), Address.class), row.getString("note"),
        row.getOffsetDateTime("reservation_expires_at").toInstant(), row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant(), fulfilmentsByOrder.getOrDefault(row.getUUID("id"), List.of()));
    }).toList();
  }

  private static Money money(java.math.BigDecimal amount, CurrencyCode currency) {
    return Money.of(amount.setScale(currency.minorUnits(), java.math.RoundingMode.UNNECESSARY), currency);
  }
}
