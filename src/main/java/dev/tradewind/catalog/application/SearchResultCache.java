package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.ProductQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Search answers kept in memory for every catalogue verticle of this process, keyed by the parsed query (filters,
 * text, currency, sort, page) and the buyer's languages. An answer is served only while
 * <ul>
 *   <li>no product changed since it was read: every change this process commits (content, price, stock copy,
 *   publish state, rating, restrictions) moves {@link HotReads#generation()}, which empties this cache at once;</li>
 *   <li>it is younger than the time to live, or younger than twice that while a fresh read replaces it: this bounds
 *   what this process cannot see commit, a sale starting or ending at a moment and changes committed by another
 *   process;</li>
 *   <li>it was worked out at the FX table in force.</li>
 * </ul>
 * A read that started before a change is not kept, and concurrent misses of one query share one database read
 * unless a change came between them. Answers are shared, never modified; the platform keeps them encoded, so a hit
 * costs neither JSON encoding nor an ETag digest.
 */
public final class SearchResultCache<A> implements Shareable {
  private static final String SHARED_MAP = "catalog.search-results";
  static final int BACKGROUND_READS = 2;

  /** One cached answer's identity: what the answer depends on besides the data and the FX table. */
  public record Key(ProductQuery query, String acceptLanguage) {
    public Key {
      acceptLanguage = acceptLanguage == null ? "" : acceptLanguage.trim();
    }
  }

  private record Entry<A>(A answer, Object fxTable, long generation, long loadedAtNanos) {
  }

  private record Loading<A>(Future<A> answer, Object fxTable, long generation) {
  }

  private final Map<Key, Entry<A>> answers = new ConcurrentHashMap<>();
  private final Map<Key, Loading<A>> loading = new ConcurrentHashMap<>();
  private final LongSupplier generation;
  private final int maxEntries;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Counter hits = outcome("hit");
  private final Counter misses = outcome("miss");
  private final Counter joined = outcome("joined");
  private final Counter stale = outcome("stale");
  private final AtomicInteger backgroundReads = new AtomicInteger();

  SearchResultCache(LongSupplier generation, int maxEntries, long ttlMs, LongSupplier nanoTime) {
    this.generation = generation;
    this.maxEntries = maxEntries;
    this.ttlNanos = ttlMs * 1_000_000;
    this.nanoTime = nanoTime;
  }

  /** The one instance of this Vert.x instance, invalidated by the catalogue's hot-read generation. */
  public static SearchResultCache<EncodedAnswer> of(Vertx vertx, CatalogSettings settings, HotReads hotReads) {
    var shared = vertx.sharedData().<String, SearchResultCache<EncodedAnswer>>getLocalMap(SHARED_MAP);
    SearchResultCache<EncodedAnswer> fresh = new SearchResultCache<>(hotReads::generation, settings.searchCacheEntries(),
      settings.searchCacheTtlMs(), System::nanoTime);
    SearchResultCache<EncodedAnswer> existing = shared.putIfAbsent(SHARED_MAP, fresh);
    if (existing != null) {
      return existing;
    }
    Gauge.builder("tradewind_catalog_search_cache_generation", fresh, cache -> cache.generation.getAsLong())
      .description("Catalogue changes committed by this process since it started; each one emptied the search cache")
      .register(Metrics.globalRegistry);
    return fresh;
  }

  /**
   * The answer from memory, from a read of the same query already under way, or loaded (and kept if still current).
   * An answer past its time to live (but not twice that) is still served while a fresh read replaces it, so a popular
   * query never waits for the database just because its answer aged; at most {@value #BACKGROUND_READS} such reads
   * run at once, so refreshing hundreds of aged answers cannot take the database's cores from the buyers' misses.
   */
  public Future<A> answer(Key key, Object fxTable, Supplier<Future<A>> load) {
    long now = nanoTime.getAsLong();
    long seen = generation.getAsLong();
    Entry<A> entry = answers.get(key);
    if (entry != null && entry.generation() == seen && entry.fxTable() == fxTable && now - entry.loadedAtNanos() < 2 * ttlNanos) {
      if (now - entry.loadedAtNanos() < ttlNanos) {
        hits.increment();
      } else {
        stale.increment();
        refreshInBackground(key, fxTable, seen, now, load);
      }
      return Future.succeededFuture(entry.answer());
    }
    if (maxEntries == 0) {
      misses.increment();
      return load.get();
    }
    return read(key, fxTable, seen, now, load, true);
  }

  private void refreshInBackground(Key key, Object fxTable, long seen, long now, Supplier<Future<A>> load) {
    if (loading.containsKey(key)) {
      return;
    }
    if (backgroundReads.incrementAndGet() > BACKGROUND_READS) {
      backgroundReads.decrementAndGet();
      return;
    }
    read(key, fxTable, seen, now, load, false).onComplete(done -> backgroundReads.decrementAndGet());
  }

  /** Joins the read of this query under way since the same generation, else starts one and keeps what it reads. */
  private Future<A> read(Key key, Object fxTable, long seen, long now, Supplier<Future<A>> load,
                                  boolean counted) {
    Promise<A> promise = Promise.promise();
    Loading<A> mine = new Loading<>(promise.future(), fxTable, seen);
    Loading<A> current = loading.merge(key, mine,
      (running, fresh) -> running.generation() == seen && running.fxTable() == fxTable ? running : fresh);
    if (current != mine) {
      count(joined, counted);
      return current.answer();
    }
    count(misses, counted);
    load.get().onComplete(promise);
    return promise.future().andThen(loaded -> {
      loading.remove(key, mine);
      if (loaded.succeeded() && generation.getAsLong() == seen) {
        keep(key, new Entry<>(loaded.result(), fxTable, seen, now));
      }
    });
  }

  int size() {
    return answers.size();
  }

  private void keep(Key key, Entry<A> entry) {
    makeRoom();
    answers.put(key, entry);
    if (generation.getAsLong() != entry.generation()) {
      answers.remove(key, entry);
    }
  }

  /** Drops stale entries, and an arbitrary tenth if still full: hot queries come straight back. */
  private void makeRoom() {
    if (answers.size() < maxEntries) {
      return;
    }
    long current = generation.getAsLong();
    answers.values().removeIf(e -> e.generation() != current);
    int drop = answers.size() < maxEntries ? 0 : Math.max(1, maxEntries / 10);
    Iterator<Key> keys = answers.keySet().iterator();
    while (drop-- > 0 && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  private static void count(Counter counter, boolean counted) {
    if (counted) {
      counter.increment();
    }
  }

  private static Counter outcome(String outcome) {
    return Counter.builder("tradewind_catalog_search_cache_reads").tag("outcome", outcome)
      .description("Product searches answered from memory (hit; stale: aged, while a fresh read replaces it), by a"
        + " read already under way (joined), or from the database (miss)").register(Metrics.globalRegistry);
  }
}
