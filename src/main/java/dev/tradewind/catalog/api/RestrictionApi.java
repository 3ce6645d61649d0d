package dev.tradewind.catalog.api;

import dev.tradewind.catalog.application.ShippingRestrictions;
import dev.tradewind.catalog.application.ShippingRestrictions.Origin;
import dev.tradewind.catalog.domain.ShippingRule;
import dev.tradewind.catalog.infra.ShippingRestrictionRepository.StoredRestriction;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/** The admins' HTTP operations on shipping restrictions. */
public final class RestrictionApi {
  private static final String COLLECTION = "/api/v1/admin/shipping-restrictions";

  private final ShippingRestrictions restrictions;

  public RestrictionApi(ShippingRestrictions restrictions) {
    this.restrictions = restrictions;
  }

  public void register(ApiDispatcher api) {
    api.on("listShippingRestrictions", Permission.ADMIN_CATALOG_MANAGE, this::list)
      .on("addShippingRestriction", Permission.ADMIN_CATALOG_MANAGE, this::add)
      .on("removeShippingRestriction", Permission.ADMIN_CATALOG_MANAGE, this::remove);
  }

  private Future<ApiReply> list(ApiRequest request) {
    return restrictions.list((String) request.query().get("country")).map(RestrictionApi::items).map(ApiReply::ok);
  }

  private Future<ApiReply> add(ApiRequest request) {
    JsonObject body = request.body();
    ShippingRule.Parsed parsed = ShippingRule.parse(body.getString("country"), body.getString("category"),
      body.getString("hsChapter"), body.getString("reason"));
    return restrictions.add(parsed, origin(request))
      .map(added -> ApiReply.created(COLLECTION + "/" + added.id(), view(added)));
  }

  private Future<ApiReply> remove(ApiRequest request) {
    return restrictions.remove(request.pathId("restrictionId"), origin(request))
      .map(v -> ApiReply.noContent());
  }

  private static Origin origin(ApiRequest request) {
    return new Origin(request.caller(), request.clientAddress(), request.requestId());
  }

  private static JsonObject items(List<StoredRestriction> all) {
    JsonArray items = new JsonArray();
    all.forEach(r -> items.add(view(r)));
    return new JsonObject().put("items", items);
  }

  private static JsonObject view(StoredRestriction r) {
    ShippingRule rule = r.rule();
    return new JsonObject().put("id", r.id().toString()).put("country", rule.country())
      .put("category", rule.categorySlug()).put("hsChapter", rule.hsChapter()).put("reason", rule.reason())
      .put("createdAt", r.createdAt().toString());
  }
}
