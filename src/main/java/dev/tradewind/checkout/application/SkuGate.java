package dev.tradewind.checkout.application;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers, per SKU, what the database last said was available, so a request for a SKU known to be sold out is
 * refused without touching the database. It only ever refuses: stock is granted by the database alone, and a
 * figure older than {@code memoryMs} is forgotten so a restock (seen by another instance) is noticed.
 */
public final class SkuGate {
  private record Seen(int available, long atMillis) {
  }

  private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
  private final long memoryMs;
  private final LongSupplier millis;

  public SkuGate(long memoryMs, LongSupplier millis) {
    this.memoryMs = memoryMs;
    this.millis = millis;
  }

  public void observe(UUID skuId, int available) {
    seen.put(skuId, new Seen(available, millis.getAsLong()));
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
