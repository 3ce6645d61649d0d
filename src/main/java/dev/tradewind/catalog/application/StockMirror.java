package dev.tradewind.catalog.application;

import dev.tradewind.catalog.infra.StockMirrorRepository;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.StockChanged;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.util.Set;

/**
 * Keeps {@code catalog.skus.available} as a copy of checkout's stock, from its {@code StockChanged} events on Kafka:
 * a figure only if its version is newer than the one held, so a late event never brings back an old figure and a
 * repeated one changes nothing (no inbox row is needed for that). Search's {@code inStock} and the product page read
 * this copy. A figure that leaves the SKU in or out of stock as it was takes one statement; only a flip, which
 * refreshes the product's search columns, takes the product's lock in a transaction.
 */
public final class StockMirror {
  private static final String CONSUMER = "catalog.stock-mirror";

  private final ContextRuntime runtime;
  private final StockMirrorRepository stock;
  private final HotReads hotReads;

  public StockMirror(ContextRuntime runtime, StockMirrorRepository stock, HotReads hotReads) {
    this.runtime = runtime;
    this.stock = stock;
    this.hotReads = hotReads;
  }

  public KafkaEventConsumer consumer() {
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER,
      Set.of(CheckoutContract.STOCK_CHANGED.topic()), this::apply);
  }

  private Future<Void> apply(EventEnvelope event) {
    StockChanged changed = Json.convert(event.payload(), StockChanged.class);
    int available = Math.max(0, changed.available());
    return stock.applyIfStillInStockState(runtime.pool(), changed.skuId(), available, changed.version())
      .compose(applied -> applied.isPresent() ? Future.succeededFuture(applied)
        : runtime.pool().withTransaction(tx -> stock.apply(tx, changed.skuId(), available, changed.version())))
      .onSuccess(applied -> applied.ifPresent(a -> hotReads.stockChanged(a.productId(), a.inStockChanged())))
      .mapEmpty();
  }
}
