package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.ProductQuery;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Search answers are served from memory only while nothing changed, they are young and the FX table holds")
class SearchResultCacheTest {
  private final AtomicLong clock = new AtomicLong();
  private final AtomicLong generation = new AtomicLong();
  private final SearchResultCache<JsonObject> cache = new SearchResultCache<>(generation::get, 10, 1_000, clock::get);
  private final Object fxTable = new Object();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  @DisplayName("the same question is answered from memory; any product change makes the next one load again")
  void generation() {
    ask("brand", "Leaf");
    ask("brand", "Leaf");
    assertThat(loads).hasValue(1);
    generation.incrementAndGet();
    assertThat(ask("brand", "Leaf").getInteger("load")).isEqualTo(2);
  }

  @Test
  @DisplayName("the key holds every filter, the currency and the languages")
  void keys() {
    ask("brand", "Leaf");
    ask("brand", "Seki");
    cache.answer(key(Map.of("brand", "Leaf", "currency", "USD"), "en"), fxTable, this::load);
    cache.answer(key(Map.of("brand", "Leaf"), "pt"), fxTable, this::load);
    assertThat(loads).hasValue(4);
    cache.answer(key(Map.of("brand", "Leaf", "currency", "usd"), " en "), fxTable, this::load);
    assertThat(loads).as("the parsed query and trimmed languages are the key").hasValue(4);
  }

  @Test
  @DisplayName("a read that began before a change is not kept")
  void slowReadIsNotKept() {
    Promise<JsonObject> slow = Promise.promise();
    cache.answer(key(Map.of(), "en"), fxTable, slow::future);
    generation.incrementAndGet();
    slow.complete(new JsonObject());
    cache.answer(key(Map.of(), "en"), fxTable, this::load);
    assertThat(loads).as("the stale answer was not served").hasValue(1);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("concurrent misses share one read, unless a change came between them")
  void concurrentMisses() {
    Promise<JsonObject> slow = Promise.promise();
    Future<JsonObject> first = cache.answer(key(Map.of(), "en"), fxTable, () -> {
      loads.incrementAndGet();
      return slow.future();
    });
    Future<JsonObject> second = cache.answer(key(Map.of(), "en"), fxTable, this::load);
    assertThat(loads).hasValue(1);
    generation.incrementAndGet();
    Future<JsonObject> afterChange = cache.answer(key(Map.of(), "en"), fxTable, this::load);
    assertThat(loads).as("the read under way began before the change").hasValue(2);
    slow.complete(new JsonObject().put("load", 1));
    assertThat(second.result()).isSameAs(first.result());
    assertThat(afterChange.result().getInteger("load")).isEqualTo(2);
  }

  @Test
  @DisplayName("an aged answer is served once more while a fresh read replaces it; one twice as old is not served")
  void ttlAndFx() {
    ask("brand", "Leaf");
    clock.addAndGet(999_000_000L);
    assertThat(ask("brand", "Leaf").getInteger("load")).isEqualTo(1);
    clock.addAndGet(2_000_000L);
    assertThat(ask("brand", "Leaf").getInteger("load")).as("aged: served while the refresh runs").isEqualTo(1);
    assertThat(loads).hasValue(2);
    assertThat(ask("brand", "Leaf").getInteger("load")).as("the refreshed answer").isEqualTo(2);
    clock.addAndGet(2_001_000_000L);
    assertThat(ask("brand", "Leaf").getInteger("load")).as("twice the TTL: loaded, not served").isEqualTo(3);
    cache.answer(key(Map.of("brand", "Leaf"), "en"), new Object(), this::load);
    assertThat(loads).as("another FX table").hasValue(4);
  }

  @Test
  @DisplayName("aged answers are read again in the background two at a time; the others are served as they are meanwhile")
  void backgroundReadsAreBounded() {
    for (int i = 0; i < 5; i++) {
      ask("brand", "B" + i);
    }
    clock.addAndGet(1_500_000_000L);
    Promise<JsonObject> slow = Promise.promise();
    AtomicInteger started = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      JsonObject answer = cache.answer(key(Map.of("brand", "B" + i), "en"), fxTable, () -> {
        started.incrementAndGet();
        return slow.future();
      }).result();
      assertThat(answer.getInteger("load")).as("the aged answer, at once").isEqualTo(i + 1);
    }
    assertThat(started).hasValue(SearchResultCache.BACKGROUND_READS);
    slow.complete(new JsonObject().put("load", 0));
    cache.answer(key(Map.of("brand", "B4"), "en"), fxTable, () -> {
      started.incrementAndGet();
      return slow.future();
    });
    assertThat(started).as("a slot is free again").hasValue(SearchResultCache.BACKGROUND_READS + 1);
  }

  @Test
  @DisplayName("it never holds more than its size, and holds nothing when its size is 0")
  void bounded() {
    for (int i = 0; i < 50; i++) {
      ask("brand", "B" + i);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(10);
    SearchResultCache<JsonObject> off = new SearchResultCache<>(generation::get, 0, 1_000, clock::get);
    off.answer(key(Map.of(), "en"), fxTable, this::load);
    off.answer(key(Map.of(), "en"), fxTable, this::load);
    assertThat(off.size()).isZero();
    assertThat(loads).hasValue(52);
  }

  private JsonObject ask(String parameter, String value) {
    return cache.answer(key(Map.of(parameter, value), "en"), fxTable, this::load).result();
  }

  private Future<JsonObject> load() {
    return Future.succeededFuture(new JsonObject().put("load", loads.incrementAndGet()));
  }

  private static SearchResultCache.Key key(Map<String, Object> parameters, String acceptLanguage) {
    return new SearchResultCache.Key(ProductQuery.parse(parameters), acceptLanguage);
  }
}
