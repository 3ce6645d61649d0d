package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.checkout.infra.OrderRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Expires unpaid orders whose reservation lapsed, each in its own transaction that locks the order with SKIP
 * LOCKED and re-checks it is still pending: several sweepers (instances) never expire an order twice, and each
 * transaction takes stock locks in the one global order.
 */
public final class ExpirySweeper {
  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
  private static final OrderWorkflow.Actor SYSTEM = new OrderWorkflow.Actor("SYSTEM", "expiry-sweeper");

  private final Pool pool;
  private final OrderRepository orders;
  private final OrderWorkflow workflow;
  private final CheckoutSettings settings;
  private final Clock clock;
  private boolean sweeping;

  public ExpirySweeper(Pool pool, OrderRepository orders, OrderWorkflow workflow, CheckoutSettings settings, Clock clock) {
    this.pool = pool;
    this.orders = orders;
    this.workflow = workflow;
    this.settings = settings;
    this.clock = clock;
  }

  /** One pass; answers how many orders this sweeper expired. Skipped while the previous pass still runs. */
  public Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    Instant now = clock.instant();
    return orders.expirable(pool, now, settings.sweepBatchSize())
      .compose(ids -> expireEach(ids, now))
      .onFailure(failure -> LOG.warn("expiry sweep failed: {}", failure.toString()))
      .eventually(() -> {
        sweeping = false;
        return Future.succeededFuture();
      });
  }

  private Future<Integer> expireEach(List<UUID> ids, Instant now) {
    Future<Integer> count = Future.succeededFuture(0);
    for (UUID id : ids) {
      count = count.compose(n -> expire(id, now).map(expired -> expired ? n + 1 : n));
    }
    return count;
  }

  private Future<Boolean> expire(UUID orderId, Instant now) {
    return pool.withTransaction(tx -> orders.lockIfExpirable(tx, orderId, now).compose(mine -> !mine
      ? Future.succeededFuture(false)
      : orders.lock(tx, orderId).compose(order -> workflow.apply(tx, order.orElseThrow(),
        OrderWorkflow.Move.of(OrderAction.EXPIRE, SYSTEM, "reservation expired"), null)).map(o -> true)));
  }
}
