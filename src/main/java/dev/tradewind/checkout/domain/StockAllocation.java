package dev.tradewind.checkout.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hands out locked stock to orders in arrival order, each all or nothing: every line takes one location of its
 * merchant with enough available, a location in the destination country first, then the one with most available.
 * Pure: the caller applies the result with conditional updates, so a wrong answer here could never oversell.
 */
public final class StockAllocation {
  private final Map<UUID, List<Slot>> bySku = new HashMap<>();

  public StockAllocation(List<StockLevel> levels) {
    levels.forEach(level -> bySku.computeIfAbsent(level.skuId(), k -> new ArrayList<>()).add(new Slot(level)));
  }

  /** One line of an order to allocate. */
  public record Demand(UUID skuId, UUID merchantId, int quantity) {
  }

  /** Where a line's units come from: index into the order's demands. */
  public record Pick(int line, UUID skuId, UUID locationId, int quantity) {
  }

  /** Picks for every line, or the SKUs that could not be covered (picks empty). */
  public record Outcome(List<Pick> picks, Set<UUID> soldOut) {
    public boolean placed() {
      return soldOut.isEmpty();
    }
  }

  public Outcome allocate(String destinationCountry, List<Demand> demands) {
    List<Pick> picks = new ArrayList<>();
    Set<UUID> soldOut = new LinkedHashSet<>();
    Map<Slot, Integer> taken = new HashMap<>();
    for (int i = 0; i < demands.size(); i++) {
      Demand demand = demands.get(i);
      Slot slot = choose(demand, destinationCountry, taken);
      if (slot == null) {
        soldOut.add(demand.skuId());
      } else {
        taken.merge(slot, demand.quantity(), Integer::sum);
        picks.add(new Pick(i, demand.skuId(), slot.level.locationId(), demand.quantity()));
      }
    }
    if (!soldOut.isEmpty()) {
      return new Outcome(List.of(), soldOut);
    }
    taken.forEach((slot, quantity) -> slot.available -= quantity);
    return new Outcome(picks, Set.of());
  }

  /** What is left of a SKU over all locations after the allocations so far. */
  public int available(UUID skuId) {
    long left = bySku.getOrDefault(skuId, List.of()).stream().mapToLong(slot -> slot.available).sum();
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private Slot choose(Demand demand, String country, Map<Slot, Integer> taken) {
    return bySku.getOrDefault(demand.skuId(), List.of()).stream()
      .filter(slot -> slot.level.merchantId().equals(demand.merchantId()))
      .filter(slot -> slot.available - taken.getOrDefault(slot, 0) >= demand.quantity())
      .min(Comparator.<Slot, Boolean>comparing(slot -> !slot.level.country().equals(country))
        .thenComparing(slot -> -(slot.available - taken.getOrDefault(slot, 0)))
        .thenComparing(slot -> slot.level.locationId()))
      .orElse(null);
  }

  private static final class Slot {
    private final StockLevel level;
    private int available;

    private Slot(StockLevel level) {
      this.level = level;
      this.available = level.available();
    }
  }
}
