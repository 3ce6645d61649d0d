package dev.tradewind.checkout.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Folds a guest cart into a buyer's cart at sign-in: a SKU in both gets the sum, capped per line; a SKU new to
 * the buyer's cart is added while the cart has room for another line, in the guest cart's order; what does not
 * fit is left out and named.
 */
public record CartMerge(List<CartItem> writes, List<UUID> leftOut) {
  public CartMerge {
    writes = List.copyOf(writes);
    leftOut = List.copyOf(leftOut);
  }

  public static CartMerge of(List<CartLine> buyerLines, List<CartLine> guestLines, CartLimits limits) {
    Map<UUID, Integer> buyer = new LinkedHashMap<>();
    buyerLines.forEach(line -> buyer.put(line.skuId(), line.quantity()));
    List<CartItem> writes = new ArrayList<>();
    List<UUID> leftOut = new ArrayList<>();
    int lines = buyer.size();
    for (CartLine guest : guestLines) {
      Integer held = buyer.get(guest.skuId());
      if (held != null) {
        int merged = Math.min(held + guest.quantity(), limits.maxQuantityPerLine());
        if (merged != held) {
          writes.add(new CartItem(guest.skuId(), merged));
        }
      } else if (lines < limits.maxLines()) {
        writes.add(new CartItem(guest.skuId(), Math.min(guest.quantity(), limits.maxQuantityPerLine())));
        lines++;
      } else {
        leftOut.add(guest.skuId());
      }
    }
    return new CartMerge(writes, leftOut);
  }
}
