package dev.tradewind.catalog.domain;

import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRate;
import dev.tradewind.shared.money.FxRateTable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Prices across currencies in a search: which merchant currencies can be shown in the display currency and at
 * what rate, the price bounds in each of them, and the edges of the price facet's buckets.
 */
public final class SearchPrices {
  private static final List<BigDecimal> EURO_EDGES = List.of(BigDecimal.ZERO, BigDecimal.valueOf(25),
    BigDecimal.valueOf(50), BigDecimal.valueOf(100), BigDecimal.valueOf(250), BigDecimal.valueOf(500));
  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final BigDecimal SQRT_TEN = new BigDecimal("3.16227766");

  private SearchPrices() {
  }

  /** Every currency the table converts into {@code display}, with its rate (the display currency itself at 1). */
  public static List<FxRate> ratesInto(FxRateTable table, CurrencyCode display) {
    List<FxRate> rates = new ArrayList<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      if (c.getDefaultFractionDigits() >= 0) {
        table.find(CurrencyCode.of(c.getCurrencyCode()), display).ifPresent(rates::add);
      }
    }
    return List.copyOf(rates);
  }

  /** The display currency's bounds in each merchant currency: amount ÷ rate, to 34 significant digits. */
  public static List<CurrencyBounds> bounds(List<FxRate> ratesIntoDisplay, BigDecimal min, BigDecimal max) {
    return ratesIntoDisplay.stream().map(r -> new CurrencyBounds(r.base().code(), r.rate(), divide(min, r.rate()),
      divide(max, r.rate()))).toList();
  }

  /**
   * Bucket edges in the display currency: 0, 25, 50, 100, 250, 500 euros, scaled by the power of ten nearest the
   * euro's rate (so yen and won get 0, 2 500, 5 000 … and dollars keep 25, 50 …). The last bucket is open.
   */
  public static List<BigDecimal> bucketEdges(FxRateTable table, CurrencyCode display) {
    BigDecimal rate = table.find(EUR, display).map(FxRate::rate).orElse(BigDecimal.ONE);
    int exponent = rate.precision() - rate.scale() - 1;
    if (rate.movePointLeft(exponent).compareTo(SQRT_TEN) >= 0) {
      exponent++;
    }
    int power = exponent;
    return EURO_EDGES.stream().map(e -> e.scaleByPowerOfTen(power).stripTrailingZeros()).map(SearchPrices::plain).toList();
  }

  private static BigDecimal plain(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static BigDecimal divide(BigDecimal amount, BigDecimal rate) {
    return amount == null ? null : amount.divide(rate, MathContext.DECIMAL128);
  }
}
