package dev.tradewind.checkout.domain;

import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.money.CurrencyCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A cart is reached by its buyer or with its guest token, and by nobody else")
class CartAccessTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final CurrencyCode EUR = CurrencyCode.of("EUR");

  @Test
  @DisplayName("a guest token is 256 random bits, stored as its SHA-256, and only the right one opens the cart")
  void guestToken() {
    String token = CartToken.generate();
    assertThat(token).hasSize(43).isNotEqualTo(CartToken.generate());
    Cart guest = new Cart(UUID.randomUUID(), null, CartToken.hash(token), EUR, null, true, NOW.plusSeconds(60));
    assertThatNoException().isThrownBy(() -> guest.requireAccess(CartCaller.of(null, token), NOW));
    assertThatNoException().isThrownBy(() -> guest.requireAccess(CartCaller.of("someone", token), NOW));
    assertNotFound(guest, CartCaller.of(null, CartToken.generate()), NOW);
    assertNotFound(guest, CartCaller.of(null, null), NOW);
    assertNotFound(guest, CartCaller.of(null, token), NOW.plusSeconds(60));
  }

  @Test
  @DisplayName("a buyer's cart opens for its buyer only, never for a token, and a merged cart for nobody")
  void buyerCart() {
    UUID buyer = UUID.randomUUID();
    Cart cart = new Cart(UUID.randomUUID(), buyer, null, EUR, null, true, null);
    assertThatNoException().isThrownBy(() -> cart.requireAccess(CartCaller.of(buyer.toString(), null), NOW));
    assertNotFound(cart, CartCaller.of(UUID.randomUUID().toString(), null), NOW);
    assertNotFound(cart, CartCaller.of(null, CartToken.generate()), NOW);
    String token = CartToken.generate();
    Cart merged = new Cart(UUID.randomUUID(), null, CartToken.hash(token), EUR, null, false, NOW.plusSeconds(60));
    assertNotFound(merged, CartCaller.of(null, token), NOW);
  }

  private static void assertNotFound(Cart cart, CartCaller caller, Instant now) {
    assertThatThrownBy(() -> cart.requireAccess(caller, now)).isInstanceOf(ProblemException.class)
      .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(404));
  }
}
