package dev.tradewind.checkout.contract;

/** The checkout context as other contexts see it: its name, addresses and topics. */
public final class CheckoutContract {
  public static final String CONTEXT = "checkout";

  private CheckoutContract() {
  }
}
