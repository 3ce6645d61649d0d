package dev.tradewind.shared.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of rates all quoted against one base currency (EUR → USD 1.08, GBP 0.85, ...).
 * Any pair of the base and its quoted currencies can be converted: directly, inverted, or crossed through
 * the base (USD→GBP = 0.85 / 1.08, to 34 significant digits).
 */
public final class FxRateTable implements FxConverter {

  private final CurrencyCode base;
  private final Map<CurrencyCode, FxRate> quotesByCurrency;
  private final Instant asOf;

  private FxRateTable(CurrencyCode base, Map<CurrencyCode, FxRate> quotesByCurrency) {
    this.base = base;
    this.quotesByCurrency = Map.copyOf(quotesByCurrency);
    this.asOf = quotesByCurrency.values().stream().map(FxRate::asOf).min(Comparator.naturalOrder()).orElseThrow();
  }

  public static FxRateTable of(CurrencyCode base, List<FxRate> quotes) {
    Objects.requireNonNull(base, "base");
    if (quotes == null || quotes.isEmpty()) {
      throw new IllegalArgumentException("a rate table against " + base + " needs at least one quote");
    }
    Map<CurrencyCode, FxRate> byCurrency = new HashMap<>();
    for (FxRate quote : quotes) {
      if (!quote.base().equals(base) || quote.quote().equals(base)) {
        throw new IllegalArgumentException(
            "expected a quote of another currency against " + base + ", got " + quote.base() + "/" + quote.quote());
      }
      if (byCurrency.put(quote.quote(), quote) != null) {
        throw new IllegalArgumentException("two quotes for " + base + "/" + quote.quote());
      }
    }
    return new FxRateTable(base, byCurrency);
  }

  /**
   * Builds a table from configuration such as {@code {"USD": "1.08", "JPY": "162.5"}} quoted against
   * {@code base}; a bad entry fails with an {@link IllegalArgumentException} naming its key.
   */
  public static FxRateTable fromQuotes(String base, Map<String, String> quotes, String source, Instant asOf) {
    CurrencyCode baseCurrency = CurrencyCode.of(base);
    Objects.requireNonNull(quotes, "quotes");
    List<FxRate> rates = quotes.entrySet().stream()
        .map(entry -> parseQuote(baseCurrency, entry.getKey(), entry.getValue(), source, asOf))
        .toList();
    return of(baseCurrency, rates);
  }

  public CurrencyCode base() {
    return base;
  }

  /** The time of the oldest quote: the snapshot is no fresher than that. */
  public Instant asOf() {
    return asOf;
  }

  /** The rate for one unit of {@code from} in {@code to}, if both currencies are in this table. */
  public Optional<FxRate> find(CurrencyCode from, CurrencyCode to) {
    if (from.equals(to)) {
      return Optional.of(FxRate.identity(from, asOf));
    }
    if (from.equals(base)) {
      return Optional.ofNullable(quotesByCurrency.get(to));
    }
    if (to.equals(base)) {
      return Optional.ofNullable(quotesByCurrency.get(from)).map(FxRate::inverse);
    }
    FxRate fromQuote = quotesByCurrency.get(from);
    FxRate toQuote = quotesByCurrency.get(to);
    if (fromQuote == null || toQuote == null) {
      return Optional.empty();
    }
    return Optional.of(cross(fromQuote, toQuote));
  }

  public FxRate rate(CurrencyCode from, CurrencyCode to) {
    return find(from, to).orElseThrow(() -> new FxRateUnavailableException(from, to));
  }

  @Override
  public Conversion convert(Money from, CurrencyCode to) {
    return Conversion.at(rate(from.currency(), to), from);
  }

  // A cross rate is as old as its older leg and names both sources when they differ.
  private static FxRate cross(FxRate fromQuote, FxRate toQuote) {
    BigDecimal rate = toQuote.rate().divide(fromQuote.rate(), MathContext.DECIMAL128);
    String source = fromQuote.source().equals(toQuote.source())
        ? fromQuote.source()
        : fromQuote.source() + " + " + toQuote.source();
    Instant asOf = fromQuote.asOf().isBefore(toQuote.asOf()) ? fromQuote.asOf() : toQuote.asOf();
    return new FxRate(fromQuote.quote(), toQuote.quote(), rate, source, asOf);
  }

  private static FxRate parseQuote(CurrencyCode base, String currency, String rate, String source, Instant asOf) {
    try {
      return new FxRate(base, CurrencyCode.of(currency), new BigDecimal(rate), source, asOf);
    } catch (IllegalArgumentException | NullPointerException invalid) {
      throw new IllegalArgumentException(
          "FX quote '" + currency + "' = '" + rate + "' is invalid: " + invalid.getMessage(), invalid);
    }
  }

  @Override
  public String toString() {
    return "FxRateTable[base=" + base + ", asOf=" + asOf + ", quotes=" + quotesByCurrency.values() + "]";
  }
}
