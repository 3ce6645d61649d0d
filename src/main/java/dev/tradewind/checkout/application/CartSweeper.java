package dev.tradewind.checkout.application;

import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Closes the carts that orders were placed from but that stayed open (their holder outlasted the close after the
 * order, or the process stopped in between), and deletes guest carts whose time ran out, in small batches. Expired
 * carts already answer 404 whether or not they are swept; deleting only keeps the table small. Batches skip rows
 * another instance is working on, so any number of instances may sweep at once.
 */
public final class CartSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(CartSweeper.class);
  private static final int BATCH = 500;

  private final Vertx vertx;
  private final Pool pool;
  private final CartRepository carts;
  private final Clock clock;

  public CartSweeper(Vertx vertx, Pool pool, CartRepository carts, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.carts = carts;
    this.clock = clock;
  }

  /** Starts sweeping for the context being wired, at its {@code checkout.cartSweepIntervalMs}. */
  public static void startFor(ContextRuntime runtime) {
    new CartSweeper(runtime.vertx(), runtime.pool(), new CartRepository(), Clock.systemUTC())
      .start(CartSettings.from(runtime.config()).sweepIntervalMs());
  }

  /** Sweeps every {@code intervalMs}; the timer belongs to the calling verticle and ends with it. */
  public void start(long intervalMs) {
    vertx.setPeriodic(intervalMs, intervalMs, id -> sweep()
      .onFailure(failure -> LOG.warn("guest cart sweep failed; next run retries", failure)));
  }

  /** Closes the ordered carts left open, then deletes the expired guest carts; answers how many carts it swept. */
  public Future<Integer> sweep() {
    Future<Integer> closed = closeLeftOpen().recover(failure -> {
      LOG.warn("ordered carts stay open until the next sweep: {}", failure.toString());
      return Future.succeededFuture(0);
    });
    return closed.compose(n -> deleteExpired().map(deleted -> n + deleted));
  }

  private Future<Integer> closeLeftOpen() {
    return inBatches(() -> carts.sweepLeftOpen(pool, BATCH, clock.instant()));
  }

  private Future<Integer> deleteExpired() {
    return inBatches(() -> carts.deleteExpiredGuestCarts(pool, clock.instant(), BATCH));
  }

  /** Runs the batch again while it comes back full; answers the total. */
  private static Future<Integer> inBatches(Supplier<Future<Integer>> batch) {
    return batch.get().compose(done -> done < BATCH ? Future.succeededFuture(done) : inBatches(batch).map(more -> done + more));
  }
}
