package dev.tradewind.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Turns a computed amount into a price a shop would print: whole hundreds of yen (no minor units), whole
 * amounts less one cent in dollars (149.99), less ten cents elsewhere (118.90). Always exact to the currency's
 * minor units and never below the smallest such price.
 */
final class ShelfPrice {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ShelfPrice() {
  }

  static BigDecimal of(BigDecimal amount, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    if (digits == 0) {
      return amount.divide(HUNDRED, 0, RoundingMode.HALF_UP).max(BigDecimal.ONE).multiply(HUNDRED);
    }
    BigDecimal ending = "USD".equals(currency) ? new BigDecimal("0.01") : new BigDecimal("0.10");
    return amount.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE).subtract(ending).setScale(digits, RoundingMode.UNNECESSARY);
  }
}
