package dev.tradewind.catalog.contract;

import java.util.List;
import java.util.UUID;

/**
 * Asks for the current state of some SKUs; unknown ids are simply absent from the answer. With a {@code shipTo}
 * country (ISO 3166-1 alpha-2) each snapshot also says whether the goods may be shipped there; without one,
 * every snapshot's {@code shippingRestriction} is null.
 */
public record SkuSnapshotsQuery(List<UUID> skuIds, String shipTo) {
  public SkuSnapshotsQuery {
    skuIds = List.copyOf(skuIds);
  }

  public SkuSnapshotsQuery(List<UUID> skuIds) {
    this(skuIds, null);
  }
}
