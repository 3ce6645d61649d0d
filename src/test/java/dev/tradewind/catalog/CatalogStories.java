package dev.tradewind.catalog;

import dev.tradewind.infra.ImportRows;
import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;
import java.util.function.BooleanSupplier;

/** What the catalogue's newer stories share: a merchant the catalogue knows, rows to import, and polling. */
final class CatalogStories {
  private CatalogStories() {
  }

  /** An approved merchant's owner (PT, EUR), once the catalogue has heard of the approval. */
  static Session knownMerchant(TestPlatform platform, TestUsers users, String name) {
    Session owner = users.merchantOwner(name, users.admin());
    UUID merchantId = UUID.fromString(owner.claims().getString("mid"));
    await("the catalogue knows the merchant",
      () -> !platform.query("SELECT 1 FROM catalog.merchants WHERE id = $1", merchantId).isEmpty());
    return owner;
  }

  /** One SKU of a linen product, in the import's JSON shape. */
  static JsonObject row(String productCode, String skuCode, String price, int stock) {
    return ImportRows.linen(productCode, skuCode, "bed-linen", price).put("hsCode", "630239").put("stock", stock)
      .put("content", new JsonObject().put("pt", new JsonObject().put("title", "Capa de edredão " + productCode)
        .put("description", "Linho lavado.").put("bullets", new JsonArray().add("100% linho"))));
  }

  static Response importJson(Http http, Session owner, JsonArray rows) {
    return http.postJson("/api/v1/merchant/products/import?publish=true", rows, owner.bearer());
  }

  /** Imports one published product with one SKU (5 in stock, once checkout's figure is mirrored); answers {productId, skuId}. */
  static String[] oneProduct(Http http, TestPlatform platform, Session owner, String code, String price) {
    Response imported = importJson(http, owner, new JsonArray().add(row(code, code + "-1", price, 5)));
    if (imported.status() != 200) {
      throw new AssertionError(imported.status() + " " + imported.body());
    }
    String productId = imported.json().getJsonArray("products").getJsonObject(0).getString("id");
    String skuId = platform.query("SELECT id FROM catalog.skus WHERE product_id = $1", UUID.fromString(productId))
      .get(0).getUUID(0).toString();
    await("checkout's stock figure is mirrored, so the page stops changing under the story", () -> platform.query(
      "SELECT 1 FROM catalog.skus WHERE id = $1 AND available = 5", UUID.fromString(skuId)).size() == 1);
    return new String[]{productId, skuId};
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
