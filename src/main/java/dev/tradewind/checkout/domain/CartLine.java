package dev.tradewind.checkout.domain;

import java.util.UUID;

/** One stored line of a cart: a SKU and how many, under a stable line id. */
public record CartLine(UUID id, UUID skuId, int quantity) {
  public CartItem item() {
    return new CartItem(skuId, quantity);
  }
}
