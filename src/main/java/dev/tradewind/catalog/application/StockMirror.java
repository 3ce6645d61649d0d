package dev.tradewind.catalog.application;

import dev.tradewind.catalog.infra.StockMirrorRepository;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.StockChanged;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code catalog.skus.available} as a copy of checkout's stock, from its {@code StockChanged} events on Kafka:
 * each event applied once (inbox), and a figure only if its version is newer than the one held, so a late event
 * never brings back an old figure. Search's {@code inStock} and the product page read this copy.
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
    UUID eventId = event.eventId() != null ? event.eventId() : changed.eventId();
    return runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, CONSUMER, eventId)
        .compose(first -> first ? stock.apply(tx, changed.skuId(), Math.max(0, changed.available()), changed.version())
          : Future.succeededFuture(Optional.<StockMirrorRepository.Applied>empty())))
      .onSuccess(applied -> applied.ifPresent(a -> hotReads.stockChanged(a.productId(), a.inStockChanged())))
      .mapEmpty();
  }
}
