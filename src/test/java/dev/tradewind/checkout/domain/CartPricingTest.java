package dev.tradewind.checkout.domain;

import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRateTable;
import dev.tradewind.shared.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A cart is priced per unit in its currency and its lines are flagged from the facts of now")
class CartPricingTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Instant RATES_AS_OF = Instant.parse("2026-11-20T15:00:00Z");
  private final CartPricing pricing = new CartPricing(FxRateTable.fromQuotes("EUR",
    Map.of("USD", "1.0812", "JPY", "162.47"), "ECB", RATES_AS_OF));
  private final UUID duvet = UUID.randomUUID();
  private final UUID towel = UUID.randomUUID();

  @Test
  @DisplayName("89.90 EUR at 1.0812 is 97.20 USD a unit (97.19988, half-even), × 3 = 291.60, and the rate is named")
  void convertsPerUnit() {
    CartView view = pricing.price(cart("USD", null), List.of(line(duvet, 3)),
      Map.of(duvet, sku(duvet, "89.90", "EUR", true, null)), Map.of(duvet, 10), NOW);
    CartView.CartLineView line = view.lines().get(0);
    assertThat(line.unitPrice()).isEqualTo(Money.of("97.20", "USD"));
    assertThat(line.lineTotal()).isEqualTo(Money.of("291.60", "USD"));
    assertThat(line.fx()).isEqualTo(new CartView.CartFx("EUR", "USD", "1.0812", "ECB", RATES_AS_OF));
    assertThat(view.subtotal()).isEqualTo(Money.of("291.60", "USD"));
    assertThat(view.orderable()).isTrue();
  }

  @Test
  @DisplayName("into a zero-decimal currency: 24.50 EUR × 162.47 = 3980.515 → 3981 JPY a unit (half-even rounds .515 up)")
  void zeroDecimals() {
    CartView view = pricing.price(cart("JPY", null), List.of(line(towel, 2)),
      Map.of(towel, sku(towel, "24.50", "EUR", true, null)), Map.of(towel, 10), NOW);
    assertThat(view.lines().get(0).unitPrice()).isEqualTo(Money.of("3981", "JPY"));
    assertThat(view.subtotal()).isEqualTo(Money.of("7962", "JPY"));
  }

  @Test
  @DisplayName("out of stock, not shippable and unavailable lines are flagged and left out of the subtotal")
  void flags() {
    UUID unknown = UUID.randomUUID();
    CartView view = pricing.price(cart("EUR", "AU"), List.of(line(towel, 5), line(duvet, 1), line(unknown, 1)),
      Map.of(towel, sku(towel, "24.50", "EUR", true, null), duvet, sku(duvet, "89.90", "EUR", false, "Textile ban")),
      Map.of(towel, 4, duvet, 9), NOW);
    assertThat(view.lines()).extracting(CartView.CartLineView::flags).containsExactly(
      List.of(CartFlag.OUT_OF_STOCK),
      List.of(CartFlag.UNAVAILABLE, CartFlag.NOT_SHIPPABLE),
      List.of(CartFlag.UNAVAILABLE, CartFlag.OUT_OF_STOCK));
    assertThat(view.lines().get(1).shippingRestriction()).isEqualTo("Textile ban");
    assertThat(view.lines().get(2).unitPrice()).isNull();
    assertThat(view.subtotal()).isEqualTo(Money.zero(CurrencyCode.of("EUR")));
    assertThat(view.orderable()).isFalse();
  }

  @Test
  @DisplayName("an empty cart costs nothing and cannot be ordered")
  void empty() {
    CartView view = pricing.price(cart("EUR", null), List.of(), Map.of(), Map.of(), NOW);
    assertThat(view.subtotal()).isEqualTo(Money.zero(CurrencyCode.of("EUR")));
    assertThat(view.orderable()).isFalse();
  }

  private static Cart cart(String currency, String shipTo) {
    return new Cart(UUID.randomUUID(), UUID.randomUUID(), null, CurrencyCode.of(currency), shipTo, true, null);
  }

  private static CartLine line(UUID sku, int quantity) {
    return new CartLine(UUID.randomUUID(), sku, quantity);
  }

  private static SkuSnapshot sku(UUID id, String price, String currency, boolean published, String restriction) {
    Money money = Money.of(price, currency);
    return new SkuSnapshot(id, UUID.randomUUID(), UUID.randomUUID(), "SKU-" + id, "Title", money, money, 900, "PT",
      "630260", "bath-towels", published, 30, 0, 1, NOW, restriction);
  }
}
