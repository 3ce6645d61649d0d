package dev.tradewind.catalog.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this process's hot reads true to what other processes commit: every catalogue verticle reads the catalogue's
 * own product events and checkout's stock changes with a consumer group of its own, from the newest on. A product
 * event evicts that product's page and moves the search generation; a stock change moves it when a SKU runs out or
 * comes back as far as this process has heard (the only stock fact a search shows). Changes that send no event
 * (ratings, units sold, restrictions made elsewhere) still wait for the caches' time to live.
 */
public final class OtherProcessesChanges {
  private static final String CONSUMER = "catalog-hot-reads";

  private final ContextRuntime runtime;
  private final HotReads hotReads;
  private final Set<UUID> soldOut = ConcurrentHashMap.newKeySet();

  public OtherProcessesChanges(ContextRuntime runtime, HotReads hotReads) {
    this.runtime = runtime;
    this.hotReads = hotReads;
  }

  public KafkaEventConsumer consumer() {
    return KafkaEventConsumer.broadcast(runtime.vertx(), runtime.kafka(), CONSUMER, Set.of(
      CatalogContract.PRODUCT_PUBLISHED.topic(), CatalogContract.PRODUCT_CHANGED.topic(),
      CatalogContract.PRICE_CHANGED.topic(), CatalogContract.PRODUCT_ARCHIVED.topic(),
      CheckoutContract.STOCK_CHANGED.topic()), this::apply);
  }

  Future<Void> apply(EventEnvelope event) {
    if (event.topic().equals(CheckoutContract.STOCK_CHANGED.topic())) {
      UUID sku = UUID.fromString(event.payload().getString("skuId"));
      boolean ranOutOrCameBack = event.payload().getInteger("available", 0) <= 0 ? soldOut.add(sku) : soldOut.remove(sku);
      if (ranOutOrCameBack) {
        hotReads.searchesChanged();
      }
    } else {
      String product = event.payload().getString("productId");
      if (product == null) {
        hotReads.everythingChanged();
      } else {
        hotReads.productChanged(UUID.fromString(product));
      }
    }
    return Future.succeededFuture();
  }
}
