package dev.tradewind.checkout.domain;

import java.util.UUID;

/** What a cart holds of one SKU, as quotes and orders read it: no price, which they take from the catalogue. */
public record CartItem(UUID skuId, int quantity) {
}
