package dev.tradewind.checkout.application;

import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.StockAllocation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers, per SKU, what the database last said was available, so a request for a SKU known to be sold out is
 * refused without touching the database, and counts the units of the placements it let through that are not decided
 * yet, so that in a flash sale the buyers beyond what is left hear "sold out" at once instead of queueing behind the
 * sale. It only ever refuses: stock is granted by the database alone, and a figure older than {@code memoryMs} is
 * forgotten so a restock (seen by another instance) is noticed.
 */
public final class SkuGate implements Shareable {
  private record Seen(int available, long version, long atMillis) {
  }

  private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
  private final Map<UUID, Integer> undecided = new ConcurrentHashMap<>();
  private final long memoryMs;
  private final LongSupplier millis;

  public SkuGate(long memoryMs, LongSupplier millis) {
    this.memoryMs = memoryMs;
    this.millis = millis;
  }

  /**
   * The one gate of this Vert.x instance, shared by every checkout verticle in it, so that a restock one of them
   * commits opens the gate for all of them at once (another process still learns it within {@code memoryMs}).
   */
  public static SkuGate of(Vertx vertx, long memoryMs) {
    return PerProcess.one(vertx, "checkout.sku-gate", () -> new SkuGate(memoryMs, System::currentTimeMillis));
  }

  /**
   * What the database said is available at a stock version. Commits are observed in whatever order their callbacks
   * run, so a figure older than the one remembered is ignored: it would let through units already sold.
   */
  public void observe(UUID skuId, int available, long version) {
    seen.merge(skuId, new Seen(available, version, millis.getAsLong()),
      (known, next) -> next.version() >= known.version() ? next : known);
  }

  /**
   * Lets the demand through to the database, unless what the database last said is available, less the units let
   * through and not decided yet, cannot cover it: then answers the SKUs that are short and lets nothing through. A
   * unit a placement let through does not take after all (a duplicate, a failed batch) is sold to a later buyer.
   * Every demand let through must be {@link #decided} once its placement is answered.
   */
  public Set<UUID> admit(List<StockAllocation.Demand> demand) {
    Set<UUID> short_ = new LinkedHashSet<>();
    demand.forEach(d -> {
      if (knownShort(d.skuId(), d.quantity() + undecided.getOrDefault(d.skuId(), 0))) {
        short_.add(d.skuId());
      }
    });
    if (short_.isEmpty()) {
      demand.forEach(d -> undecided.merge(d.skuId(), d.quantity(), Integer::sum));
    }
    return short_;
  }

  public void decided(List<StockAllocation.Demand> demand) {
    demand.forEach(d -> undecided.computeIfPresent(d.skuId(), (sku, units) -> units > d.quantity() ? units - d.quantity() : null));
  }

  /** The SKUs of the quote the gate knows to be short of what it asks for; empty when the database must decide. */
  public Set<UUID> shortOf(Quote quote) {
    Set<UUID> short_ = new LinkedHashSet<>();
    quote.lines().forEach(line -> {
      if (knownShort(line.skuId(), line.quantity())) {
        short_.add(line.skuId());
      }
    });
    return short_;
  }

  public boolean knownShort(UUID skuId, int quantity) {
    Seen last = seen.get(skuId);
    if (last == null) {
      return false;
    }
    if (millis.getAsLong() - last.atMillis > memoryMs) {
      seen.remove(skuId, last);
      return false;
    }
    return last.available < quantity;
  }
}
