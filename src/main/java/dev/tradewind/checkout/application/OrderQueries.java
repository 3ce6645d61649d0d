package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.AmountDue;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** What buyers, merchants and admins read about orders; someone else's order or fulfilment is 404. */
public final class OrderQueries {
  public static final int MAX_LIMIT = 50;
  private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");
  private static final UUID MAX_ID = new UUID(-1L, -1L);

  private final Pool pool;
  private final OrderRepository orders;

  public OrderQueries(Pool pool, OrderRepository orders) {
    this.pool = pool;
    this.orders = orders;
  }

  public Future<JsonObject> buyerOrders(Caller caller, String cursor, int limit) {
    Object[] after = cursor(cursor);
    int capped = Math.min(Math.max(limit, 1), MAX_LIMIT);
    return orders.buyerPage(pool, UUID.fromString(caller.userId()), (Instant) after[0], (UUID) after[1], capped)
      .map(page -> page(page, capped, OrderView::of, o -> o.createdAt(), Order::id));
  }

  public Future<JsonObject> allOrders(String status, String cursor, int limit) {
    Object[] after = cursor(cursor);
    int capped = Math.min(Math.max(limit, 1), MAX_LIMIT);
    if (status != null) {
      try {
        OrderStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new ProblemException(Problem.invalidField("status", "enum", "status is not an order status"));
      }
    }
    return orders.page(pool, status, (Instant) after[0], (UUID) after[1], capped)
      .map(page -> page(page, capped, OrderView::of, Order::createdAt, Order::id));
  }

  public Future<JsonObject> merchantOrders(Caller caller, String cursor, int limit) {
    Object[] after = cursor(cursor);
    int capped = Math.min(Math.max(limit, 1), MAX_LIMIT);
    return orders.merchantPage(pool, UUID.fromString(caller.merchantId()), (Instant) after[0], (UUID) after[1], capped)
      .compose(refs -> orders.findAll(pool, refs.stream().map(OrderRepository.FulfilmentRef::orderId).distinct().toList())
        .map(found -> {
          Map<UUID, Order> byId = found.stream().collect(java.util.stream.Collectors.toMap(Order::id, o -> o));
          return page(refs, capped, ref -> OrderView.merchantView(byId.get(ref.orderId()), ref.fulfilmentId()),
            OrderRepository.FulfilmentRef::createdAt, OrderRepository.FulfilmentRef::fulfilmentId);
        }));
  }

  public Future<JsonObject> buyerOrder(Caller caller, UUID orderId) {
    return withTransitions(orderId, order -> ObjectAccess.requireOwner(caller, order.buyerId(), "order"));
  }

  /** Staff holding the permission were checked by the dispatcher; they see any order. */
  public Future<JsonObject> anyOrder(UUID orderId) {
    return withTransitions(orderId, order -> { });
  }

  public Future<JsonObject> merchantFulfilment(Caller caller, UUID fulfilmentId) {
    return orders.fulfilmentOwner(pool, fulfilmentId).compose(owner -> {
      UUID[] ids = owner.orElseThrow(() -> ObjectAccess.notFound("fulfilment"));
      ObjectAccess.requireMerchant(caller, ids[1], Permission.MERCHANT_READ, "fulfilment");
      return orders.find(pool, ids[0]).map(order -> OrderView.merchantView(order.orElseThrow(), fulfilmentId));
    });
  }

  public Future<AmountDue> amountDue(UUID orderId) {
    return orders.find(pool, orderId).map(found -> {
      Order order = found.orElseThrow(() -> ObjectAccess.notFound("order"));
      Money due = order.status() == OrderStatus.PENDING_PAYMENT ? order.dueNow() : Money.zero(order.dueNow().currency());
      return new AmountDue(order.id(), order.buyerId(), due, order.status().name());
    });
  }

  private Future<JsonObject> withTransitions(UUID orderId, java.util.function.Consumer<Order> access) {
    return orders.find(pool, orderId).compose(found -> {
      Order order = found.orElseThrow(() -> ObjectAccess.notFound("order"));
      access.accept(order);
      return orders.transitions(pool, orderId).map(transitions -> OrderView.withTransitions(order, transitions));
    });
  }

  private static <T> JsonObject page(List<T> items, int limit, Function<T, JsonObject> view, Function<T, Instant> at,
                                     Function<T, UUID> id) {
    String next = items.size() < limit ? null : encode(at.apply(items.get(items.size() - 1)), id.apply(items.get(items.size() - 1)));
    return new JsonObject().put("items", new JsonArray(items.stream().map(view).toList())).put("nextCursor", next);
  }

  private static String encode(Instant at, UUID id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static Object[] cursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new Object[]{END, MAX_ID};
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      return new Object[]{Instant.parse(parts[0]), UUID.fromString(parts[1])};
    } catch (RuntimeException e) {
      throw new ProblemException(Problem.invalidField("cursor", "format", "cursor is not one this API gave out"));
    }
  }
}
