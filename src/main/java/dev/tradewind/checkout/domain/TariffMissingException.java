package dev.tradewind.checkout.domain;

/** No rule in force covers what was asked (a destination without tax or duty rules, a lane without a rate). */
public final class TariffMissingException extends RuntimeException {
  public TariffMissingException(String message) {
    super(message);
  }
}
