package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.OrderExpired;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.checkout.domain.OrderLifecycle;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.db.SqlFailures;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Expires unpaid orders whose reservation lapsed, a batch per transaction: the batch's orders are locked with SKIP
 * LOCKED (several sweepers, one per instance, take disjoint batches and never expire an order twice), and the whole
 * batch is released, moved, recorded and announced in a handful of set-based statements sent together; the stock
 * rows come last, in the one global (sku, location) order every writer uses. A full batch is followed at once by the
 * next.
 */
public final class ExpirySweeper {
  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
  private static final String ACTOR_TYPE = "SYSTEM";
  private static final String ACTOR_ID = "expiry-sweeper";
  private static final String REASON = "reservation expired";

  private final ContextRuntime runtime;
  private final OrderRepository orders;
  private final StockRepository stock;
  private final StockEvents stockEvents;
  private final CheckoutSettings settings;
  private final Clock clock;
  private final Set<UUID> passedOver = new HashSet<>();
  private boolean sweeping;

  public ExpirySweeper(ContextRuntime runtime, OrderRepository orders, StockRepository stock, StockEvents stockEvents,
                       CheckoutSettings settings, Clock clock) {
    this.runtime = runtime;
    this.orders = orders;
    this.stock = stock;
    this.stockEvents = stockEvents;
    this.settings = settings;
    this.clock = clock;
  }

  /** One pass; answers how many orders this sweeper expired. Skipped while the previous pass still runs. */
  public Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    return batches(0, settings.sweepBatchSize())
      .onFailure(failure -> LOG.warn("expiry sweep failed: {}", failure.toString()))
      .eventually(() -> {
        sweeping = false;
        return Future.succeededFuture();
      });
  }

  // A batch the database refuses a value of is expired again one order at a time, until the order carrying the value
  // is found; that one is passed over by this sweeper from then on (and logged), so it cannot hold back the rest.
  private Future<Integer> batches(int expiredSoFar, int size) {
    Instant now = clock.instant();
    List<UUID> claimed = new ArrayList<>();
    return runtime.pool().withTransaction(tx -> orders.lockExpirable(tx, now, size, passedOver)
        .compose(ids -> {
          claimed.addAll(ids);
          return orders.findAll(tx, ids);
        })
        .compose(locked -> expire(tx, locked, now).map(locked.size())))
      .onSuccess(expired -> {
        if (expired > 0) {
          runtime.outboxCommitted();
        }
      })
      .compose(expired -> expired < size ? Future.succeededFuture(expiredSoFar + expired)
        : batches(expiredSoFar + expired, size))
      .recover(failure -> {
        if (!SqlFailures.refusedValue(failure)) {
          return Future.failedFuture(failure);
        }
        if (size > 1) {
          LOG.warn("an expiry batch of {} failed on a value the database refuses ({}); expiring one at a time",
            claimed.size(), failure.toString());
          return batches(expiredSoFar, 1);
        }
        passedOver.addAll(claimed);
        LOG.error("order(s) {} cannot be expired and are passed over by this sweeper until it restarts: {}", claimed,
          failure.toString());
        return batches(expiredSoFar, settings.sweepBatchSize());
      });
  }

  /** Every live fulfilment of each order expires, its held stock returns, and the order follows its fulfilments. */
  private Future<Void> expire(SqlConnection tx, List<Order> lapsed, Instant now) {
    if (lapsed.isEmpty()) {
      return Future.succeededFuture();
    }
    List<UUID> fulfilments = new ArrayList<>();
    Map<OrderStatus, List<UUID>> ordersByStatus = new LinkedHashMap<>();
    List<OrderRepository.Transition> transitions = new ArrayList<>();
    for (Order order : lapsed) {
      List<OrderStatus> after = new ArrayList<>();
      for (Order.Fulfilment f : order.fulfilments()) {
        boolean live = f.status() != OrderStatus.CANCELLED && f.status() != OrderStatus.EXPIRED;
        OrderStatus next = live ? OrderLifecycle.next(f.status(), OrderAction.EXPIRE) : f.status();
        after.add(next);
        if (live) {
          fulfilments.add(f.id());
          transitions.add(OrderRepository.transition(order.id(), f.id(), f.status(), next, ACTOR_TYPE, ACTOR_ID, REASON, now));
        }
      }
      OrderStatus orderAfter = OrderLifecycle.orderStatus(after);
      ordersByStatus.computeIfAbsent(orderAfter, s -> new ArrayList<>()).add(order.id());
      if (orderAfter != order.status()) {
        transitions.add(OrderRepository.transition(order.id(), null, order.status(), orderAfter, ACTOR_TYPE, ACTOR_ID,
          REASON, now));
      }
    }
    return orders.reservationsOf(tx, fulfilments, "ACTIVE").compose(held -> {
      List<StockRepository.Delta> released = released(held);
      List<UUID> skus = List.copyOf(new TreeSet<>(released.stream().map(StockRepository.Delta::skuId).toList()));
      List<Future<?>> sent = new ArrayList<>();
      sent.add(orders.setReservationsOf(tx, fulfilments, "ACTIVE", "RELEASED"));
      sent.add(orders.setFulfilmentStatuses(tx, fulfilments, OrderStatus.EXPIRED, now));
      ordersByStatus.forEach((status, ids) -> sent.add(orders.setOrderStatuses(tx, ids, status, now)));
      sent.add(orders.recordTransitions(tx, transitions));
      sent.add(runtime.outbox().appendAll(tx, CheckoutContract.ORDER_EXPIRED, lapsed.stream().map(order ->
          new OrderExpired(UUID.randomUUID(), now, order.id().toString(), 1, order.id(), order.buyerId())).toList(),
        Collections.nCopies(lapsed.size(), null)));
      if (skus.isEmpty()) {
        return Future.all(sent).mapEmpty();
      }
      // Queued last and together on the connection (it runs them in order), so placements wait for these rows only
      // for one round trip and the commit; the lock's answer is not needed, only that it comes before the update.
      sent.add(stock.lock(tx, skus));
      Future<Integer> adjusted = stock.adjust(tx, released, now);
      sent.add(adjusted);
      sent.add(stockEvents.announce(tx, skus, now, null));
      return Future.all(sent).compose(v -> adjusted.result() == released.size() ? Future.<Void>succeededFuture()
        : Future.failedFuture(new IllegalStateException("a stock row to release was missing")));
    });
  }

  /** One delta per stock row: an UPDATE … FROM unnest(…) changes a row once however many deltas name it. */
  private static List<StockRepository.Delta> released(List<OrderRepository.Reservation> held) {
    Map<List<UUID>, Integer> units = new HashMap<>();
    held.forEach(r -> units.merge(List.of(r.skuId(), r.locationId()), r.quantity(), Integer::sum));
    return units.entrySet().stream()
      .map(e -> new StockRepository.Delta(e.getKey().get(0), e.getKey().get(1), -e.getValue(), 0, 0)).toList();
  }
}
