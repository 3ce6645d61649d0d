package dev.tradewind.catalog.api;

import dev.tradewind.catalog.application.Reviews;
import dev.tradewind.catalog.domain.NewReview;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/** The HTTP operations on product reviews. */
public final class ReviewApi {
  private static final int DEFAULT_LIMIT = 20;

  private final Reviews reviews;

  public ReviewApi(Reviews reviews) {
    this.reviews = reviews;
  }

  public void register(ApiDispatcher api) {
    api.on("listReviews", Permission.PUBLIC, r -> reviews.list(r.caller(), id(r, "productId"),
          (String) r.query().get("cursor"), limit(r))
        .map(page -> ApiReply.ok(page).withHeader("Cache-Control", "public, no-cache")))
      .on("addReview", Permission.BUYER_SHOP, this::add)
      .on("replyToReview", Permission.CATALOG_EDIT, r -> reviews.reply(r.caller(), id(r, "productId"),
        id(r, "reviewId"), r.body().getString("text"), r.clientAddress(), r.requestId()).map(ApiReply::ok))
      .on("hideReview", Permission.ADMIN_CATALOG_MANAGE, r -> reviews.hide(r.caller(), id(r, "reviewId"),
        r.body().getString("reason"), r.clientAddress(), r.requestId()).map(ApiReply::ok));
  }

  private Future<ApiReply> add(ApiRequest request) {
    JsonObject body = request.body();
    NewReview review = NewReview.of(body.getInteger("rating"), body.getString("title"), body.getString("body"));
    return reviews.add(request.caller(), id(request, "productId"), review)
      .map(created -> new ApiReply(201, Map.of(), created));
  }

  private static UUID id(ApiRequest request, String name) {
    return request.pathId(name);
  }

  private static int limit(ApiRequest request) {
    Object limit = request.query().get("limit");
    return limit == null ? DEFAULT_LIMIT : ((Number) limit).intValue();
  }
}
