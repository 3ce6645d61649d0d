package dev.tradewind.checkout.application;

import dev.tradewind.checkout.application.PlacementBatcher.Placement;
import dev.tradewind.checkout.application.PlacementBatcher.PlacementReply;
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
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.db.PipelinedTransaction;
import dev.tradewind.shared.outbox.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One placement batch's transaction: decide who gets stock in arrival order ({@link PlacementDecision}), insert every
 * winner's order and store every final answer with its key, in two round trips of a {@link PipelinedTransaction}. The
 * first attempt assumes its keys are free and fails on one that is not ({@link IdempotencyRepository#keyTaken}); the
 * attempt under lock claims them first and answers 409 for those another request holds. The stock rows are taken
 * last when the unlocked figures cover everyone, first when they do not (see {@link #lockingLast}).
 */
final class PlacementTransaction {
  private final OrderRepository orders;
  private final StockRepository stock;
  private final IdempotencyRepository keys;
  private final CartRepository carts;
  private final StockEvents stockEvents;
  private final OutboxRepository outbox;
  private final long reservationTtlSeconds;

  PlacementTransaction(OrderRepository orders, StockRepository stock, IdempotencyRepository keys, CartRepository carts,
                       StockEvents stockEvents, OutboxRepository outbox, long reservationTtlSeconds) {
    this.orders = orders;
    this.stock = stock;
    this.keys = keys;
    this.carts = carts;
    this.stockEvents = stockEvents;
    this.outbox = outbox;
    this.reservationTtlSeconds = reservationTtlSeconds;
  }

  /** Every placement's answer, and the committed availability of the batch's SKUs for the gate. */
  record Answered(Map<Placement, PlacementReply> replies, Map<UUID, StockRepository.Availability> available,
                  List<Long> leftOpenEntries) {
    Answered leavingOpen(List<Long> entries) {
      return new Answered(replies, available, entries);
    }
  }

  /**
   * Claims the keys and reads what the decision needs in the transaction's first round trip, then places what it
   * claimed in the second, which ends with the commit. With {@code lockFirst} the stock rows are locked before deciding.
   */
  Future<Answered> place(PipelinedTransaction tx, List<Placement> batch, Instant now, BatchTiming timing,
                         boolean lockFirst) {
    SqlConnection connection = tx.connection();
    List<UUID> skuIds = batch.stream().flatMap(p -> p.quote().lines().stream()).map(Quote.Line::skuId)
      .distinct().sorted().toList();
    // The first attempt takes every key to be free and stores it with its answer at the end; under lock, claimed first.
    var claimed = lockFirst ? keys.claimAll(connection, batch.stream().map(Placement::claim).toList(), now)
      : Future.succeededFuture(batch.stream().map(Placement::claim).collect(Collectors.toSet()));
    var ordered = orders.orderedQuotes(connection, batch.stream().map(p -> p.quote().id()).toList());
    var levels = lockFirst ? Future.<List<StockLevel>>succeededFuture(List.of()) : stock.read(connection, skuIds);
    return Future.all(claimed, ordered, levels).compose(read -> {
      Map<Placement, PlacementReply> replies = new HashMap<>();
      List<Placement> owned = owned(batch, claimed.result(), replies);
      if (owned.isEmpty()) {
        return tx.commit().map(new Answered(replies, Map.of(), List.of()));
      }
      Batch placing = new Batch(tx, owned, skuIds, now, timing, lockFirst);
      PlacementDecision guess = lockFirst ? null : decide(placing, ordered.result(), levels.result());
      return (guess == null || guess.refusedForStock() ? underLock(placing, ordered.result()) : lockingLast(placing, guess))
        .map(answered -> {
          replies.putAll(answered.replies());
          return new Answered(replies, answered.available(), answered.leftOpenEntries());
        });
    });
  }

  /** One attempt's transaction and what it places. */
  private record Batch(PipelinedTransaction tx, List<Placement> owned, List<UUID> skuIds, Instant now,
                       BatchTiming timing, boolean keysClaimed) {
  }

  /**
   * Everyone fitted the unlocked figures: write the orders first and take the stock rows last, then apply the deltas,
   * announce the new availability and commit, all sent at once, so concurrent batches hold the hot rows only for the
   * database's own work on those statements. A delta that no longer fits fails the transaction on the stock row's
   * check ({@link StockRepository#outOfStock}), and the batch is placed again under lock.
   */
  private Future<Answered> lockingLast(Batch batch, PlacementDecision guess) {
    SqlConnection tx = batch.tx().connection();
    var written = write(batch, guess);
    batch.timing().locked();
    // Every row of the changed SKUs, in (sku, location) order like every writer: so no deadlock, and no other
    // location's change can commit between this update and the availability summed for StockChanged.
    var locked = stock.lock(tx, List.copyOf(guess.changedSkus()));
    var reserved = reserve(batch, guess.deltas());
    var announced = announceStock(batch, guess);
    var committed = batch.tx().commit();
    return Future.all(List.of(written, locked, reserved, announced, committed))
      .map(sent -> announced.result().leavingOpen(written.result()));
  }

  /** Locks the stock rows first and decides on the locked figures: exact, and what a refusal for stock rests on. */
  private Future<Answered> underLock(Batch batch, Set<UUID> ordered) {
    return stock.lock(batch.tx().connection(), batch.skuIds()).compose(levels -> {
      batch.timing().locked();
      PlacementDecision decision = decide(batch, ordered, levels);
      var reserved = reserve(batch, decision.deltas());
      var written = write(batch, decision);
      var announced = announceStock(batch, decision);
      var committed = batch.tx().commit();
      return Future.all(List.of(reserved, written, announced, committed))
        .map(sent -> announced.result().leavingOpen(written.result()))
        .map(answered -> {
          decision.availableAfter().forEach(answered.available()::putIfAbsent);
          return answered;
        });
    });
  }

  private PlacementDecision decide(Batch batch, Set<UUID> ordered, List<StockLevel> levels) {
    return PlacementDecision.of(batch.owned(), ordered, levels, batch.now(),
      batch.now().plusSeconds(reservationTtlSeconds));
  }

  /** The placements whose keys this batch claimed; another transaction holds the others' keys: 409. */
  private static List<Placement> owned(List<Placement> batch, Set<IdempotencyRepository.Claim> claimed,
                                       Map<Placement, PlacementReply> replies) {
    List<Placement> owned = new ArrayList<>();
    batch.forEach(p -> {
      if (claimed.contains(p.claim())) {
        owned.add(p);
      } else {
        replies.put(p, PlacementBatcher.problem(Problem.of(ProblemType.CONFLICT, "A request with this "
          + "Idempotency-Key is still in progress or has just been answered; send it again to see the answer.")));
      }
    });
    return owned;
  }

  /**
   * The orders, their transitions and events, the ordered carts and every owned key's final answer: sent together.
   * Answers the entries it wrote down for the carts it left open because another transaction held them.
   */
  private Future<List<Long>> write(Batch batch, PlacementDecision decision) {
    SqlConnection tx = batch.tx().connection();
    Instant now = batch.now();
    List<Order> placed = decision.placed();
    var leftOpen = carts.markOrdered(tx, placed.stream().map(o -> decision.quotes().get(o.id()).cartId()).toList(), now);
    return Future.all(List.of(orders.insert(tx, placed), leftOpen,
      orders.recordTransitions(tx, placed.stream().map(o -> OrderRepository.transition(o.id(), null, null,
        OrderStatus.PENDING_PAYMENT, "BUYER", o.buyerId().toString(), "placed", now)).toList()),
      announcePlaced(tx, decision, now),
      storeAnswers(batch, decision))).map(written -> leftOpen.result());
  }

  private Future<Void> storeAnswers(Batch batch, PlacementDecision decision) {
    List<IdempotencyRepository.Completion> answers = batch.owned().stream().map(p -> new IdempotencyRepository.Completion(
      p.buyerId(), p.key(), p.hash(), decision.replies().get(p).status(), decision.replies().get(p).body(),
      decision.replies().get(p).orderId())).toList();
    SqlConnection tx = batch.tx().connection();
    return batch.keysClaimed() ? keys.completeAll(tx, answers) : keys.insertAnswered(tx, answers, batch.now());
  }

  private Future<Void> reserve(Batch batch, List<StockRepository.Delta> deltas) {
    return deltas.isEmpty() ? Future.succeededFuture() : stock.applyOrFail(batch.tx().connection(), deltas, batch.now());
  }

  private Future<Answered> announceStock(Batch batch, PlacementDecision decision) {
    return stockEvents.announce(batch.tx().connection(), decision.changedSkus(), batch.now(), batch.owned().get(0).requestId())
      .map(changes -> {
        Map<UUID, StockRepository.Availability> available = new HashMap<>();
        changes.forEach(c -> available.put(c.skuId(), c));
        return new Answered(decision.replies(), available, List.of());
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
    for (Order order : decision.placed()) {
      requestIds.add(requestIdsByOrder.get(order.id()));
      events.add(new OrderPlaced(UUID.randomUUID(), now, order.id().toString(), 1, order.id(), order.buyerId(),
        order.quoteId(), order.dueNow(), order.reservationExpiresAt(), order.fulfilments().stream()
        .flatMap(f -> f.lines().stream().map(line -> new OrderPlaced.PlacedLine(f.id(), line.skuId(), line.productId(),
          line.merchantId(), line.quantity()))).toList()));
    }
    return outbox.appendAll(tx, CheckoutContract.ORDER_PLACED, events, requestIds);
  }
}
