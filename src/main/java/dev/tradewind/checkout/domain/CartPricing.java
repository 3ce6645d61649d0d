package dev.tradewind.checkout.domain;

import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.checkout.domain.CartView.CartFx;
import dev.tradewind.checkout.domain.CartView.CartLineView;
import dev.tradewind.shared.money.Conversion;
import dev.tradewind.shared.money.FxConverter;
import dev.tradewind.shared.money.FxRateUnavailableException;
import dev.tradewind.shared.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices a cart from the catalogue's snapshots as they are now. The unit price is converted once (half-even to the
 * cart currency's minor unit, by {@link FxConverter}) and the line total is that unit price times the quantity,
 * so a line always equals what the buyer can check by hand.
 */
public final class CartPricing {
  private final FxConverter fx;

  public CartPricing(FxConverter fx) {
    this.fx = fx;
  }

  public CartView price(Cart cart, List<CartLine> lines, Map<UUID, SkuSnapshot> snapshots, Map<UUID, Integer> available,
                        Instant now) {
    List<CartLineView> views = new ArrayList<>(lines.size());
    Money subtotal = Money.zero(cart.currency());
    int units = 0;
    for (CartLine line : lines) {
      CartLineView view = line(cart, line, snapshots.get(line.skuId()), available.getOrDefault(line.skuId(), 0));
      views.add(view);
      if (view.orderable()) {
        subtotal = subtotal.plus(view.lineTotal());
      }
      units += line.quantity();
    }
    boolean orderable = !views.isEmpty() && views.stream().allMatch(CartLineView::orderable);
    return new CartView(cart.id(), cart.guest() ? "GUEST" : "BUYER", cart.currency().code(), cart.shipTo(), views,
      subtotal, units, orderable, now, cart.expiresAt());
  }

  private CartLineView line(Cart cart, CartLine line, SkuSnapshot sku, int available) {
    List<CartFlag> flags = new ArrayList<>();
    if (sku == null) {
      flags.add(CartFlag.UNAVAILABLE);
      if (available < line.quantity()) {
        flags.add(CartFlag.OUT_OF_STOCK);
      }
      return new CartLineView(line.id(), line.skuId(), null, null, null, null, line.quantity(), null, null, null, null,
        available, flags, null, false);
    }
    Conversion unit = convert(sku.price(), cart);
    if (!sku.published() || unit == null) {
      flags.add(CartFlag.UNAVAILABLE);
    }
    if (available < line.quantity()) {
      flags.add(CartFlag.OUT_OF_STOCK);
    }
    if (cart.shipTo() != null && !sku.shippable()) {
      flags.add(CartFlag.NOT_SHIPPABLE);
    }
    Money unitPrice = unit == null ? null : unit.result();
    CartFx rate = unit == null ? null : new CartFx(sku.price().currency().code(), cart.currency().code(),
      unit.rate().toPlainString(), unit.rateSource(), unit.rateAsOf());
    return new CartLineView(line.id(), line.skuId(), sku.productId(), sku.merchantId(), sku.skuCode(), sku.title(),
      line.quantity(), unitPrice, unitPrice == null ? null : unitPrice.times(line.quantity()), sku.price(), rate,
      available, flags, cart.shipTo() == null ? null : sku.shippingRestriction(), flags.isEmpty());
  }

  private Conversion convert(Money price, Cart cart) {
    try {
      return fx.convert(price, cart.currency());
    } catch (FxRateUnavailableException e) {
      return null;
    }
  }
}
