package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cart as priced at {@code pricedAt}: every line at the catalogue's current price in the cart's currency, with
 * its stock and flags, and the subtotal of the lines that can be ordered as they stand.
 */
public record CartView(UUID id, String owner, String currency, String shipTo, List<CartLineView> lines,
                       Money subtotal, int units, boolean orderable, Instant pricedAt, Instant expiresAt) {
  public CartView {
    lines = List.copyOf(lines);
  }

  /**
   * One line. Prices are null when the SKU is unknown. {@code fx} names the rate from the merchant's currency
   * into the cart's (1, "identity", when they are the same).
   */
  public record CartLineView(UUID id, UUID skuId, UUID productId, UUID merchantId, String skuCode, String title,
                             int quantity, Money unitPrice, Money lineTotal, Money merchantPrice, CartFx fx,
                             int available, List<CartFlag> flags, String shippingRestriction, boolean orderable) {
    public CartLineView {
      flags = List.copyOf(flags);
    }
  }

  /** The conversion a line's price went through. */
  public record CartFx(String from, String to, String rate, String source, Instant asOf) {
  }
}
