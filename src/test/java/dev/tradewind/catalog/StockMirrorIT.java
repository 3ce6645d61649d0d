package dev.tradewind.catalog;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.StockChanged;
import dev.tradewind.infra.Http;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.shared.json.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.tradewind.catalog.CatalogStories.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The catalogue shows checkout's stock: a copy fed by StockChanged, newest version wins")
class StockMirrorIT extends PlatformStory {
  
  private Session owner;
  private String productId;
  private String skuId;

  @BeforeEach
  void aPublishedProduct() {
    owner = CatalogStories.knownMerchant(platform, users, "lisbon");
    String[] ids = CatalogStories.oneProduct(http, platform, owner, "MIRROR", "40.00");
    productId = ids[0];
    skuId = ids[1];
  }

  @Test
  @DisplayName("an import's stock figure goes to checkout and comes back as checkout's event; later events win")
  void importLeavesStockToCheckout() {
    assertThat(platform.query("SELECT on_hand FROM checkout.stock WHERE sku_id = $1", UUID.fromString(skuId))
      .get(0).getInteger(0)).as("checkout owns the figure the import carried").isEqualTo(5);
    assertThat(available()).as("the copy holds checkout's figure").isEqualTo(5);
    publish(changed(UUID.randomUUID(), 7, 2));
    await("the copy takes checkout's figure", () -> available() == 7);
    assertThat(variant().getBoolean("inStock")).isTrue();
    assertThat(search("inStock=true").getJsonArray("items")).hasSize(1);
  }

  @Test
  @DisplayName("an older version arriving late, or the same event twice, changes nothing")
  void outOfOrderAndDuplicates() {
    UUID newest = UUID.randomUUID();
    publish(changed(newest, 0, 5));
    publish(changed(UUID.randomUUID(), 30, 4));
    publish(changed(newest, 0, 5));
    publish(changed(UUID.randomUUID(), 9, 6));
    await("version 6 arrives", () -> available() == 9);
    assertThat(platform.query("SELECT stock_version FROM catalog.skus WHERE id = $1", UUID.fromString(skuId))
      .get(0).getLong(0)).isEqualTo(6L);

    publish(changed(UUID.randomUUID(), 50, 5));
    publish(changed(UUID.randomUUID(), 0, 7));
    await("version 7 arrives", () -> available() == 0);
    assertThat(variant().getBoolean("inStock")).as("the page reads the copy, through its cache").isFalse();
    assertThat(search("inStock=true").getJsonArray("items")).isEmpty();
  }

  @Test
  @DisplayName("re-imports racing checkout's stock figures for the same SKU all go in: the two lock product then SKU")
  void reimportsRacingTheCopy() throws InterruptedException {
    long deadlocksBefore = deadlocks();
    java.util.concurrent.CompletableFuture<Void> figures = java.util.concurrent.CompletableFuture.runAsync(() -> {
      for (int version = 2; version <= 41; version++) {
        publish(changed(UUID.randomUUID(), version, version));
      }
    });
    for (int i = 0; i < 15; i++) {
      Http.Response imported = CatalogStories.importJson(http, owner, new io.vertx.core.json.JsonArray()
        .add(CatalogStories.row("MIRROR", "MIRROR-1", (40 + i) + ".00", 5)));
      assertThat(imported.json().getInteger("acceptedRows")).as(imported.body()).isEqualTo(1);
    }
    figures.join();
    await("the newest figure is kept", () -> available() == 41);
    Thread.sleep(1_500); // PostgreSQL publishes a backend's counters within a second of it going idle
    assertThat(deadlocks()).as("no transaction had to be retried for a deadlock").isEqualTo(deadlocksBefore);
  }

  private static long deadlocks() {
    return platform.query("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()").get(0).getLong(0);
  }

  private StockChanged changed(UUID eventId, int available, long version) {
    return new StockChanged(eventId, Instant.now(), skuId, 1, UUID.fromString(skuId),
      UUID.fromString(owner.claims().getString("mid")), available, version);
  }

  private int available() {
    return variant().getInteger("available");
  }

  private JsonObject variant() {
    return http.get("/api/v1/products/" + productId).json().getJsonArray("variants").getJsonObject(0);
  }

  private static JsonObject search(String query) {
    return http.get("/api/v1/products?" + query).json();
  }

  private static void publish(StockChanged event) {
    platform.events().publish(CheckoutContract.STOCK_CHANGED, event);
  }
}
