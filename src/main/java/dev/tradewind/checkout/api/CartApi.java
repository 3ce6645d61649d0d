package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.Carts;
import dev.tradewind.checkout.application.Carts.CartChange;
import dev.tradewind.checkout.domain.CartCaller;
import dev.tradewind.checkout.domain.CartProblems;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * The HTTP operations on carts. They are public in the contract: who may reach a cart (its buyer, or the holder of
 * its guest token in {@code X-Cart-Token}) is checked by {@link Carts}, and anyone else gets 404.
 */
public final class CartApi {
  private static final String TOKEN = "X-Cart-Token";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Carts carts;

  public CartApi(Carts carts) {
    this.carts = carts;
  }

  public void register(ApiDispatcher api) {
    api.on("createCart", Permission.PUBLIC, this::open)
      .on("getCart", Permission.PUBLIC, r -> carts.view(who(r), cartId(r), r.requestId()).map(ApiReply::ok))
      .on("updateCart", Permission.PUBLIC, r -> carts.change(who(r), cartId(r), change(r.body()), r.requestId())
        .map(ApiReply::ok))
      .on("addCartItem", Permission.PUBLIC, this::add)
      .on("updateCartItem", Permission.PUBLIC, r -> carts.changeQuantity(who(r), cartId(r), r.pathId("lineId"),
        r.body().getInteger("quantity"), r.requestId()).map(ApiReply::ok))
      .on("removeCartItem", Permission.PUBLIC, r -> carts.remove(who(r), cartId(r), r.pathId("lineId"), r.requestId())
        .map(ApiReply::ok));
  }

  private Future<ApiReply> open(ApiRequest request) {
    JsonObject body = request.body() == null ? new JsonObject() : request.body();
    return carts.open(request.caller(), request.header(TOKEN), body.getString("currency"), body.getString("shipTo"),
      request.requestId()).map(opened -> {
        boolean mergeAsked = request.header(TOKEN) != null && request.caller().authenticated();
        CartAnswers.Opened answer = new CartAnswers.Opened(opened.cart(), opened.cartToken(),
          mergeAsked ? opened.merged() : null, mergeAsked ? opened.leftOut() : null);
        String location = "/api/v1/carts/" + opened.cart().id();
        return opened.created() ? ApiReply.created(location, answer) : ApiReply.ok(answer);
      });
  }

  private Future<ApiReply> add(ApiRequest request) {
    return carts.add(who(request), cartId(request), skuId(request.body().getString("skuId")),
        request.body().getInteger("quantity"), request.header(IDEMPOTENCY_KEY), request.requestId())
      .map(added -> {
        ApiReply reply = new ApiReply(201, Map.of(), new CartAnswers.Added(added.cart(), added.lineId()));
        return added.replayed() ? reply.withHeader("Idempotent-Replayed", "true") : reply;
      });
  }

  private static CartChange change(JsonObject body) {
    return new CartChange(body.getString("currency"), body.containsKey("shipTo"), body.getString("shipTo"));
  }

  private static CartCaller who(ApiRequest request) {
    return CartCaller.of(request.caller().userId(), request.header(TOKEN));
  }

  private static UUID cartId(ApiRequest request) {
    return request.pathId("cartId");
  }

  private static UUID skuId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw CartProblems.unknownSku();
    }
  }
}
