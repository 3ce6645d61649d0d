package dev.tradewind.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FxConversionTest {

  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final CurrencyCode USD = CurrencyCode.of("USD");
  private static final CurrencyCode GBP = CurrencyCode.of("GBP");
  private static final CurrencyCode JPY = CurrencyCode.of("JPY");
  private static final CurrencyCode KWD = CurrencyCode.of("KWD");
  private static final CurrencyCode CHF = CurrencyCode.of("CHF");
  private static final Instant ECB_FIX = Instant.parse("2025-06-02T14:15:00Z");

  private final FxRateTable ecb = FxRateTable.fromQuotes(
      "EUR", Map.of("USD", "1.08", "GBP", "0.85", "JPY", "162.5", "KWD", "0.3321"), "ECB", ECB_FIX);

  @Test
  @DisplayName("100.00 EUR at 162.5 is 16250 JPY")
  void convertsFromTheBase() {
    assertThat(ecb.convert(Money.of("100.00", "EUR"), JPY).result()).isEqualTo(Money.of("16250", "JPY"));
  }

  @Test
  @DisplayName("10.00 USD into EUR at EUR/USD 1.08 is 9.26 EUR (9.259259…)")
  void convertsIntoTheBaseThroughTheInverse() {
    Conversion conversion = ecb.convert(Money.of("10.00", "USD"), EUR);
    assertThat(conversion.result()).isEqualTo(Money.of("9.26", "EUR"));
    assertThat(conversion.rate()).isEqualTo(BigDecimal.ONE.divide(new BigDecimal("1.08"), MathContext.DECIMAL128));
  }

  @Test
  @DisplayName("USD to GBP crosses through EUR at 0.85 / 1.08, kept to 34 digits")
  void crossesThroughTheBase() {
    Conversion conversion = ecb.convert(Money.of("100.00", "USD"), GBP);
    assertThat(conversion.rate()).isEqualTo(new BigDecimal("0.85").divide(new BigDecimal("1.08"), MathContext.DECIMAL128));
    assertThat(conversion.rate().precision()).isEqualTo(34);
    assertThat(conversion.result()).isEqualTo(Money.of("78.70", "GBP")); // 78.7037…
  }

  @Test
  @DisplayName("an exact half is rounded to the even neighbour, not always up")
  void roundsHalvesToEven() {
    FxRateTable table = FxRateTable.fromQuotes("EUR", Map.of("USD", "1.25", "JPY", "125"), "test", ECB_FIX);
    assertThat(table.convert(Money.of("0.02", "EUR"), USD).result()).isEqualTo(Money.of("0.02", "USD")); // 0.025
    assertThat(table.convert(Money.of("0.06", "EUR"), USD).result()).isEqualTo(Money.of("0.08", "USD")); // 0.075
    assertThat(table.convert(Money.of("0.02", "EUR"), JPY).result()).isEqualTo(Money.of("2", "JPY")); // 2.5
    assertThat(table.convert(Money.of("0.06", "EUR"), JPY).result()).isEqualTo(Money.of("8", "JPY")); // 7.5
  }

  @Test
  @DisplayName("converting into the same currency gives the same money at rate 1")
  void sameCurrencyIsIdentity() {
    Money money = Money.of("12.34", "GBP");
    Conversion conversion = ecb.convert(money, GBP);
    assertThat(conversion.result()).isEqualTo(money);
    assertThat(conversion.rate()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(conversion.rateSource()).isEqualTo("identity");
  }

  @Test
  @DisplayName("every conversion says which rate, from which source, as of when, rounded how")
  void everyConversionCarriesItsRate() {
    for (CurrencyCode from : List.of(EUR, USD, GBP, JPY, KWD)) {
      for (CurrencyCode to : List.of(EUR, USD, GBP, JPY, KWD)) {
        Money source = Money.ofMinor(123_456, from);
        Conversion conversion = ecb.convert(source, to);
        assertThat(conversion.source()).isEqualTo(source);
        assertThat(conversion.result().currency()).isEqualTo(to);
        assertThat(conversion.rate()).isPositive();
        assertThat(conversion.rateSource()).isNotBlank();
        assertThat(conversion.rateAsOf()).isEqualTo(ECB_FIX);
        assertThat(conversion.rounding()).isEqualTo(RoundingMode.HALF_EVEN);
        assertThat(conversion.result().amount())
            .isEqualTo(source.amount().multiply(conversion.rate()).setScale(to.minorUnits(), RoundingMode.HALF_EVEN));
      }
    }
  }

  @Test
  @DisplayName("a cross rate from two sources names both and is as old as the older")
  void crossRateMetadataFromMixedSources() {
    Instant earlier = ECB_FIX.minusSeconds(3600);
    FxRateTable table = FxRateTable.of(EUR, List.of(
        new FxRate(EUR, USD, new BigDecimal("1.08"), "ECB", ECB_FIX),
        new FxRate(EUR, CHF, new BigDecimal("0.94"), "SNB", earlier)));
    FxRate cross = table.rate(USD, CHF);
    assertThat(cross.source()).contains("ECB").contains("SNB");
    assertThat(cross.asOf()).isEqualTo(earlier);
    assertThat(table.asOf()).isEqualTo(earlier);
  }

  @Test
  @DisplayName("a pair the table cannot price fails with a typed error naming the pair")
  void missingRateFails() {
    assertThatThrownBy(() -> ecb.convert(Money.of("1.00", "USD"), CHF))
        .isInstanceOf(FxRateUnavailableException.class)
        .hasMessageContaining("USD->CHF");
    assertThatThrownBy(() -> ecb.convert(Money.of("1.00", "CHF"), EUR))
        .isInstanceOf(FxRateUnavailableException.class)
        .hasMessageContaining("CHF->EUR");
    assertThat(ecb.find(CHF, GBP)).isEmpty();
  }

  @Test
  @DisplayName("for random amounts, A→B→A comes back within u_A/2 + r'·u_B/2 + |a|·10⁻³²")
  void roundTripStaysWithinTheRoundingBound() {
    RandomMoney random = new RandomMoney();
    List<CurrencyCode> currencies = List.of(EUR, USD, GBP, JPY, KWD);
    for (int i = 0; i < 10_000; i++) {
      CurrencyCode a = currencies.get(random.random.nextInt(currencies.size()));
      CurrencyCode b = currencies.get(random.random.nextInt(currencies.size()));
      Money original = random.amount(a);
      Conversion there = ecb.convert(original, b);
      Conversion back = ecb.convert(there.result(), a);

      BigDecimal bound = halfUnit(a)
          .add(back.rate().multiply(halfUnit(b)))
          .add(original.amount().abs().movePointLeft(32));
      BigDecimal drift = back.result().amount().subtract(original.amount()).abs();
      assertThat(drift).as("%s → %s → %s; %s", original, there.result(), back.result(), random.seedMessage())
          .isLessThanOrEqualTo(bound);
    }
  }

  @Test
  @DisplayName("euros sent to yen and back return to the cent; yen sent to euros and back return within a yen")
  void roundTripExamples() {
    Money euros = Money.of("1234.57", "EUR");
    assertThat(ecb.convert(ecb.convert(euros, JPY).result(), EUR).result()).isEqualTo(euros);
    Money yen = Money.of("12345", "JPY");
    long drift = ecb.convert(ecb.convert(yen, EUR).result(), JPY).result().minus(yen).toMinorUnits();
    assertThat(Math.abs(drift)).isLessThanOrEqualTo(1);
  }

  private static BigDecimal halfUnit(CurrencyCode currency) {
    return new BigDecimal("0.5").movePointLeft(currency.minorUnits());
  }
}
