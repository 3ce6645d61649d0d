package dev.tradewind.checkout.domain;

import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;

/** The caps on a cart: units of one SKU per line and distinct lines per cart. */
public record CartLimits(int maxQuantityPerLine, int maxLines) {
  public CartLimits {
    if (maxQuantityPerLine < 1 || maxLines < 1) {
      throw new IllegalArgumentException("cart limits must be positive");
    }
  }

  /** A quantity asked for in a request: at least 1 (400) and at most the per-line cap (422). */
  public int requireQuantity(Integer quantity) {
    if (quantity == null || quantity < 1) {
      throw new ProblemException(Problem.invalidField("quantity", "minimum", "quantity must be at least 1"));
    }
    if (quantity > maxQuantityPerLine) {
      throw quantityCapExceeded();
    }
    return quantity;
  }

  public ProblemException quantityCapExceeded() {
    return CartProblems.unprocessable("quantity", "max-per-line",
      "A line holds at most " + maxQuantityPerLine + " units of one SKU.");
  }

  public ProblemException lineCapExceeded() {
    return CartProblems.unprocessable("skuId", "max-lines", "A cart holds at most " + maxLines + " different SKUs.");
  }
}
