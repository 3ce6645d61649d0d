package dev.tradewind.checkout.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One stored line of a cart: a SKU and how many, under a stable line id. */
public record CartLine(UUID id, UUID skuId, int quantity) {
  public CartItem item() {
    return new CartItem(skuId, quantity);
  }

  /** The lines with {@code written} in place of the line with its id, or after them all when it is new. */
  public static List<CartLine> replacing(List<CartLine> lines, CartLine written) {
    List<CartLine> out = new ArrayList<>(lines.size() + 1);
    boolean replaced = false;
    for (CartLine line : lines) {
      boolean same = line.id().equals(written.id());
      out.add(same ? written : line);
      replaced |= same;
    }
    if (!replaced) {
      out.add(written);
    }
    return List.copyOf(out);
  }
}
