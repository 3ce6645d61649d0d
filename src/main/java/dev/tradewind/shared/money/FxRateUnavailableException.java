package dev.tradewind.shared.money;

/** No rate is known for converting {@code from} into {@code to}. */
public final class FxRateUnavailableException extends RuntimeException {

  private final CurrencyCode from;
  private final CurrencyCode to;

  public FxRateUnavailableException(CurrencyCode from, CurrencyCode to) {
    super("no FX rate available for " + from + "->" + to);
    this.from = from;
    this.to = to;
  }

  public CurrencyCode from() {
    return from;
  }

  public CurrencyCode to() {
    return to;
  }
}
