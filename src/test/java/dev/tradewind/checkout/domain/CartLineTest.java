package dev.tradewind.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CartLineTest {
  private final CartLine towel = new CartLine(UUID.randomUUID(), UUID.randomUUID(), 1);
  private final CartLine duvet = new CartLine(UUID.randomUUID(), UUID.randomUUID(), 2);

  @Test
  @DisplayName("a line written again takes its old place with its new quantity")
  void an_existing_line_keeps_its_place() {
    CartLine moreTowels = new CartLine(towel.id(), towel.skuId(), 3);
    assertThat(CartLine.replacing(List.of(towel, duvet), moreTowels)).containsExactly(moreTowels, duvet);
  }

  @Test
  @DisplayName("a new line comes after the lines already in the cart")
  void a_new_line_comes_last() {
    assertThat(CartLine.replacing(List.of(towel), duvet)).containsExactly(towel, duvet);
    assertThat(CartLine.replacing(List.of(), towel)).containsExactly(towel);
  }
}
