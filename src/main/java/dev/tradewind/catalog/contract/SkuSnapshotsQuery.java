package dev.tradewind.catalog.contract;

import java.util.List;
import java.util.UUID;

/** Asks for the current state of some SKUs; unknown ids are simply absent from the answer. */
public record SkuSnapshotsQuery(List<UUID> skuIds) {
  public SkuSnapshotsQuery {
    skuIds = List.copyOf(skuIds);
  }
}
