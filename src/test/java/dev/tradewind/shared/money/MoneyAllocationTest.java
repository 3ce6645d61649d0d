package dev.tradewind.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MoneyAllocationTest {

  private static final int CASES = 10_000;

  @Test
  @DisplayName("100.00 EUR split three ways is 33.34, 33.33, 33.33")
  void splitsEvenlyWithTheExtraCentFirst() {
    assertThat(Money.of("100.00", "EUR").allocate(3))
        .containsExactly(Money.of("33.34", "EUR"), Money.of("33.33", "EUR"), Money.of("33.33", "EUR"));
  }

  @Test
  @DisplayName("a refund of -100.00 EUR splits as the mirror image of a charge")
  void splitsNegativeAmountsSymmetrically() {
    assertThat(Money.of("-100.00", "EUR").allocate(3))
        .containsExactly(Money.of("-33.34", "EUR"), Money.of("-33.33", "EUR"), Money.of("-33.33", "EUR"));
  }

  @Test
  @DisplayName("leftover units go to the largest remainders, not simply the first parts")
  void leftoverGoesToLargestRemainders() {
    // exact shares 1.428…, 2.857…, 5.714… yen: floors 1, 2, 5 leave 2 yen for the remainders .857 and .714
    List<BigDecimal> weights = List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(4));
    assertThat(Money.of("10", "JPY").allocate(weights))
        .containsExactly(Money.of("1", "JPY"), Money.of("3", "JPY"), Money.of("6", "JPY"));
  }

  @Test
  @DisplayName("a zero weight gets nothing, and zero splits into zeros")
  void zeroWeightsAndZeroAmounts() {
    List<BigDecimal> weights = List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(Money.of("0.101", "KWD").allocate(weights))
        .containsExactly(Money.of("0", "KWD"), Money.of("0.051", "KWD"), Money.of("0", "KWD"), Money.of("0.050", "KWD"));
    assertThat(Money.zero(CurrencyCode.of("EUR")).allocate(2))
        .containsExactly(Money.zero(CurrencyCode.of("EUR")), Money.zero(CurrencyCode.of("EUR")));
  }

  @Test
  @DisplayName("weights that are all zero, negative, or missing are refused")
  void refusesMeaninglessWeights() {
    Money money = Money.of("10.00", "EUR");
    assertThatThrownBy(() -> money.allocate(List.of(BigDecimal.ZERO, BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
    assertThatThrownBy(() -> money.allocate(List.of(BigDecimal.ONE, BigDecimal.ONE.negate())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> money.allocate(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> money.allocate(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("for random amounts and weights, the parts sum exactly and each is within one minor unit of its share")
  void partsSumExactlyAndStayCloseToTheirShare() {
    RandomMoney random = new RandomMoney();
    for (int i = 0; i < CASES; i++) {
      Money amount = random.amount(random.currency());
      List<BigDecimal> weights = random.weights();
      List<Money> parts = amount.allocate(weights);
      String story = amount + " by " + weights + " gave " + parts + "; " + random.seedMessage();

      assertThat(parts).as(story).hasSameSizeAs(weights);
      assertThat(parts.stream().reduce(Money.zero(amount.currency()), Money::plus)).as(story).isEqualTo(amount);
      BigDecimal totalWeight = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal oneUnitTimesTotalWeight = BigDecimal.ONE.movePointLeft(amount.currency().minorUnits()).multiply(totalWeight);
      for (int p = 0; p < parts.size(); p++) {
        // |part − amount·w/W| < unit, multiplied through by W to stay exact
        BigDecimal gap = parts.get(p).amount().multiply(totalWeight).subtract(amount.amount().multiply(weights.get(p)));
        assertThat(gap.abs()).as("part %d of %s", p, story).isLessThan(oneUnitTimesTotalWeight);
      }
    }
  }
}
