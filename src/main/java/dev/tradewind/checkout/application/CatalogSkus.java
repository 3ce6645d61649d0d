package dev.tradewind.checkout.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.catalog.contract.SkuSnapshots;
import dev.tradewind.catalog.contract.SkuSnapshotsQuery;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue's current view of some SKUs, asked over the bus: what carts, quotes and stock checks read. */
final class CatalogSkus {
  private CatalogSkus() {
  }

  /** By SKU id; unknown SKUs are absent. With {@code shipTo}, each snapshot says whether it may go there. */
  static Future<Map<UUID, SkuSnapshot>> byId(Vertx vertx, List<UUID> skuIds, String shipTo, String requestId) {
    return Bus.<SkuSnapshots>request(vertx, CatalogContract.SKU_SNAPSHOTS, new SkuSnapshotsQuery(skuIds, shipTo), requestId)
      .map(answer -> answer.skus().stream()
        .collect(Collectors.toMap(SkuSnapshot::skuId, Function.identity(), (first, same) -> first)));
  }
}
