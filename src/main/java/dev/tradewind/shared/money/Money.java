package dev.tradewind.shared.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount of one currency, always scaled to that currency's minor units (so 1.5 EUR is held as
 * 1.50 and equals every other 1.50 EUR). Amounts that would need rounding to fit are refused rather than
 * rounded; the only operation that rounds is {@link #multiply}, and it is told how.
 *
 * <p>JSON: {@code {"amount":"12.34","currency":"EUR"}} — the amount is a string so that no client parses
 * it as a binary float.
 */
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, CurrencyCode currency)
    implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = scaledExactly(amount, currency);
  }

  public static Money of(String amount, String currency) {
    Objects.requireNonNull(amount, "amount");
    return new Money(new BigDecimal(amount), CurrencyCode.of(currency));
  }

  public static Money of(BigDecimal amount, CurrencyCode currency) {
    return new Money(amount, currency);
  }

  /** From a count of minor units: {@code ofMinor(1234, EUR)} is 12.34 EUR, {@code ofMinor(1234, JPY)} is 1234 JPY. */
  public static Money ofMinor(long minorUnits, CurrencyCode currency) {
    return new Money(BigDecimal.valueOf(minorUnits, currency.minorUnits()), currency);
  }

  public static Money zero(CurrencyCode currency) {
    return ofMinor(0, currency);
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  public Money times(long quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /** Multiplies by a rate such as a tax percentage (0.19), rounding the result to minor units as told. */
  public Money multiply(BigDecimal rate, RoundingMode rounding) {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(rounding, "rounding");
    return new Money(amount.multiply(rate).setScale(currency.minorUnits(), rounding), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** The amount as a whole number of minor units (cents, fils, yen); fails rather than overflow. */
  public long toMinorUnits() {
    return amount.unscaledValue().longValueExact();
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  /** Splits into {@code parts} near-equal amounts that sum exactly to this one; earlier parts get the extra units. */
  public List<Money> allocate(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("cannot allocate into " + parts + " parts");
    }
    return allocate(Collections.nCopies(parts, BigDecimal.ONE));
  }

  /**
   * Splits in proportion to {@code weights}, with parts that sum exactly to this amount. Each part first
   * gets its proportional share rounded towards zero; the minor units left over then go one at a time to
   * the parts with the largest remainders, ties to the earliest (the largest-remainder method). So every
   * part is within one minor unit of its exact share, and a zero weight gets zero.
   */
  public List<Money> allocate(List<BigDecimal> weights) {
    BigDecimal totalWeight = totalOf(weights);
    BigDecimal units = new BigDecimal(amount.unscaledValue().abs());
    BigInteger[] shares = new BigInteger[weights.size()];
    List<Remainder> remainders = new ArrayList<>(weights.size());
    BigInteger allocated = BigInteger.ZERO;
    for (int i = 0; i < weights.size(); i++) {
      BigDecimal[] quotientAndRemainder = units.multiply(weights.get(i)).divideAndRemainder(totalWeight);
      shares[i] = quotientAndRemainder[0].toBigIntegerExact();
      allocated = allocated.add(shares[i]);
      remainders.add(new Remainder(i, quotientAndRemainder[1]));
    }
    remainders.sort(Comparator.comparing(Remainder::value).reversed());
    int leftover = units.toBigIntegerExact().subtract(allocated).intValueExact();
    for (int i = 0; i < leftover; i++) {
      int index = remainders.get(i).index();
      shares[index] = shares[index].add(BigInteger.ONE);
    }
    return toParts(shares);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }

  private record Remainder(int index, BigDecimal value) {}

  private List<Money> toParts(BigInteger[] shares) {
    List<Money> parts = new ArrayList<>(shares.length);
    for (BigInteger share : shares) {
      BigInteger signed = amount.signum() < 0 ? share.negate() : share;
      parts.add(new Money(new BigDecimal(signed, currency.minorUnits()), currency));
    }
    return List.copyOf(parts);
  }

  private static BigDecimal totalOf(List<BigDecimal> weights) {
    if (weights == null || weights.isEmpty()) {
      throw new IllegalArgumentException("at least one weight is required");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal weight : weights) {
      if (weight == null || weight.signum() < 0) {
        throw new IllegalArgumentException("weights must be zero or positive, got " + weight);
      }
      total = total.add(weight);
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    return total;
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
    return other;
  }

  private static BigDecimal scaledExactly(BigDecimal amount, CurrencyCode currency) {
    try {
      return amount.setScale(currency.minorUnits(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException needsRounding) {
      throw new IllegalArgumentException(
          amount.toPlainString() + " has more decimal places than " + currency + " allows ("
              + currency.minorUnits() + ")");
    }
  }
}
