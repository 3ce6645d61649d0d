package dev.tradewind.checkout.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A guest cart folds into the buyer's at sign-in without passing a cap")
class CartMergeTest {
  private static final CartLimits LIMITS = new CartLimits(20, 3);
  private final UUID towel = UUID.randomUUID();
  private final UUID duvet = UUID.randomUUID();
  private final UUID sheet = UUID.randomUUID();
  private final UUID pillow = UUID.randomUUID();

  @Test
  @DisplayName("the same SKU adds up to the per-line cap; a new SKU is added")
  void sumsAndCaps() {
    CartMerge merge = CartMerge.of(List.of(line(towel, 12)), List.of(line(towel, 15), line(duvet, 2)), LIMITS);
    assertThat(merge.writes()).containsExactly(new CartItem(towel, 20), new CartItem(duvet, 2));
    assertThat(merge.leftOut()).isEmpty();
  }

  @Test
  @DisplayName("SKUs beyond the cart's line cap are left out and named, in the guest cart's order")
  void lineCap() {
    CartMerge merge = CartMerge.of(List.of(line(towel, 1), line(duvet, 1)),
      List.of(line(sheet, 1), line(pillow, 1), line(towel, 1)), LIMITS);
    assertThat(merge.writes()).containsExactly(new CartItem(sheet, 1), new CartItem(towel, 2));
    assertThat(merge.leftOut()).containsExactly(pillow);
  }

  @Test
  @DisplayName("a line already at the cap is not written again")
  void nothingToWrite() {
    CartMerge merge = CartMerge.of(List.of(line(towel, 20)), List.of(line(towel, 3)), LIMITS);
    assertThat(merge.writes()).isEmpty();
  }

  private static CartLine line(UUID sku, int quantity) {
    return new CartLine(UUID.randomUUID(), sku, quantity);
  }
}
