package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.ShippingRule;
import dev.tradewind.catalog.infra.ProductReadRepository.ProductRecord;
import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The product pages' stored facts (product, SKUs, restrictions), kept in memory for every catalogue verticle of
 * this process and evicted synchronously when the catalogue commits a change to them (content, price, publish
 * state, stock copy, rating, restrictions), so the next read after a change sees it. What a page shows that
 * depends on the request or the moment (language, currency and FX, a sale starting) is worked out on every read.
 *
 * <p>A read that started before an eviction does not store what it read (an eviction bumps {@code epoch}), so a
 * slow read cannot put back what a change just evicted. Changes made by another process are seen after at most
 * the entries' time to live.
 */
public final class HotReads implements Shareable {
  private static final String SHARED_MAP = "catalog.hot-reads";

  /** What a product page is built from. */
  public record Page(ProductRecord product, List<ShippingRule> restrictions) {
    public Page {
      restrictions = List.copyOf(restrictions);
    }
  }

  private record Entry(Page page, long loadedAtNanos) {
  }

  private final Map<UUID, Entry> pages = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong searchGeneration = new AtomicLong();
  private final int maxEntries;
  private final long ttlNanos;
  private final LongSupplier nanoTime;

  HotReads(int maxEntries, long ttlMs, LongSupplier nanoTime) {
    this.maxEntries = maxEntries;
    this.ttlNanos = ttlMs * 1_000_000;
    this.nanoTime = nanoTime;
  }

  /** The one instance of this Vert.x instance, shared by every catalogue verticle in it. */
  public static HotReads of(Vertx vertx, CatalogSettings settings) {
    return PerProcess.one(vertx, SHARED_MAP,
      () -> new HotReads(settings.productCacheEntries(), settings.productCacheTtlMs(), System::nanoTime));
  }

  /** The page's facts from memory, or loaded (and kept, unless something changed meanwhile); null is not kept. */
  public Future<Page> page(UUID productId, Supplier<Future<Page>> load) {
    Entry entry = pages.get(productId);
    long now = nanoTime.getAsLong();
    if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
      return Future.succeededFuture(entry.page());
    }
    long seen = epoch.get();
    return load.get().onSuccess(page -> {
      if (page != null && maxEntries > 0 && epoch.get() == seen) {
        makeRoom();
        Entry loaded = new Entry(page, now);
        pages.put(productId, loaded);
        if (epoch.get() != seen) {
          pages.remove(productId, loaded);
        }
      }
    });
  }

  /** Moves on with every change to what a search shows: what a search read before it may be stale. */
  public long generation() {
    return searchGeneration.get();
  }

  public void productChanged(UUID productId) {
    searchGeneration.incrementAndGet();
    pageChanged(productId);
  }

  /**
   * A stock figure changed: the product's page shows it, but a search shows only whether a product is in stock, so
   * searches are read again only when a SKU ran out or came back (a product may stay in stock through another SKU;
   * reading again then is merely unneeded).
   */
  public void stockChanged(UUID productId, boolean inStockChanged) {
    if (inStockChanged) {
      searchGeneration.incrementAndGet();
    }
    pageChanged(productId);
  }

  /** For what changes searches only, such as a sale starting or ending. */
  public void searchesChanged() {
    searchGeneration.incrementAndGet();
  }

  /** For changes that touch many products at once, such as a shipping restriction. */
  public void everythingChanged() {
    searchGeneration.incrementAndGet();
    epoch.incrementAndGet();
    pages.clear();
  }

  private void pageChanged(UUID productId) {
    epoch.incrementAndGet();
    pages.remove(productId);
  }

  int size() {
    return pages.size();
  }

  /** Drops an arbitrary tenth when full: cheaper than tracking recency, and hot pages come straight back. */
  private void makeRoom() {
    if (pages.size() < maxEntries) {
      return;
    }
    int drop = Math.max(1, maxEntries / 10);
    Iterator<UUID> keys = pages.keySet().iterator();
    while (drop-- > 0 && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
