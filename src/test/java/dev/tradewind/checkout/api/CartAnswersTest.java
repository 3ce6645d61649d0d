package dev.tradewind.checkout.api;

import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.checkout.domain.Cart;
import dev.tradewind.checkout.domain.CartLine;
import dev.tradewind.checkout.domain.CartPricing;
import dev.tradewind.checkout.domain.CartView;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRateTable;
import dev.tradewind.shared.money.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A cart answer is the cart's own fields with the operation's beside them, encoded once")
class CartAnswersTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private final UUID towel = UUID.randomUUID();
  private final CartView cart = new CartPricing(FxRateTable.fromQuotes("EUR", Map.of("USD", "1.0812"), "ECB", NOW))
    .price(new Cart(UUID.randomUUID(), UUID.randomUUID(), null, CurrencyCode.of("USD"), "DE", true, null),
      List.of(new CartLine(UUID.randomUUID(), towel, 2)), Map.of(towel, towel()), Map.of(towel, 7), NOW);

  @Test
  @DisplayName("an add answers the cart, every field as the cart has it, and the line it wrote")
  void added() {
    UUID line = cart.lines().get(0).id();
    assertThat(encoded(new CartAnswers.Added(cart, line)))
      .isEqualTo(Json.object(cart).put("lineId", line.toString()));
  }

  @Test
  @DisplayName("opening: a guest gets the token, a buyer who brought a guest token hears what merged, others neither")
  void opened() {
    assertThat(encoded(new CartAnswers.Opened(cart, "tok", null, null)))
      .isEqualTo(Json.object(cart).put("cartToken", "tok"));
    assertThat(encoded(new CartAnswers.Opened(cart, null, null, null))).isEqualTo(Json.object(cart));
    UUID leftOut = UUID.randomUUID();
    assertThat(encoded(new CartAnswers.Opened(cart, null, true, List.of(leftOut))))
      .isEqualTo(Json.object(cart).put("merged", true).put("leftOut", new JsonArray().add(leftOut.toString())));
  }

  private static JsonObject encoded(Object answer) {
    return new JsonObject(Json.buffer(answer));
  }

  private SkuSnapshot towel() {
    Money price = Money.of("24.50", "EUR");
    return new SkuSnapshot(towel, UUID.randomUUID(), UUID.randomUUID(), "TOWEL-1", "Towel", price, price, 900, "PT",
      "630260", "bath-towels", true, 30, 0, 1, NOW, null);
  }
}
