package dev.tradewind.catalog.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The catalog context as other contexts see it: its name, addresses and topics. */
public final class CatalogContract {
  public static final String CONTEXT = "catalog";

  /** Request/reply with {@link SkuSnapshotsQuery}; answers {@link SkuSnapshots}: what checkout prices orders from. */
  public static final String SKU_SNAPSHOTS = "catalog.get-sku-snapshots";

  /** Request/reply with {@link LoadDemoCatalog}; answers {@link DemoCatalogLoaded}. Demo data only. */
  public static final String LOAD_DEMO_CATALOG = "catalog.load-demo-catalog";

  public static final EventChannel<ProductPublished> PRODUCT_PUBLISHED =
    EventChannel.of(CONTEXT, "product-published", 1, ProductPublished.class);
  public static final EventChannel<ProductChanged> PRODUCT_CHANGED =
    EventChannel.of(CONTEXT, "product-changed", 1, ProductChanged.class);
  public static final EventChannel<PriceChanged> PRICE_CHANGED =
    EventChannel.of(CONTEXT, "price-changed", 1, PriceChanged.class);
  public static final EventChannel<ProductArchived> PRODUCT_ARCHIVED =
    EventChannel.of(CONTEXT, "product-archived", 1, ProductArchived.class);

  private CatalogContract() {
  }
}
