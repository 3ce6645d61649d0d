package dev.tradewind.catalog;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.catalog.contract.SkuSnapshots;
import dev.tradewind.catalog.contract.SkuSnapshotsQuery;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Checkout asks the catalogue for SKU snapshots over the event bus")
class SkuSnapshotsIT extends PlatformStory {

  @Test
  @DisplayName("a snapshot has the price in force, the publish state and any restriction by category or HS chapter")
  void snapshots() throws Exception {
    Session owner = CatalogStories.knownMerchant(platform, users, "lisbon");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonObject onSale = CatalogStories.row("SALE", "SALE-1", "50.00", 1).put("salePrice", "40.00")
      .put("saleStartsAt", now.minus(1, ChronoUnit.HOURS).toString()).put("saleEndsAt", now.plus(1, ChronoUnit.DAYS).toString());
    JsonObject towel = CatalogStories.row("TOWEL", "TOWEL-1", "20.00", 1).put("category", "bath-towels").put("hsCode", "630260");
    JsonObject knife = CatalogStories.row("KNIFE", "KNIFE-1", "70.00", 1).put("category", "bath-towels").put("hsCode", "821191");
    assertThat(CatalogStories.importJson(http, owner, new JsonArray().add(onSale).add(towel).add(knife)).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/merchant/products/import", new JsonArray()
      .add(CatalogStories.row("DRAFT", "DRAFT-1", "10.00", 1)), owner.bearer()).status()).isEqualTo(200);
    Session admin = users.admin();
    assertThat(http.postJson("/api/v1/admin/shipping-restrictions", new JsonObject().put("country", "AU")
      .put("category", "bed-linen").put("reason", "bedding quarantine"), admin.bearer()).status()).isEqualTo(201);
    assertThat(http.postJson("/api/v1/admin/shipping-restrictions", new JsonObject().put("country", "AU")
      .put("hsChapter", "82").put("reason", "no blades"), admin.bearer()).status()).isEqualTo(201);

    Map<String, UUID> skus = platform.query("SELECT sku_code, id FROM catalog.skus").stream()
      .collect(Collectors.toMap(r -> r.getString(0), r -> r.getUUID(1)));
    SkuSnapshots answer = Bus.<SkuSnapshots>request(platform.platformVertx(), CatalogContract.SKU_SNAPSHOTS,
        new SkuSnapshotsQuery(List.copyOf(skus.values()), "AU"), "sku-snapshots-it")
      .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Map<String, SkuSnapshot> bySku = answer.skus().stream().collect(Collectors.toMap(SkuSnapshot::skuCode, Function.identity()));

    assertThat(bySku.get("SALE-1").price().amount()).isEqualByComparingTo("40.00");
    assertThat(bySku.get("SALE-1").listPrice().amount()).isEqualByComparingTo("50.00");
    assertThat(bySku.get("SALE-1").shippingRestriction()).as("restricted by its category").isEqualTo("bedding quarantine");
    assertThat(bySku.get("TOWEL-1").shippingRestriction()).isNull();
    assertThat(bySku.get("KNIFE-1").shippingRestriction()).as("restricted by HS chapter 82").isEqualTo("no blades");
    assertThat(bySku.get("DRAFT-1").published()).isFalse();
    assertThat(bySku.get("TOWEL-1").published()).isTrue();
    assertThat(bySku.get("TOWEL-1").hsCode()).isEqualTo("630260");
  }
}
