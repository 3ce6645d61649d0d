package dev.tradewind.shared.money;

/**
 * Converts money between currencies; every result carries the rate, its source and its time.
 *
 * <p>Rounding rule: {@code result = source.amount × rate}, rounded once, HALF_EVEN (banker's rounding, so
 * halves do not drift one way over many conversions), to the target currency's minor units. The product
 * is computed exactly; the rate is the quoted figure, or for an inverse or cross rate a quotient of quoted
 * figures to 34 significant digits ({@link java.math.MathContext#DECIMAL128}), never rounded to fewer
 * digits before that final step. Anyone can repeat a conversion from its {@link Conversion#rate()}.
 *
 * <p>Round trip bound: converting {@code a} from A to B and back, with rates r and r' (r·r' = 1 + ε,
 * |ε| ≤ 10⁻³³ from the 34-digit quotients), gives {@code a'} with
 * {@code |a' − a| ≤ u_A/2 + r'·u_B/2 + |a|·|ε|}, where u_A, u_B are the minor units. For EUR→JPY→EUR at
 * 162.5 that is under one cent, so the euros come back exactly; for JPY→EUR→JPY it is at most 1 yen.
 */
public interface FxConverter {

  /** @throws FxRateUnavailableException if no rate between the two currencies is known */
  Conversion convert(Money from, CurrencyCode to);
}
