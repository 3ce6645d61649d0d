package dev.tradewind.checkout.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import static dev.tradewind.checkout.domain.OrderAction.*;
import static dev.tradewind.checkout.domain.OrderStatus.*;

/**
 * The state machine of a fulfilment, and the rule that derives an order's status from its fulfilments:
 * cancelled fulfilments are ignored; an order with none left is CANCELLED (or EXPIRED if they expired);
 * otherwise it has the status of its least advanced live fulfilment (an order is SHIPPED once every live
 * fulfilment has shipped, DELIVERED once every one is delivered).
 */
public final class OrderLifecycle {
  private static final Map<OrderAction, Map<OrderStatus, OrderStatus>> MOVES = new EnumMap<>(OrderAction.class);

  static {
    move(PAY, PENDING_PAYMENT, PAID);
    move(EXPIRE, PENDING_PAYMENT, EXPIRED);
    move(PACK, PAID, PACKING);
    move(SHIP, PACKING, SHIPPED);
    move(DELIVER, SHIPPED, DELIVERED);
    move(CONFIRM_RECEIPT, DELIVERED, COMPLETED);
    move(BUYER_CANCEL, PENDING_PAYMENT, CANCELLED);
    move(BUYER_CANCEL, PAID, CANCELLED);
    move(BUYER_CANCEL, PACKING, CANCELLED);
    move(MERCHANT_CANCEL, PAID, CANCELLED);
    move(MERCHANT_CANCEL, PACKING, CANCELLED);
  }

  private OrderLifecycle() {
  }

  private static void move(OrderAction action, OrderStatus from, OrderStatus to) {
    MOVES.computeIfAbsent(action, a -> new EnumMap<>(OrderStatus.class)).put(from, to);
  }

  public static boolean allowed(OrderStatus from, OrderAction action) {
    return MOVES.getOrDefault(action, Map.of()).containsKey(from);
  }

  /** The status after {@code action}, or {@link IllegalTransitionException}. */
  public static OrderStatus next(OrderStatus from, OrderAction action) {
    OrderStatus to = MOVES.getOrDefault(action, Map.of()).get(from);
    if (to == null) {
      throw new IllegalTransitionException(from, action);
    }
    return to;
  }

  public static OrderStatus orderStatus(Collection<OrderStatus> fulfilments) {
    OrderStatus least = null;
    boolean expired = false;
    for (OrderStatus status : fulfilments) {
      expired |= status == EXPIRED;
      if (status != CANCELLED && status != EXPIRED && (least == null || status.compareTo(least) < 0)) {
        least = status;
      }
    }
    if (least != null) {
      return least;
    }
    return expired ? EXPIRED : CANCELLED;
  }
}
