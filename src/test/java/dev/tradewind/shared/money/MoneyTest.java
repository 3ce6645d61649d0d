package dev.tradewind.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final CurrencyCode USD = CurrencyCode.of("USD");
  private static final CurrencyCode JPY = CurrencyCode.of("JPY");
  private static final int CASES = 5_000;

  @ParameterizedTest(name = "{0} {1} is held as {2}")
  @CsvSource({"12.3, EUR, 12.30", "7, EUR, 7.00", "100, JPY, 100", "1.5, KWD, 1.500", "1.000, EUR, 1.00", "-0.1, USD, -0.10"})
  @DisplayName("an amount is always scaled to its currency's minor units")
  void scalesToMinorUnits(String amount, String currency, String expected) {
    Money money = Money.of(amount, currency);
    assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
    assertThat(money.amount().scale()).isEqualTo(money.currency().minorUnits());
  }

  @ParameterizedTest(name = "{0} {1} is refused")
  @CsvSource({"1.005, EUR", "100.5, JPY", "0.0001, KWD", "12.345, USD"})
  @DisplayName("an amount more precise than its currency allows is refused, never rounded")
  void refusesExcessPrecision(String amount, String currency) {
    assertThatThrownBy(() -> Money.of(amount, currency))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(amount)
        .hasMessageContaining(currency);
    assertThatThrownBy(() -> Money.of(new BigDecimal(amount), CurrencyCode.of(currency)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the same amount written with different scales is the same money")
  void equalityIgnoresWrittenScale() {
    assertThat(Money.of("1.0", "EUR")).isEqualTo(Money.of("1.00", "EUR")).hasSameHashCodeAs(Money.of("1", "EUR"));
    assertThat(Money.of("1.00", "EUR")).isNotEqualTo(Money.of("1.00", "USD"));
  }

  @Test
  @DisplayName("money converts to and from whole minor units exactly")
  void minorUnits() {
    assertThat(Money.ofMinor(1234, EUR)).isEqualTo(Money.of("12.34", "EUR"));
    assertThat(Money.ofMinor(1234, JPY)).isEqualTo(Money.of("1234", "JPY"));
    assertThat(Money.ofMinor(-1234, CurrencyCode.of("KWD"))).isEqualTo(Money.of("-1.234", "KWD"));
    assertThat(Money.of("12.34", "EUR").toMinorUnits()).isEqualTo(1234);
    assertThat(Money.zero(JPY).toMinorUnits()).isZero();
  }

  @Test
  @DisplayName("it prints as amount and currency")
  void printsReadably() {
    assertThat(Money.of("12.34", "EUR")).hasToString("12.34 EUR");
    assertThat(Money.of("-5", "JPY")).hasToString("-5 JPY");
    assertThat(Money.zero(CurrencyCode.of("KWD"))).hasToString("0.000 KWD");
  }

  @Test
  @DisplayName("the sign tests tell zero, negative and positive apart")
  void signs() {
    assertThat(Money.zero(EUR).isZero()).isTrue();
    assertThat(Money.of("-0.01", "EUR").isNegative()).isTrue();
    assertThat(Money.of("0.01", "EUR").isPositive()).isTrue();
    assertThat(Money.of("0.01", "EUR").negate()).isEqualTo(Money.of("-0.01", "EUR"));
  }

  @Test
  @DisplayName("adding, subtracting or comparing two currencies is refused with a typed error")
  void refusesMixedCurrencies() {
    Money euros = Money.of("1.00", "EUR");
    Money dollars = Money.of("1.00", "USD");
    assertThatThrownBy(() -> euros.plus(dollars)).isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("EUR").hasMessageContaining("USD");
    assertThatThrownBy(() -> euros.minus(dollars)).isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> euros.compareTo(dollars)).isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  @DisplayName("amounts of one currency order by value")
  void ordersWithinCurrency() {
    assertThat(Money.of("9.99", "USD")).isLessThan(Money.of("10", "USD"));
    assertThat(Money.of("10", "USD")).isEqualByComparingTo(Money.ofMinor(1000, USD));
  }

  @Test
  @DisplayName("tax at 19% rounds the way it is told to")
  void multipliesByRateWithExplicitRounding() {
    Money net = Money.of("10.05", "EUR");
    BigDecimal vat = new BigDecimal("0.19");
    assertThat(net.multiply(vat, RoundingMode.HALF_UP)).isEqualTo(Money.of("1.91", "EUR"));
    assertThat(net.multiply(vat, RoundingMode.DOWN)).isEqualTo(Money.of("1.90", "EUR"));
    assertThat(Money.of("0.25", "EUR").multiply(new BigDecimal("0.1"), RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("0.02", "EUR"));
  }

  @Test
  @DisplayName("for random amounts, adding then subtracting the same amount gives the original back")
  void addThenSubtractIsIdentity() {
    RandomMoney random = new RandomMoney();
    for (int i = 0; i < CASES; i++) {
      CurrencyCode currency = random.currency();
      Money a = random.amount(currency);
      Money b = random.amount(currency);
      assertThat(a.plus(b).minus(b)).as("%s + %s - %s; %s", a, b, b, random.seedMessage()).isEqualTo(a);
      assertThat(a.minus(a).isZero()).as("%s - itself; %s", a, random.seedMessage()).isTrue();
    }
  }

  @Test
  @DisplayName("for random amounts, addition is commutative and associative")
  void additionIsCommutativeAndAssociative() {
    RandomMoney random = new RandomMoney();
    for (int i = 0; i < CASES; i++) {
      CurrencyCode currency = random.currency();
      Money a = random.amount(currency);
      Money b = random.amount(currency);
      Money c = random.amount(currency);
      assertThat(a.plus(b)).as("%s + %s; %s", a, b, random.seedMessage()).isEqualTo(b.plus(a));
      assertThat(a.plus(b).plus(c)).as("(%s + %s) + %s; %s", a, b, c, random.seedMessage())
          .isEqualTo(a.plus(b.plus(c)));
    }
  }

  @Test
  @DisplayName("for random amounts, times(n) equals n additions")
  void timesIsRepeatedAddition() {
    RandomMoney random = new RandomMoney();
    for (int i = 0; i < CASES; i++) {
      Money a = random.amount(random.currency());
      int n = random.random.nextInt(40);
      Money sum = Money.zero(a.currency());
      for (int k = 0; k < n; k++) {
        sum = sum.plus(a);
      }
      assertThat(a.times(n)).as("%s × %d; %s", a, n, random.seedMessage()).isEqualTo(sum);
    }
  }
}
