package dev.tradewind.checkout.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tradewind.checkout.domain.OrderAction.*;
import static dev.tradewind.checkout.domain.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A fulfilment moves only along its lifecycle; every other move is refused")
class OrderLifecycleTest {
  private static final Map<OrderStatus, Map<OrderAction, OrderStatus>> LEGAL = Map.of(
    PENDING_PAYMENT, Map.of(PAY, PAID, EXPIRE, EXPIRED, BUYER_CANCEL, CANCELLED),
    PAID, Map.of(PACK, PACKING, BUYER_CANCEL, CANCELLED, MERCHANT_CANCEL, CANCELLED),
    PACKING, Map.of(SHIP, SHIPPED, BUYER_CANCEL, CANCELLED, MERCHANT_CANCEL, CANCELLED),
    SHIPPED, Map.of(DELIVER, DELIVERED),
    DELIVERED, Map.of(CONFIRM_RECEIPT, COMPLETED),
    COMPLETED, Map.of(), CANCELLED, Map.of(), EXPIRED, Map.of());

  static Stream<Arguments> everyPair() {
    return Stream.of(OrderStatus.values()).flatMap(s -> Stream.of(OrderAction.values()).map(a -> Arguments.of(s, a)));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("everyPair")
  void eachStatusAndAction(OrderStatus from, OrderAction action) {
    OrderStatus expected = LEGAL.get(from).get(action);
    if (expected != null) {
      assertThat(OrderLifecycle.next(from, action)).isEqualTo(expected);
    } else {
      assertThat(OrderLifecycle.allowed(from, action)).isFalse();
      assertThatThrownBy(() -> OrderLifecycle.next(from, action)).isInstanceOf(IllegalTransitionException.class);
    }
  }

  @Test
  @DisplayName("an order has the status of its least advanced live fulfilment; none live means cancelled or expired")
  void derivedOrderStatus() {
    assertThat(OrderLifecycle.orderStatus(List.of(SHIPPED, PACKING))).isEqualTo(PACKING);
    assertThat(OrderLifecycle.orderStatus(List.of(SHIPPED, CANCELLED))).isEqualTo(SHIPPED);
    assertThat(OrderLifecycle.orderStatus(List.of(DELIVERED, DELIVERED))).isEqualTo(DELIVERED);
    assertThat(OrderLifecycle.orderStatus(List.of(CANCELLED, CANCELLED))).isEqualTo(CANCELLED);
    assertThat(OrderLifecycle.orderStatus(List.of(EXPIRED))).isEqualTo(EXPIRED);
  }
}
