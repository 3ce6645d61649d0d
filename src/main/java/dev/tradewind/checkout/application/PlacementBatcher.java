package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.db.PipelinedTransaction;
import dev.tradewind.shared.db.SqlFailures;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * Group commit for order placement. Placements queue on this verticle's event loop; up to {@code concurrency}
 * batches of up to {@code batchSize} run at once, each in ONE transaction ({@link PlacementTransaction}), and every
 * placement is answered once its batch has committed. A placement whose SKU the gate learns is sold out while it
 * waits is refused without a transaction. A batch that loses a race in the database (a deadlock, a quote another
 * transaction has just ordered, stock gone since it was read, a key another request took) is tried once more, locking
 * the stock and claiming the keys first; a failed batch rolls back whole and fails only its own placements, as
 * retryable (nothing of them was stored). A batch failed by a value the database refuses is placed again one
 * placement at a time, so that only the placement holding it fails.
 */
public final class PlacementBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(PlacementBatcher.class);

  private final ContextRuntime runtime;
  private final PlacementTransaction transaction;
  private final CartRepository carts;
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

    // One request, told apart from every other by its reply promise anyway: hashing the whole quote per map lookup
    // showed in the sale's profile.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** The final answer to a placement, as stored with its idempotency key. */
  public record PlacementReply(int status, JsonObject body, UUID orderId) {
  }

  public PlacementBatcher(ContextRuntime runtime, OrderRepository orders, StockRepository stock, IdempotencyRepository keys,
                   CartRepository carts, StockEvents stockEvents, SkuGate gate, CheckoutSettings settings, Clock clock) {
    this.runtime = runtime;
    this.transaction = new PlacementTransaction(orders, stock, keys, carts, stockEvents, runtime.outbox(),
      settings.reservationTtlSeconds());
    this.carts = carts;
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
    return attempt(batch, false)
      .recover(failure -> {
        if (!OrderRepository.lostRace(failure) && !OrderRepository.quoteJustOrdered(failure)
          && !StockRepository.outOfStock(failure) && !IdempotencyRepository.keyTaken(failure)) {
          return Future.failedFuture(failure);
        }
        LOG.info("a placement batch of {} lost a race in the database ({}), trying once more under lock", batch.size(),
          failure.getMessage());
        return attempt(batch, true);
      })
      .onSuccess(answered -> {
        answered.available().values().forEach(a -> gate.observe(a.skuId(), a.available(), a.version()));
        runtime.outboxCommitted();
        batch.forEach(p -> p.reply().complete(answered.replies().get(p)));
        closeLeftOpen(answered.leftOpenEntries());
      })
      .<Void>mapEmpty()
      .recover(failure -> !SqlFailures.refusedValue(failure) ? failAll(batch, failure)
        : batch.size() > 1 ? oneByOne(batch, failure) : refuse(batch.get(0), failure));
  }

  /** So that one placement the database refuses fails alone instead of taking its batch's other buyers with it. */
  private Future<Void> oneByOne(List<Placement> batch, Throwable failure) {
    LOG.warn("a placement batch of {} rolled back on a value the database refused ({}); placing each alone",
      batch.size(), failure.toString());
    Future<Void> each = Future.succeededFuture();
    for (Placement placement : batch) {
      each = each.compose(v -> run(List.of(placement)));
    }
    return each;
  }

  /** Alone, the placement still carries a value the database refuses: retrying it would fail the same way. */
  private static Future<Void> refuse(Placement placement, Throwable failure) {
    LOG.warn("a placement the database refuses a value of is answered 422: {}", failure.toString());
    placement.reply().fail(new ProblemException(ProblemType.UNPROCESSABLE,
      "The order cannot be stored: the database refuses one of its values, so retrying will not help."));
    return Future.succeededFuture();
  }

  private static Future<Void> failAll(List<Placement> batch, Throwable failure) {
    LOG.warn("a placement batch of {} rolled back: {}", batch.size(), failure.toString());
    batch.forEach(p -> p.reply().fail(new ProblemException(ProblemType.UNAVAILABLE,
      "The order could not be placed just now; retry with the same Idempotency-Key.")));
    return Future.succeededFuture();
  }

  /** The carts the batch passed over because another transaction held them, closed once that one lets go. */
  private void closeLeftOpen(List<Long> entries) {
    if (!entries.isEmpty()) {
      carts.closeLeftOpen(runtime.pool(), entries, clock.instant())
        .onFailure(failure -> LOG.warn("{} carts stay open after their orders until the next cart sweep: {}",
          entries.size(), failure.toString()));
    }
  }

  private Future<PlacementTransaction.Answered> attempt(List<Placement> batch, boolean lockFirst) {
    Instant now = clock.instant();
    BatchTiming timing = new BatchTiming();
    return PipelinedTransaction.run(runtime.pool(), tx -> transaction.place(tx, batch, now, timing, lockFirst))
      .andThen(done -> timing.ended(batch.size()));
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
