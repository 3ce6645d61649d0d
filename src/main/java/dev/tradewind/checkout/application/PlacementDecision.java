package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderDraft;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.StockAllocation;
import dev.tradewind.checkout.domain.StockLevel;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who of a batch gets an order, from stock figures read in the batch's transaction: each placement in arrival order,
 * all or nothing. Pure; the figures may be unlocked guesses, since the stock deltas are applied only where they still
 * fit and the whole decision is taken again under lock when one does not. {@code availableAfter} is what each SKU has
 * left once the decision is applied, at the version it was read at.
 */
record PlacementDecision(Map<PlacementBatcher.Placement, PlacementBatcher.PlacementReply> replies, List<Order> placed,
                         Map<UUID, Quote> quotes, List<StockRepository.Delta> deltas, Map<UUID, StockRepository.Availability> availableAfter,
                         boolean refusedForStock) {

  static PlacementDecision of(List<PlacementBatcher.Placement> batch, Set<UUID> orderedQuotes, List<StockLevel> levels,
                              Instant now, Instant reservationsExpireAt) {
    StockAllocation allocation = new StockAllocation(levels);
    Set<UUID> quotesSeen = new HashSet<>(orderedQuotes);
    Map<PlacementBatcher.Placement, PlacementBatcher.PlacementReply> replies = new LinkedHashMap<>();
    List<Order> placed = new ArrayList<>();
    Map<UUID, Quote> quotes = new HashMap<>();
    Map<List<UUID>, Integer> reserved = new LinkedHashMap<>();
    boolean refusedForStock = false;
    for (PlacementBatcher.Placement p : batch) {
      if (!quotesSeen.add(p.quote().id())) {
        replies.put(p, PlacementBatcher.problem(Problem.of(ProblemType.CONFLICT, "This quote has already been ordered.")));
        continue;
      }
      StockAllocation.Outcome outcome = allocation.allocate(p.quote().destination().country(), OrderDraft.demands(p.quote()));
      if (!outcome.placed()) {
        refusedForStock = true;
        replies.put(p, PlacementBatcher.problem(PlacementBatcher.soldOut(outcome.soldOut())));
        continue;
      }
      Order order = OrderDraft.place(UUID.randomUUID(), p.quote(), outcome.picks(), p.note(), now, reservationsExpireAt);
      placed.add(order);
      quotes.put(order.id(), p.quote());
      outcome.picks().forEach(pick -> reserved.merge(List.of(pick.skuId(), pick.locationId()), pick.quantity(), Integer::sum));
      replies.put(p, new PlacementBatcher.PlacementReply(201, OrderView.of(order), order.id()));
    }
    Map<UUID, StockRepository.Availability> availableAfter = new HashMap<>();
    levels.forEach(level -> availableAfter.put(level.skuId(), new StockRepository.Availability(level.skuId(),
      level.merchantId(), allocation.available(level.skuId()), level.skuVersion())));
    List<StockRepository.Delta> deltas = reserved.entrySet().stream()
      .map(e -> new StockRepository.Delta(e.getKey().get(0), e.getKey().get(1), e.getValue(), 0, 0)).toList();
    return new PlacementDecision(replies, placed, quotes, deltas, availableAfter, refusedForStock);
  }

  Set<UUID> changedSkus() {
    Set<UUID> skus = new LinkedHashSet<>();
    deltas.forEach(d -> skus.add(d.skuId()));
    return skus;
  }
}
