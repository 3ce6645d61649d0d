package dev.tradewind.checkout.domain;

import java.util.UUID;

/** One SKU's stock at one location, as read or locked in a transaction. */
public record StockLevel(UUID skuId, UUID locationId, UUID merchantId, String country, int onHand, int reserved,
                         long sold) {
  public int available() {
    return onHand - reserved;
  }
}
