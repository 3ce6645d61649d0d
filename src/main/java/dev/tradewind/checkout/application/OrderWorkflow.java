package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.FulfilmentReadyToShip;
import dev.tradewind.checkout.contract.FulfilmentShipped;
import dev.tradewind.checkout.contract.OrderCancelled;
import dev.tradewind.checkout.contract.OrderDelivered;
import dev.tradewind.checkout.contract.OrderExpired;
import dev.tradewind.checkout.contract.OrderPaid;
import dev.tradewind.checkout.domain.IllegalTransitionException;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.checkout.domain.OrderLifecycle;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Moves orders and fulfilments through their lifecycle, one transaction each: lock the order row, check the move
 * against the state machine, apply its stock effect (locking stock rows in (sku, location) order), store the new
 * statuses and the transitions with actor and reason, and write the events. Every actor goes through {@link #apply}.
 */
public final class OrderWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(OrderWorkflow.class);

  private final ContextRuntime runtime;
  private final OrderRepository orders;
  private final StockRepository stock;
  private final StockEvents stockEvents;
  private final Clock clock;

  /** Who moves the order: BUYER, MERCHANT, ADMIN, PAYMENTS, LOGISTICS or SYSTEM, and their id. */
  public record Actor(String type, String id) {
  }

  /** One move: which fulfilments (null = every live one), the action, why, and shipping facts for SHIP. */
  public record Move(OrderAction action, UUID fulfilmentId, Actor actor, String reason, String carrier,
                     String trackingNumber) {
    public static Move of(OrderAction action, Actor actor, String reason) {
      return new Move(action, null, actor, reason, null, null);
    }
  }

  public OrderWorkflow(ContextRuntime runtime, OrderRepository orders, StockRepository stock, StockEvents stockEvents, Clock clock) {
    this.runtime = runtime;
    this.orders = orders;
    this.stock = stock;
    this.stockEvents = stockEvents;
    this.clock = clock;
  }

  /**
   * Applies the move after {@code access} accepted the locked order (it throws 404 otherwise). A transaction the
   * database gave up to break a deadlock is tried once more, then answered 503 (retryable).
   */
  public Future<Order> apply(UUID orderId, Move move, Consumer<Order> access, String requestId) {
    return apply(orderId, move, access, tx -> Future.succeededFuture(), requestId);
  }

  /** The same, writing {@code alongside} (an audit entry, say) in the move's own transaction. */
  public Future<Order> apply(UUID orderId, Move move, Consumer<Order> access,
                             Function<SqlConnection, Future<Void>> alongside, String requestId) {
    return attempt(orderId, move, access, alongside, requestId)
      .recover(failure -> {
        if (!OrderRepository.lostRace(failure)) {
          return Future.failedFuture(failure);
        }
        LOG.warn("order {}: {} lost a race in the database ({}), trying once more", orderId, move.action(),
          failure.getMessage());
        return attempt(orderId, move, access, alongside, requestId);
      })
      .onSuccess(v -> runtime.outboxCommitted())
      .recover(failure -> Future.failedFuture(problem(failure)));
  }

  private Future<Order> attempt(UUID orderId, Move move, Consumer<Order> access,
                                Function<SqlConnection, Future<Void>> alongside, String requestId) {
    return runtime.pool().withTransaction(tx -> orders.lock(tx, orderId).compose(found -> {
      Order order = found.orElseThrow(() -> ObjectAccess.notFound("order"));
      access.accept(order);
      return apply(tx, order, move, requestId).compose(moved -> alongside.apply(tx).map(moved));
    }));
  }

  private static Throwable problem(Throwable failure) {
    if (failure instanceof IllegalTransitionException illegal) {
      return new ProblemException(ProblemType.CONFLICT, illegal.getMessage());
    }
    if (OrderRepository.lostRace(failure)) {
      return new ProblemException(ProblemType.UNAVAILABLE, "The order is busy just now; retry shortly.");
    }
    return failure;
  }

  /**
   * Applies an event's effect once per event id: the consumer's inbox row is written in the effect's own
   * transaction, so a failed effect leaves the event to be redelivered and a committed one is never applied twice.
   */
  public Future<Void> once(String consumer, UUID eventId, Function<SqlConnection, Future<Void>> effect) {
    return runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, consumer, eventId)
        .compose(first -> first ? effect.apply(tx) : Future.<Void>succeededFuture()))
      .onSuccess(v -> runtime.outboxCommitted());
  }

  /**
   * In the caller's transaction: moves the locked order when {@code objection} finds nothing against it (null) and
   * the move is legal; otherwise records why not as a note on the order. An unknown order is left alone.
   */
  public Future<Void> applyOrNote(SqlConnection tx, UUID orderId, Move move, Function<Order, String> objection,
                                  String requestId) {
    return orders.lock(tx, orderId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      Order order = found.get();
      String objected = objection.apply(order);
      if (objected != null) {
        return note(tx, order, move.actor(), objected);
      }
      try {
        return apply(tx, order, move, requestId).mapEmpty();
      } catch (IllegalTransitionException illegal) {
        return note(tx, order, move.actor(), move.reason() + ", not applied: " + illegal.getMessage());
      }
    });
  }

  /** Records a note on the order without moving it (a failed payment, a capture that does not match). */
  public Future<Void> note(SqlConnection tx, UUID orderId, Actor actor, String reason) {
    return orders.lock(tx, orderId).compose(found -> found.isEmpty() ? Future.succeededFuture()
      : note(tx, found.get(), actor, reason));
  }

  private Future<Void> note(SqlConnection tx, Order order, Actor actor, String reason) {
    return orders.recordTransitions(tx, List.of(OrderRepository.transition(order.id(), null, order.status(),
      order.status(), actor.type(), actor.id(), reason, clock.instant())));
  }

  Future<Order> apply(SqlConnection tx, Order order, Move move, String requestId) {
    Instant now = clock.instant();
    List<Order.Fulfilment> targets = targets(order, move);
    Map<UUID, OrderStatus> next = new HashMap<>();
    targets.forEach(f -> next.put(f.id(), OrderLifecycle.next(f.status(), move.action())));
    List<OrderStatus> after = order.fulfilments().stream().map(f -> next.getOrDefault(f.id(), f.status())).toList();
    OrderStatus orderAfter = OrderLifecycle.orderStatus(after);
    List<OrderRepository.Transition> transitions = new ArrayList<>();
    targets.forEach(f -> transitions.add(OrderRepository.transition(order.id(), f.id(), f.status(), next.get(f.id()),
      move.actor().type(), move.actor().id(), move.reason(), now)));
    if (orderAfter != order.status()) {
      transitions.add(OrderRepository.transition(order.id(), null, order.status(), orderAfter, move.actor().type(),
        move.actor().id(), move.reason(), now));
    }
    return stockEffect(tx, order, targets, move.action(), now, requestId)
      .compose(v -> Future.all(targets.stream().map(f -> orders.setFulfilmentStatus(tx, f.id(), next.get(f.id()),
        move.carrier(), move.trackingNumber(), now)).toList()))
      .compose(v -> orders.setOrderStatus(tx, order.id(), orderAfter, now))
      .compose(v -> orders.recordTransitions(tx, transitions))
      .compose(v -> events(tx, order, targets, move, orderAfter, now, requestId))
      .compose(v -> orders.find(tx, order.id())).map(java.util.Optional::orElseThrow);
  }

  private static List<Order.Fulfilment> targets(Order order, Move move) {
    if (move.fulfilmentId() != null) {
      return order.fulfilments().stream().filter(f -> f.id().equals(move.fulfilmentId())).toList();
    }
    List<Order.Fulfilment> live = order.fulfilments().stream()
      .filter(f -> f.status() != OrderStatus.CANCELLED && f.status() != OrderStatus.EXPIRED).toList();
    if (live.isEmpty()) {
      throw new IllegalTransitionException(order.status(), move.action());
    }
    return live;
  }

  /** Payment sells the reservation; cancelling or expiring before payment releases it; after payment returns it. */
  private Future<Void> stockEffect(SqlConnection tx, Order order, List<Order.Fulfilment> targets, OrderAction action,
                                   Instant now, String requestId) {
    boolean cancelling = action == OrderAction.BUYER_CANCEL || action == OrderAction.MERCHANT_CANCEL
      || action == OrderAction.EXPIRE;
    if (action != OrderAction.PAY && !cancelling) {
      return Future.succeededFuture();
    }
    List<UUID> unpaid = targets.stream().filter(f -> f.status() == OrderStatus.PENDING_PAYMENT).map(Order.Fulfilment::id).toList();
    List<UUID> paid = targets.stream().filter(f -> f.status() != OrderStatus.PENDING_PAYMENT).map(Order.Fulfilment::id).toList();
    if (action == OrderAction.PAY) {
      return change(tx, order.id(), unpaid, "ACTIVE", "CONSUMED", r -> new StockRepository.Delta(r.skuId(),
        r.locationId(), -r.quantity(), -r.quantity(), r.quantity()), false, now, requestId);
    }
    return change(tx, order.id(), unpaid, "ACTIVE", "RELEASED", r -> new StockRepository.Delta(r.skuId(),
        r.locationId(), -r.quantity(), 0, 0), true, now, requestId)
      .compose(v -> change(tx, order.id(), paid, "CONSUMED", "RETURNED", r -> new StockRepository.Delta(r.skuId(),
        r.locationId(), 0, r.quantity(), -r.quantity()), true, now, requestId));
  }

  private Future<Void> change(SqlConnection tx, UUID orderId, List<UUID> fulfilmentIds, String from, String to,
                              java.util.function.Function<OrderRepository.Reservation, StockRepository.Delta> delta,
                              boolean availabilityChanges, Instant now, String requestId) {
    if (fulfilmentIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return orders.reservations(tx, orderId, fulfilmentIds, from).compose(reservations -> {
      if (reservations.isEmpty()) {
        return Future.succeededFuture();
      }
      List<UUID> skus = reservations.stream().map(OrderRepository.Reservation::skuId).distinct().toList();
      List<StockRepository.Delta> deltas = reservations.stream().map(delta).toList();
      return stock.lock(tx, skus)
        .compose(locked -> stock.adjust(tx, deltas, now))
        .compose(changed -> orders.setReservations(tx, orderId, fulfilmentIds, from, to))
        .compose(v -> availabilityChanges ? stockEvents.announce(tx, skus, now, requestId).mapEmpty()
          : Future.<Void>succeededFuture());
    });
  }

  private Future<Void> events(SqlConnection tx, Order order, List<Order.Fulfilment> targets, Move move,
                              OrderStatus orderAfter, Instant now, String requestId) {
    String id = order.id().toString();
    var outbox = runtime.outbox();
    return switch (move.action()) {
      case PAY -> outbox.append(tx, CheckoutContract.ORDER_PAID, new OrderPaid(UUID.randomUUID(), now, id, 1, order.id(),
        order.buyerId(), targets.stream().flatMap(f -> f.lines().stream()).map(line -> new OrderPaid.PaidLine(line.skuId(),
          line.productId(), line.merchantId(), line.quantity())).toList()), requestId);
      case EXPIRE -> outbox.append(tx, CheckoutContract.ORDER_EXPIRED, new OrderExpired(UUID.randomUUID(), now, id, 1,
        order.id(), order.buyerId()), requestId);
      case BUYER_CANCEL, MERCHANT_CANCEL -> outbox.append(tx, CheckoutContract.ORDER_CANCELLED, new OrderCancelled(
        UUID.randomUUID(), now, id, 1, order.id(), order.buyerId(), targets.stream().map(Order.Fulfilment::id).toList(),
        move.actor().type(), move.reason(), refundDue(order, targets)), requestId);
      case PACK -> Future.all(targets.stream().map(f -> outbox.append(tx, CheckoutContract.FULFILMENT_READY_TO_SHIP,
        new FulfilmentReadyToShip(UUID.randomUUID(), now, id, 1, order.id(), f.id(), f.merchantId(),
          order.shippingAddress().country()), requestId)).toList()).mapEmpty();
      case SHIP -> Future.all(targets.stream().map(f -> outbox.append(tx, CheckoutContract.FULFILMENT_SHIPPED,
        new FulfilmentShipped(UUID.randomUUID(), now, id, 1, order.id(), f.id(), f.merchantId(), move.carrier(),
          move.trackingNumber()), requestId)).toList()).mapEmpty();
      case DELIVER -> Future.all(targets.stream().map(f -> outbox.append(tx, CheckoutContract.ORDER_DELIVERED,
        new OrderDelivered(UUID.randomUUID(), now, id, 1, order.id(), f.id(), order.buyerId(), orderAfter.name()),
        requestId)).toList()).mapEmpty();
      case CONFIRM_RECEIPT -> Future.succeededFuture();
    };
  }

  private static Money refundDue(Order order, List<Order.Fulfilment> targets) {
    Money due = Money.zero(order.dueNow().currency());
    for (Order.Fulfilment f : targets) {
      if (f.status() != OrderStatus.PENDING_PAYMENT) {
        due = due.plus(f.amount());
      }
    }
    return due;
  }
}
