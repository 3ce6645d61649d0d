package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.OrderActions;
import dev.tradewind.checkout.application.OrderQueries;
import dev.tradewind.checkout.application.PlaceOrder;
import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.auth.Permission;

import java.util.UUID;

/** The HTTP operations on orders: buyers place and follow theirs, merchants move their fulfilments, admins see all. */
public final class OrderApi {
  private static final int DEFAULT_LIMIT = 20;

  private final PlaceOrder place;
  private final OrderQueries queries;
  private final OrderActions actions;

  public OrderApi(PlaceOrder place, OrderQueries queries, OrderActions actions) {
    this.place = place;
    this.queries = queries;
    this.actions = actions;
  }

  public void register(ApiDispatcher api) {
    api.on("placeOrder", Permission.BUYER_SHOP, r -> place.place(r.caller(), r.header("Idempotency-Key"),
        r.bodyId("quoteId"), r.body().getString("note"), r.requestId()))
      .on("listOrders", Permission.BUYER_SHOP, r -> queries.buyerOrders(r.caller(), cursor(r), limit(r)).map(ApiReply::ok))
      .on("getOrder", Permission.BUYER_SHOP, r -> queries.buyerOrder(r.caller(), r.pathId("orderId"))
        .map(ApiReply::ok))
      .on("cancelOrder", Permission.BUYER_SHOP, r -> buyer(r, OrderAction.BUYER_CANCEL))
      .on("confirmReceipt", Permission.BUYER_SHOP, r -> buyer(r, OrderAction.CONFIRM_RECEIPT))
      .on("listMerchantOrders", Permission.MERCHANT_READ, r -> queries.merchantOrders(r.caller(), cursor(r), limit(r))
        .map(ApiReply::ok))
      .on("getMerchantOrder", Permission.MERCHANT_READ, r -> queries.merchantFulfilment(r.caller(),
        r.pathId("fulfilmentId")).map(ApiReply::ok))
      .on("packFulfilment", Permission.MERCHANT_ORDERS_HANDLE, r -> merchant(r, OrderAction.PACK))
      .on("shipFulfilment", Permission.MERCHANT_ORDERS_HANDLE, r -> merchant(r, OrderAction.SHIP))
      .on("cancelFulfilment", Permission.MERCHANT_ORDERS_HANDLE, r -> merchant(r, OrderAction.MERCHANT_CANCEL))
      .on("listAllOrders", Permission.ADMIN_ORDERS_READ, r -> queries.allOrders((String) r.query().get("status"),
        cursor(r), limit(r)).map(ApiReply::ok))
      .on("getAnyOrder", Permission.ADMIN_ORDERS_READ, r -> queries.anyOrder(r.pathId("orderId")).map(ApiReply::ok))
      .on("markOrderPaid", Permission.ADMIN_ORDERS_MANAGE, r -> actions.markPaid(r.caller(), r.pathId("orderId"),
        reason(r), r.clientAddress(), r.requestId()).map(ApiReply::ok))
      .on("markFulfilmentDelivered", Permission.ADMIN_ORDERS_MANAGE, r -> actions.markDelivered(r.caller(),
        r.pathId("fulfilmentId"), reason(r), r.clientAddress(), r.requestId()).map(ApiReply::ok));
  }

  private io.vertx.core.Future<ApiReply> buyer(ApiRequest r, OrderAction action) {
    return actions.buyer(r.caller(), r.pathId("orderId"), action, reason(r), r.requestId()).map(ApiReply::ok);
  }

  private io.vertx.core.Future<ApiReply> merchant(ApiRequest r, OrderAction action) {
    var body = r.body();
    return actions.merchant(r.caller(), r.pathId("fulfilmentId"), action, reason(r),
      body == null ? null : body.getString("carrier"), body == null ? null : body.getString("trackingNumber"),
      r.requestId()).map(ApiReply::ok);
  }

  private static String reason(ApiRequest r) {
    return r.body() == null ? null : r.body().getString("reason");
  }

  private static String cursor(ApiRequest r) {
    return (String) r.query().get("cursor");
  }

  private static int limit(ApiRequest r) {
    Object limit = r.query().get("limit");
    return limit == null ? DEFAULT_LIMIT : ((Number) limit).intValue();
  }
}
