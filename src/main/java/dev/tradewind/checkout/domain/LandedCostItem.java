package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.util.UUID;

/**
 * One line to price: the SKU's customs and shipping facts, the quantity, the catalogue price in the merchant's
 * currency and that price already converted into the quote's currency ({@code unitPrice}).
 */
public record LandedCostItem(UUID skuId, UUID productId, UUID merchantId, String title, String hsCode,
                             int weightGrams, int quantity, Money merchantUnitPrice, Money unitPrice) {

  public Money subtotal() {
    return unitPrice.times(quantity);
  }

  public long grams() {
    return (long) weightGrams * quantity;
  }
}
