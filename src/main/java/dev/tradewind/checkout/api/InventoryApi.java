package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.Inventory;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.auth.Permission;

import java.util.Map;

/** The merchant's HTTP operations on fulfilment locations and stock. */
public final class InventoryApi {
  private final Inventory inventory;

  public InventoryApi(Inventory inventory) {
    this.inventory = inventory;
  }

  public void register(ApiDispatcher api) {
    api.on("addLocation", Permission.CATALOG_EDIT, r -> inventory.addLocation(r.caller(), r.body().getString("name"),
        r.body().getString("country")).map(created -> new ApiReply(201, Map.of(), created)))
      .on("listLocations", Permission.MERCHANT_READ, r -> inventory.locations(r.caller()).map(ApiReply::ok))
      .on("setStock", Permission.CATALOG_EDIT, r -> inventory.setStock(r.caller(), r.pathId("skuId"),
        r.bodyId("locationId"), r.body().getInteger("onHand"), r.requestId()).map(ApiReply::ok))
      .on("getStock", Permission.MERCHANT_READ, r -> inventory.stockOf(r.caller(), r.pathId("skuId"), r.requestId())
        .map(ApiReply::ok));
  }
}
