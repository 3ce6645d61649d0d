package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The checkout context as other contexts see it: its name, addresses and topics. */
public final class CheckoutContract {
  public static final String CONTEXT = "checkout";

  /** Request/reply with {@link SetStock}; answers {@link StockSet}. */
  public static final String SET_STOCK = "checkout.set-stock";

  /** Request/reply with {@link AmountDueQuery}; answers {@link AmountDue}, or fails 404 for an unknown order. */
  public static final String GET_AMOUNT_DUE = "checkout.get-amount-due";

  /** A SKU's available stock changed: Kafka topic {@code checkout.stock-changed.v1}, key = SKU id. */
  public static final EventChannel<StockChanged> STOCK_CHANGED =
    EventChannel.of(CONTEXT, "stock-changed", 1, StockChanged.class);

  /** An order was placed and its stock reserved: topic {@code checkout.order-placed.v1}, key = order id. */
  public static final EventChannel<OrderPlaced> ORDER_PLACED = EventChannel.of(CONTEXT, "order-placed", 1, OrderPlaced.class);

  /** An order was paid: Kafka topic {@code checkout.order-paid.v1}, key = order id. */
  public static final EventChannel<OrderPaid> ORDER_PAID = EventChannel.of(CONTEXT, "order-paid", 1, OrderPaid.class);

  /** An order or one of its fulfilments was cancelled: topic {@code checkout.order-cancelled.v1}, key = order id. */
  public static final EventChannel<OrderCancelled> ORDER_CANCELLED =
    EventChannel.of(CONTEXT, "order-cancelled", 1, OrderCancelled.class);

  /** An unpaid order's reservation lapsed: topic {@code checkout.order-expired.v1}, key = order id. */
  public static final EventChannel<OrderExpired> ORDER_EXPIRED =
    EventChannel.of(CONTEXT, "order-expired", 1, OrderExpired.class);

  /** A merchant packed a fulfilment: topic {@code checkout.fulfilment-ready-to-ship.v1}, key = order id. */
  public static final EventChannel<FulfilmentReadyToShip> FULFILMENT_READY_TO_SHIP =
    EventChannel.of(CONTEXT, "fulfilment-ready-to-ship", 1, FulfilmentReadyToShip.class);

  /** A fulfilment left with a carrier: topic {@code checkout.fulfilment-shipped.v1}, key = order id. */
  public static final EventChannel<FulfilmentShipped> FULFILMENT_SHIPPED =
    EventChannel.of(CONTEXT, "fulfilment-shipped", 1, FulfilmentShipped.class);

  /** A fulfilment reached the buyer: topic {@code checkout.order-delivered.v1}, key = order id. */
  public static final EventChannel<OrderDelivered> ORDER_DELIVERED =
    EventChannel.of(CONTEXT, "order-delivered", 1, OrderDelivered.class);

  private CheckoutContract() {
  }
}
