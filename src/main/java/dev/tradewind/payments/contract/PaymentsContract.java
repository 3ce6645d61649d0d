package dev.tradewind.payments.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The payments context as other contexts see it: its name, addresses and topics. */
public final class PaymentsContract {
  public static final String CONTEXT = "payments";

  /** A payment for an order was captured: topic {@code payments.payment-captured.v1}, key = order id. */
  public static final EventChannel<PaymentCaptured> PAYMENT_CAPTURED =
    EventChannel.of(CONTEXT, "payment-captured", 1, PaymentCaptured.class);

  /** A payment attempt for an order failed: topic {@code payments.payment-failed.v1}, key = order id. */
  public static final EventChannel<PaymentFailed> PAYMENT_FAILED =
    EventChannel.of(CONTEXT, "payment-failed", 1, PaymentFailed.class);

  private PaymentsContract() {
  }
}
