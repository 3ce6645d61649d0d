package dev.tradewind.shared.money;

/** Two amounts in different currencies were combined; convert one of them first. */
public final class CurrencyMismatchException extends IllegalArgumentException {

  private final CurrencyCode expected;
  private final CurrencyCode actual;

  public CurrencyMismatchException(CurrencyCode expected, CurrencyCode actual) {
    super("currency mismatch: expected " + expected + " but got " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public CurrencyCode expected() {
    return expected;
  }

  public CurrencyCode actual() {
    return actual;
  }
}
