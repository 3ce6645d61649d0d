package dev.tradewind.payments.contract;

/** The payments context as other contexts see it: its name, addresses and topics. */
public final class PaymentsContract {
  public static final String CONTEXT = "payments";

  private PaymentsContract() {
  }
}
