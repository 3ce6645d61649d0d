package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.OrderPlaced;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderDraft;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.StockAllocation;
import dev.tradewind.checkout.domain.StockLevel;
import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for order placement. Placements queue on this verticle's event loop; up to {@code concurrency}
 * batches of up to {@code batchSize} run at once, each in ONE transaction: claim the batch's idempotency keys, lock
 * the union of the stock rows in (sku, location) order, allocate in arrival order in memory, apply one conditional
 * update over those rows, insert every winner's order, and store every final answer with its key. Losers are sold
 * out. A placement whose SKU the gate learns is sold out while it waits is refused without a transaction. A failed
 * batch rolls back whole and fails only its own placements, as retryable (nothing of them was stored).
 */
public final class PlacementBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(PlacementBatcher.class);
  private static final Timer BATCHES = Timer.builder("tradewind_checkout_placement_batch")
    .description("Placement transactions, from begin to commit or rollback").register(Metrics.globalRegistry);
  private static final Timer LOCK_HELD = Timer.builder("tradewind_checkout_placement_stock_locked")
    .description("How long a placement transaction held its stock rows, from lock to commit")
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
    Instant now = clock.instant();
    Timing timing = new Timing();
    Map<Placement, PlacementReply> replies = new HashMap<>();
    Map<UUID, Integer> availableAfter = new HashMap<>();
    return runtime.pool().withTransaction(tx -> place(tx, batch, now, replies, availableAfter, timing))
      .andThen(done -> timing.ended(batch.size()))
      .onSuccess(v -> {
        availableAfter.forEach(gate::observe);
        runtime.outboxCommitted();
        batch.forEach(p -> p.reply().complete(replies.get(p)));
      })
      .onFailure(failure -> {
        LOG.warn("a placement batch of {} rolled back: {}", batch.size(), failure.toString());
        batch.forEach(p -> p.reply().fail(new ProblemException(ProblemType.UNAVAILABLE,
          "The order could not be placed just now; retry with the same Idempotency-Key.")));
      })
      .<Void>mapEmpty().recover(failure -> Future.succeededFuture());
  }

  private Future<Void> place(SqlConnection tx, List<Placement> batch, Instant now, Map<Placement, PlacementReply> replies,
                             Map<UUID, Integer> availableAfter, Timing timing) {
    return keys.claimAll(tx, batch.stream().map(Placement::claim).toList(), now).compose(claimed -> {
      List<Placement> owned = owned(batch, claimed, replies);
      if (owned.isEmpty()) {
        return Future.succeededFuture();
      }
      Set<UUID> skuIds = new java.util.TreeSet<>();
      owned.forEach(p -> p.quote().lines().forEach(line -> skuIds.add(line.skuId())));
      return orders.orderedQuotes(tx, owned.stream().map(p -> p.quote().id()).toList())
        .compose(ordered -> stock.lock(tx, List.copyOf(skuIds)).compose(levels -> {
          timing.locked();
          return allocate(tx, owned, ordered, levels, now, replies, availableAfter, skuIds);
        }));
    });
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

  private Future<Void> allocate(SqlConnection tx, List<Placement> batch, Set<UUID> ordered, List<StockLevel> levels,
                                Instant now, Map<Placement, PlacementReply> replies, Map<UUID, Integer> availableAfter,
                                Set<UUID> skuIds) {
    StockAllocation allocation = new StockAllocation(levels);
    Set<UUID> quotesSeen = new HashSet<>(ordered);
    List<Order> placed = new ArrayList<>();
    Map<UUID, Quote> snapshots = new HashMap<>();
    Map<List<UUID>, Integer> reserved = new HashMap<>();
    Instant expiresAt = now.plusSeconds(settings.reservationTtlSeconds());
    for (Placement p : batch) {
      if (!quotesSeen.add(p.quote().id())) {
        replies.put(p, problem(Problem.of(ProblemType.CONFLICT, "This quote has already been ordered.")));
        continue;
      }
      StockAllocation.Outcome outcome = allocation.allocate(p.quote().destination().country(), OrderDraft.demands(p.quote()));
      if (!outcome.placed()) {
        replies.put(p, problem(soldOut(outcome.soldOut())));
        continue;
      }
      Order order = OrderDraft.place(UUID.randomUUID(), p.quote(), outcome.picks(), p.note(), now, expiresAt);
      placed.add(order);
      snapshots.put(order.id(), p.quote());
      outcome.picks().forEach(pick -> reserved.merge(List.of(pick.skuId(), pick.locationId()), pick.quantity(), Integer::sum));
      replies.put(p, new PlacementReply(201, OrderView.of(order), order.id()));
    }
    skuIds.forEach(sku -> availableAfter.put(sku, allocation.available(sku)));
    List<StockRepository.Delta> deltas = reserved.entrySet().stream()
      .map(e -> new StockRepository.Delta(e.getKey().get(0), e.getKey().get(1), e.getValue(), 0, 0)).toList();
    Set<UUID> changedSkus = new LinkedHashSet<>();
    deltas.forEach(d -> changedSkus.add(d.skuId()));
    return reserve(tx, deltas, now)
      .compose(v -> orders.insert(tx, placed, snapshots))
      .compose(v -> carts.markOrdered(tx, placed.stream().map(o -> snapshots.get(o.id()).cartId()).toList(), now))
      .compose(v -> orders.recordTransitions(tx, placed.stream().map(o -> OrderRepository.transition(o.id(), null, null,
        OrderStatus.PENDING_PAYMENT, "BUYER", o.buyerId().toString(), "placed", now)).toList()))
      .compose(v -> announcePlaced(tx, batch, placed, replies, now))
      .compose(v -> stockEvents.announce(tx, changedSkus, now, batch.get(0).requestId()))
      .compose(v -> keys.completeAll(tx, batch.stream().map(p -> new IdempotencyRepository.Completion(p.buyerId(),
        p.key(), replies.get(p).status(), replies.get(p).body(), replies.get(p).orderId())).toList()));
  }

  private Future<Void> reserve(SqlConnection tx, List<StockRepository.Delta> deltas, Instant now) {
    if (deltas.isEmpty()) {
      return Future.succeededFuture();
    }
    return stock.adjust(tx, deltas, now).compose(changed -> changed == deltas.size() ? Future.succeededFuture()
      : Future.failedFuture(new IllegalStateException("a stock row changed under its lock")));
  }

  private Future<Void> announcePlaced(SqlConnection tx, List<Placement> batch, List<Order> placed,
                                      Map<Placement, PlacementReply> replies, Instant now) {
    Map<UUID, String> requestIds = new HashMap<>();
    batch.forEach(p -> {
      UUID orderId = replies.get(p).orderId();
      if (orderId != null) {
        requestIds.put(orderId, p.requestId());
      }
    });
    return Future.all(placed.stream().map(order -> runtime.outbox().append(tx, CheckoutContract.ORDER_PLACED,
      new OrderPlaced(UUID.randomUUID(), now, order.id().toString(), 1, order.id(), order.buyerId(), order.quoteId(),
        order.dueNow(), order.reservationExpiresAt(), order.fulfilments().stream().flatMap(f -> f.lines().stream()
        .map(line -> new OrderPlaced.PlacedLine(f.id(), line.skuId(), line.productId(), line.merchantId(),
          line.quantity()))).toList()), requestIds.get(order.id()))).toList()).mapEmpty();
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
