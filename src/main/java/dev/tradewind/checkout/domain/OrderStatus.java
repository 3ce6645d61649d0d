package dev.tradewind.checkout.domain;

/** The status of an order and of each fulfilment, in the order goods move forward. */
public enum OrderStatus {
  PENDING_PAYMENT, PAID, PACKING, SHIPPED, DELIVERED, COMPLETED, CANCELLED, EXPIRED;

  public boolean closed() {
    return this == CANCELLED || this == EXPIRED || this == COMPLETED;
  }
}
