package dev.tradewind.checkout.domain;

/** An action that the current status does not allow (answered 409). */
public final class IllegalTransitionException extends RuntimeException {
  public IllegalTransitionException(OrderStatus from, OrderAction action) {
    super("Cannot " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " in status " + from + ".",
      null, false, false);
  }
}
