package dev.tradewind.catalog.application;

import dev.tradewind.catalog.infra.ProductReadRepository.ProductRecord;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Hot reads are served from memory until the catalogue changes them")
class HotReadsTest {
  private final AtomicLong clock = new AtomicLong();
  private final HotReads reads = new HotReads(100, 1_000, clock::get);
  private final UUID id = UUID.randomUUID();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  @DisplayName("a second read comes from memory; a change evicts it and the next read loads again")
  void evictedOnChange() {
    read(id);
    read(id);
    assertThat(loads).hasValue(1);
    reads.productChanged(id);
    read(id);
    assertThat(loads).hasValue(2);
    reads.everythingChanged();
    read(id);
    assertThat(loads).hasValue(3);
  }

  @Test
  @DisplayName("a read that began before a change does not store what it read")
  void slowReadDoesNotPutBackStaleFacts() {
    Promise<HotReads.Page> slow = Promise.promise();
    reads.page(id, () -> slow.future());
    reads.productChanged(id);
    slow.complete(page(id, 1));
    read(id);
    assertThat(loads).as("the stale read was not kept").hasValue(1);
  }

  @Test
  @DisplayName("entries expire after their time to live, which bounds staleness from other processes")
  void expires() {
    read(id);
    clock.addAndGet(999_000_000L);
    read(id);
    assertThat(loads).hasValue(1);
    clock.addAndGet(2_000_000L);
    read(id);
    assertThat(loads).hasValue(2);
  }

  @Test
  @DisplayName("a missing product is not remembered, and the cache never grows past its bound")
  void boundedAndNoNegatives() {
    reads.page(id, () -> Future.succeededFuture(null));
    assertThat(reads.size()).isZero();
    for (int i = 0; i < 500; i++) {
      read(UUID.randomUUID());
    }
    assertThat(reads.size()).isLessThanOrEqualTo(100);
  }

  private void read(UUID product) {
    reads.page(product, () -> Future.succeededFuture(page(product, loads.incrementAndGet())));
  }

  private static HotReads.Page page(UUID product, int version) {
    ProductRecord record = new ProductRecord(product, UUID.randomUUID(), "P", "bed-linen", "B", "M", "pt", "EUR",
      new JsonArray(), new JsonObject(), "PUBLISHED", 0, 0, version, new JsonObject(), new JsonArray());
    return new HotReads.Page(record, List.of());
  }
}
