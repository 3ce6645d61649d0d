package dev.tradewind.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A product's visible ratings: how many and their sum, kept on the product row by atomic increments. */
public record RatingSummary(int count, int sum) {
  /** The mean to two decimals (half-even), or null when nobody has rated the product yet. */
  public String average() {
    return count == 0 ? null
      : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
