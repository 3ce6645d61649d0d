package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The checkout context as other contexts see it: its name, addresses and topics. */
public final class CheckoutContract {
  public static final String CONTEXT = "checkout";

  /** Request/reply with {@link SetStock}; answers {@link StockSet}. */
  public static final String SET_STOCK = "checkout.set-stock";

  /** A SKU's available stock changed: Kafka topic {@code checkout.stock-changed.v1}, key = SKU id. */
  public static final EventChannel<StockChanged> STOCK_CHANGED =
    EventChannel.of(CONTEXT, "stock-changed", 1, StockChanged.class);

  /** An order was paid: Kafka topic {@code checkout.order-paid.v1}, key = order id. */
  public static final EventChannel<OrderPaid> ORDER_PAID = EventChannel.of(CONTEXT, "order-paid", 1, OrderPaid.class);

  private CheckoutContract() {
  }
}
