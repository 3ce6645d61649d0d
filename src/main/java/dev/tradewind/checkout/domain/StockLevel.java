package dev.tradewind.checkout.domain;

import java.util.UUID;

/**
 * One SKU's stock at one location, as read or locked in a transaction, with the SKU's stock version then (every
 * committed change of the SKU's figures bumps it, so of two figures the higher version is the newer).
 */
public record StockLevel(UUID skuId, UUID locationId, UUID merchantId, String country, int onHand, int reserved,
                         long sold, long skuVersion) {
  public int available() {
    return onHand - reserved;
  }
}
