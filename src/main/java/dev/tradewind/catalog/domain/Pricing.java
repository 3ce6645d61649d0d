package dev.tradewind.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Which price a buyer pays at a moment: the sale price inside its window (open-ended sides allowed), else list. */
public final class Pricing {
  private Pricing() {
  }

  public static boolean saleActive(BigDecimal salePrice, Instant startsAt, Instant endsAt, Instant at) {
    return salePrice != null && (startsAt == null || !at.isBefore(startsAt)) && (endsAt == null || at.isBefore(endsAt));
  }

  public static BigDecimal priceAt(BigDecimal listPrice, BigDecimal salePrice, Instant startsAt, Instant endsAt,
                                   Instant at) {
    return saleActive(salePrice, startsAt, endsAt, at) ? salePrice : listPrice;
  }
}
