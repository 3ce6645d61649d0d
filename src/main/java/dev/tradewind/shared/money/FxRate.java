package dev.tradewind.shared.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/**
 * One unit of {@code base} buys {@code rate} units of {@code quote}, as published by {@code source} at
 * {@code asOf}. A rate from a currency to itself exists only as the identity, 1.
 */
public record FxRate(CurrencyCode base, CurrencyCode quote, BigDecimal rate, String source, Instant asOf) {

  public FxRate {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(asOf, "asOf");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("the source of the " + base + "/" + quote + " rate is required");
    }
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("the " + base + "/" + quote + " rate must be positive, got " + rate);
    }
    if (base.equals(quote) && rate.compareTo(BigDecimal.ONE) != 0) {
      throw new IllegalArgumentException("a rate from " + base + " to itself must be 1, got " + rate);
    }
  }

  public static FxRate identity(CurrencyCode currency, Instant asOf) {
    return new FxRate(currency, currency, BigDecimal.ONE, "identity", asOf);
  }

  /** The same quote read the other way round, to 34 significant digits. */
  public FxRate inverse() {
    return new FxRate(quote, base, BigDecimal.ONE.divide(rate, MathContext.DECIMAL128), source, asOf);
  }
}
