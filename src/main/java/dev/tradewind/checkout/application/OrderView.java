package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Order;
import dev.tradewind.shared.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/** How orders and fulfilments look to buyers, merchants and admins. */
public final class OrderView {
  private OrderView() {
  }

  static JsonObject of(Order order) {
    return summary(order).put("fulfilments", new JsonArray(order.fulfilments().stream().map(OrderView::fulfilment).toList()));
  }

  static JsonObject withTransitions(Order order, List<Order.Transition> transitions) {
    return of(order).put("transitions", new JsonArray(transitions.stream().map(Json::object).toList()));
  }

  /** A merchant sees its own fulfilment and where it goes, not the rest of the order. */
  static JsonObject merchantView(Order order, UUID fulfilmentId) {
    Order.Fulfilment f = order.fulfilments().stream().filter(x -> x.id().equals(fulfilmentId)).findFirst().orElseThrow();
    return fulfilment(f).put("orderId", order.id().toString()).put("orderStatus", order.status().name())
      .put("shippingAddress", Json.object(order.shippingAddress())).put("createdAt", order.createdAt().toString());
  }

  private static JsonObject summary(Order order) {
    return new JsonObject().put("id", order.id().toString()).put("buyerId", order.buyerId().toString())
      .put("quoteId", order.quoteId().toString()).put("status", order.status().name())
      .put("dueNow", Json.object(order.dueNow())).put("shippingAddress", Json.object(order.shippingAddress()))
      .put("note", order.note()).put("reservationExpiresAt", order.reservationExpiresAt().toString())
      .put("createdAt", order.createdAt().toString()).put("updatedAt", order.updatedAt().toString());
  }

  private static JsonObject fulfilment(Order.Fulfilment f) {
    return new JsonObject().put("id", f.id().toString()).put("merchantId", f.merchantId().toString())
      .put("status", f.status().name()).put("amount", Json.object(f.amount())).put("carrier", f.carrier())
      .put("trackingNumber", f.trackingNumber())
      .put("lines", new JsonArray(f.lines().stream().map(line -> new JsonObject().put("skuId", line.skuId().toString())
        .put("productId", line.productId().toString()).put("title", line.title()).put("quantity", line.quantity())
        .put("unitPrice", Json.object(line.unitPrice())).put("subtotal", Json.object(line.subtotal()))).toList()));
  }
}
