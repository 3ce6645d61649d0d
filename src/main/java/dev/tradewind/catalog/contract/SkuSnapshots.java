package dev.tradewind.catalog.contract;

import java.util.List;

/** The answer to {@link SkuSnapshotsQuery}. */
public record SkuSnapshots(List<SkuSnapshot> skus) {
  public SkuSnapshots {
    skus = List.copyOf(skus);
  }
}
