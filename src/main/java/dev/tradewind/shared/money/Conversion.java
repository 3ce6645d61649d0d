package dev.tradewind.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A converted amount with everything needed to explain or repeat it: the rate, where it came from and when. */
public record Conversion(
    Money source, Money result, BigDecimal rate, String rateSource, Instant rateAsOf, RoundingMode rounding) {

  static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** Applies the rounding rule documented on {@link FxConverter}. */
  static Conversion at(FxRate rate, Money source) {
    if (!source.currency().equals(rate.base())) {
      throw new CurrencyMismatchException(rate.base(), source.currency());
    }
    BigDecimal exact = source.amount().multiply(rate.rate());
    Money result = new Money(exact.setScale(rate.quote().minorUnits(), ROUNDING), rate.quote());
    return new Conversion(source, result, rate.rate(), rate.source(), rate.asOf(), ROUNDING);
  }
}
