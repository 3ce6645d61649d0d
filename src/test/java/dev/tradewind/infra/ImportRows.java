package dev.tradewind.infra;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Catalogue import rows as the Portuguese linen merchant of the stories sends them (EUR, Portuguese content). */
public final class ImportRows {
  private ImportRows() {
  }

  /** The columns every row carries: identity, category, price, shipping data and after-sales policy. */
  public static JsonObject linen(String productCode, String skuCode, String category, String listPrice) {
    return new JsonObject().put("productCode", productCode).put("skuCode", skuCode).put("category", category)
      .put("brand", "Lisbon Linen").put("model", productCode).put("language", "pt").put("currency", "EUR")
      .put("listPrice", listPrice).put("weightGrams", 900).put("lengthMm", 300).put("widthMm", 250).put("heightMm", 60)
      .put("countryOfOrigin", "PT").put("returnWindowDays", 30).put("warrantyMonths", 0);
  }

  /** A row with 12 in stock and one product image. */
  public static JsonObject pictured(String productCode, String skuCode, String category, String listPrice) {
    return linen(productCode, skuCode, category, listPrice).put("stock", 12)
      .put("images", new JsonArray().add("https://images.tradewind.test/lisbon/" + skuCode + ".jpg"));
  }
}
