package dev.tradewind.catalog.contract;

import dev.tradewind.shared.money.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * A SKU as checkout prices and ships it: the price in force at {@code asOf} (the sale price inside its window,
 * else the list price), the list price, and the customs and shipping facts of the goods. {@code shippingRestriction}
 * is the reason the goods may not go to the query's {@code shipTo} country, or null when they may (or none was asked).
 */
public record SkuSnapshot(UUID skuId, UUID productId, UUID merchantId, String skuCode, String title, Money price,
                          Money listPrice, int weightGrams, String countryOfOrigin, String hsCode, String categorySlug,
                          boolean published, int returnWindowDays, int warrantyMonths, int productVersion,
                          Instant asOf, String shippingRestriction) {

  public boolean shippable() {
    return shippingRestriction == null;
  }
}
