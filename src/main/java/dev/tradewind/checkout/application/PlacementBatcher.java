package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.OrderPlaced;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.StockLevel;
import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.db.Savepoint;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for order placement. Placements queue on this verticle's event loop; up to {@code concurrency}
 * batches of up to {@code batchSize} run at once, each in ONE transaction that claims the batch's idempotency keys,
 * decides who gets stock in arrival order ({@link PlacementDecision}), inserts every winner's order and stores every
 * final answer with its key. The stock rows are taken last when the unlocked figures cover everyone, first when they
 * do not (see {@link #lockingLast}). A placement whose SKU the gate learns is sold out while it waits is refused
 * without a transaction. A batch that loses a deadlock is tried once more; a failed batch rolls back whole and fails
 * only its own placements, as retryable (nothing of them was stored).
 */
public final class PlacementBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(PlacementBatcher.class);
  private static final Timer BATCHES = Timer.builder("tradewind_checkout_placement_batch")
    .description("Placement transactions, from begin to commit or rollback").register(Metrics.globalRegistry);
  private static final Timer LOCK_HELD = Timer.builder("tradewind_checkout_placement_stock_locked")
    .description("How long a placement transaction held its stock rows, from asking for them to commit")
    .register(Metrics.globalRegistry);
  private static final DistributionSummary BATCH_SIZES = DistributionSummary.builder("tradewind_checkout_placement_batch_size")
    .description("Placements per transaction").register(Metrics.globalRegistry);

  private final ContextRuntime runtime;
  private final OrderRepository orders;
  private final StockRepository stock;
  private final IdempotencyRepository keys;
  private final CartRepository carts;
  private final StockEvents stockEvents;
  private final SkuGate gate;
  private final CheckoutSettings settings;
  private final Clock clock;
  private final Queue<Placement> waiting = new ArrayDeque<>();
  private final RefusalAnswers refusals;
  private int running;

  /** A placement waiting for its batch; {@code reply} completes once the batch has committed. */
  record Placement(Quote quote, UUID buyerId, String key, String hash, String note, String requestId,
                   Promise<PlacementReply> reply) {
    IdempotencyRepository.Claim claim() {
      return new IdempotencyRepository.Claim(buyerId, key, hash);
    }
  }

  /** The final answer to a placement, as stored with its idempotency key. */
  public record PlacementReply(int status, JsonObject body, UUID orderId) {
  }

  public PlacementBatcher(ContextRuntime runtime, OrderRepository orders, StockRepository stock, IdempotencyRepository keys,
                   CartRepository carts, StockEvents stockEvents, SkuGate gate, CheckoutSettings settings, Clock clock) {
    this.runtime = runtime;
    this.orders = orders;
    this.stock = stock;
    this.keys = keys;
    this.carts = carts;
    this.stockEvents = stockEvents;
    this.gate = gate;
    this.settings = settings;
    this.clock = clock;
    this.refusals = new RefusalAnswers(runtime.vertx(), runtime.pool(), keys, clock);
  }

  RefusalAnswers refusals() {
    return refusals;
  }

  /** Must be called on this context's event loop (the queue is not shared). */
  public Future<PlacementReply> submit(Quote quote, UUID buyerId, String key, String hash, String note, String requestId) {
    Promise<PlacementReply> reply = Promise.promise();
    waiting.add(new Placement(quote, buyerId, key, hash, note, requestId, reply));
    drain();
    return reply.future();
  }

  private void drain() {
    while (running < settings.placementConcurrency() && !waiting.isEmpty()) {
      List<Placement> batch = new ArrayList<>();
      while (batch.size() < settings.placementBatchSize() && !waiting.isEmpty()) {
        Placement next = waiting.poll();
        Set<UUID> short_ = gate.shortOf(next.quote());
        if (short_.isEmpty()) {
          batch.add(next);
        } else {
          next.reply().complete(refusals.answer(next.buyerId(), next.key(), next.hash(), soldOut(short_)));
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      running++;
      run(batch).onComplete(done -> {
        running--;
        drain();
      });
    }
  }

  private Future<Void> run(List<Placement> batch) {
    return attempt(batch)
      .recover(failure -> {
        if (!OrderRepository.lostRace(failure) && !OrderRepository.quoteJustOrdered(failure)) {
          return Future.failedFuture(failure);
        }
        LOG.info("a placement batch of {} lost a race in the database ({}), trying once more", batch.size(),
          failure.getMessage());
        return attempt(batch);
      })
      .onSuccess(answered -> {
        answered.available().values().forEach(a -> gate.observe(a.skuId(), a.available(), a.version()));
        runtime.outboxCommitted();
        batch.forEach(p -> p.reply().complete(answered.replies().get(p)));
      })
      .onFailure(failure -> {
        LOG.warn("a placement batch of {} rolled back: {}", batch.size(), failure.toString());
        batch.forEach(p -> p.reply().fail(new ProblemException(ProblemType.UNAVAILABLE,
          "The order could not be placed just now; retry with the same Idempotency-Key.")));
      })
      .<Void>mapEmpty().recover(failure -> Future.succeededFuture());
  }

  /** Every placement's answer, and the committed availability of the batch's SKUs for the gate. */
  private record Answered(Map<Placement, PlacementReply> replies, Map<UUID, StockRepository.Availability> available) {
  }

  private Future<Answered> attempt(List<Placement> batch) {
    Instant now = clock.instant();
    Timing timing = new Timing();
    return runtime.pool().withTransaction(tx -> place(tx, batch, now, timing))
      .andThen(done -> timing.ended(batch.size()));
  }

  /** Claims the keys and reads what the decision needs in one round trip, then places what it claimed. */
  private Future<Answered> place(SqlConnection tx, List<Placement> batch, Instant now, Timing timing) {
    List<UUID> skuIds = batch.stream().flatMap(p -> p.quote().lines().stream()).map(Quote.Line::skuId)
      .distinct().sorted().toList();
    var claimed = keys.claimAll(tx, batch.stream().map(Placement::claim).toList(), now);
    var ordered = orders.orderedQuotes(tx, batch.stream().map(p -> p.quote().id()).toList());
    var levels = stock.read(tx, skuIds);
    return Future.all(claimed, ordered, levels).compose(read -> {
      Map<Placement, PlacementReply> replies = new HashMap<>();
      List<Placement> owned = owned(batch, claimed.result(), replies);
      if (owned.isEmpty()) {
        return Future.succeededFuture(new Answered(replies, Map.of()));
      }
      Batch placing = new Batch(tx, owned, skuIds, now, timing);
      PlacementDecision guess = decide(placing, ordered.result(), levels.result());
      return (guess.refusedForStock() ? underLock(placing, ordered.result())
        : lockingLast(placing, ordered.result(), guess))
        .map(answered -> {
          replies.putAll(answered.replies());
          return new Answered(replies, answered.available());
        });
    });
  }

  /** One attempt's transaction and what it places. */
  private record Batch(SqlConnection tx, List<Placement> owned, List<UUID> skuIds, Instant now, Timing timing) {
  }

  /**
   * Everyone fitted the unlocked figures: write the orders first and take the stock rows last, then apply deltas
   * that apply only where they still fit, so concurrent batches hold the hot rows just for the stock update and the
   * commit. When a delta no longer fits, the writes are undone to the savepoint (which lets go of the rows locked
   * after it) and the batch is decided again under lock.
   */
  private Future<Answered> lockingLast(Batch batch, Set<UUID> ordered, PlacementDecision guess) {
    SqlConnection tx = batch.tx();
    var savepoint = Savepoint.set(tx, "unlocked");
    var written = write(batch, guess);
    batch.timing().locked();
    // Every row of the changed SKUs, in (sku, location) order like every writer: so no deadlock, and no other
    // location's change can commit between this update and the availability summed for StockChanged.
    var locked = stock.lock(tx, List.copyOf(guess.changedSkus()));
    var reserved = stock.adjust(tx, guess.deltas(), batch.now());
    return Future.all(List.of(savepoint, written, locked, reserved)).compose(sent -> reserved.result() == guess.deltas().size()
      ? announceStock(batch, guess)
      : savepoint.result().rollBack().compose(v -> underLock(batch, ordered)));
  }

  /** Locks the stock rows first and decides on the locked figures: exact, and what a refusal for stock rests on. */
  private Future<Answered> underLock(Batch batch, Set<UUID> ordered) {
    return stock.lock(batch.tx(), batch.skuIds()).compose(levels -> {
      batch.timing().locked();
      PlacementDecision decision = decide(batch, ordered, levels);
      return Future.all(reserve(batch, decision.deltas()), write(batch, decision))
        .compose(v -> announceStock(batch, decision))
        .map(answered -> {
          decision.availableAfter().forEach(answered.available()::putIfAbsent);
          return answered;
        });
    });
  }

  private PlacementDecision decide(Batch batch, Set<UUID> ordered, List<StockLevel> levels) {
    return PlacementDecision.of(batch.owned(), ordered, levels, batch.now(),
      batch.now().plusSeconds(settings.reservationTtlSeconds()));
  }

  /** The placements whose keys this batch claimed; another transaction holds the others' keys: 409. */
  private static List<Placement> owned(List<Placement> batch, Set<IdempotencyRepository.Claim> claimed,
                                       Map<Placement, PlacementReply> replies) {
    List<Placement> owned = new ArrayList<>();
    batch.forEach(p -> {
      if (claimed.contains(p.claim())) {
        owned.add(p);
      } else {
        replies.put(p, problem(Problem.of(ProblemType.CONFLICT, "A request with this Idempotency-Key is still in "
          + "progress or has just been answered; send it again to see the answer.")));
      }
    });
    return owned;
  }

  /** The orders, their transitions and events, the ordered carts and every owned key's final answer: sent together. */
  private Future<Void> write(Batch batch, PlacementDecision decision) {
    SqlConnection tx = batch.tx();
    Instant now = batch.now();
    List<Order> placed = decision.placed();
    return Future.all(List.of(orders.insert(tx, placed, decision.quotes()),
      carts.markOrdered(tx, placed.stream().map(o -> decision.quotes().get(o.id()).cartId()).toList(), now),
      orders.recordTransitions(tx, placed.stream().map(o -> OrderRepository.transition(o.id(), null, null,
        OrderStatus.PENDING_PAYMENT, "BUYER", o.buyerId().toString(), "placed", now)).toList()),
      announcePlaced(tx, decision, now),
      keys.completeAll(tx, batch.owned().stream().map(p -> new IdempotencyRepository.Completion(
        p.buyerId(), p.key(), decision.replies().get(p).status(), decision.replies().get(p).body(),
        decision.replies().get(p).orderId())).toList()))).mapEmpty();
  }

  private Future<Void> reserve(Batch batch, List<StockRepository.Delta> deltas) {
    if (deltas.isEmpty()) {
      return Future.succeededFuture();
    }
    return stock.adjust(batch.tx(), deltas, batch.now()).compose(changed -> changed == deltas.size()
      ? Future.succeededFuture() : Future.failedFuture(new IllegalStateException("a stock row changed under its lock")));
  }

  private Future<Answered> announceStock(Batch batch, PlacementDecision decision) {
    return stockEvents.announce(batch.tx(), decision.changedSkus(), batch.now(), batch.owned().get(0).requestId())
      .map(changes -> {
        Map<UUID, StockRepository.Availability> available = new HashMap<>();
        changes.forEach(c -> available.put(c.skuId(), c));
        return new Answered(decision.replies(), available);
      });
  }

  private Future<Void> announcePlaced(SqlConnection tx, PlacementDecision decision, Instant now) {
    Map<UUID, String> requestIdsByOrder = new HashMap<>();
    decision.replies().forEach((p, reply) -> {
      if (reply.orderId() != null) {
        requestIdsByOrder.put(reply.orderId(), p.requestId());
      }
    });
    List<OrderPlaced> events = new ArrayList<>();
    List<String> requestIds = new ArrayList<>();
    decision.placed().forEach(order -> requestIds.add(requestIdsByOrder.get(order.id())));
    decision.placed().forEach(order -> events.add(new OrderPlaced(UUID.randomUUID(), now, order.id().toString(), 1,
      order.id(), order.buyerId(), order.quoteId(), order.dueNow(), order.reservationExpiresAt(),
      order.fulfilments().stream().flatMap(f -> f.lines().stream().map(line -> new OrderPlaced.PlacedLine(f.id(),
        line.skuId(), line.productId(), line.merchantId(), line.quantity()))).toList())));
    return runtime.outbox().appendAll(tx, CheckoutContract.ORDER_PLACED, events, requestIds);
  }

  /** When a batch began and took its stock rows, for the batch metrics. */
  private static final class Timing {
    private final long started = System.nanoTime();
    private long locked;

    void locked() {
      locked = System.nanoTime();
    }

    void ended(int placements) {
      long ended = System.nanoTime();
      BATCHES.record(ended - started, TimeUnit.NANOSECONDS);
      BATCH_SIZES.record(placements);
      if (locked != 0) {
        LOCK_HELD.record(ended - locked, TimeUnit.NANOSECONDS);
      }
    }
  }

  static Problem soldOut(Set<UUID> skuIds) {
    return new Problem(Problem.TYPE_PREFIX + "sold-out", "Sold out", 409,
      "Not enough stock for SKU(s) " + String.join(", ", skuIds.stream().map(UUID::toString).toList()) + ".",
      null, null, null);
  }

  static PlacementReply problem(Problem problem) {
    return new PlacementReply(problem.status(), Json.object(problem), null);
  }

}
