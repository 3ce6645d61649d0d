package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.StockChanged;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.outbox.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** In a transaction that changed availability: bump each SKU's version once and write one StockChanged per SKU. */
public final class StockEvents {
  private final StockRepository stock;
  private final OutboxRepository outbox;

  public StockEvents(StockRepository stock, OutboxRepository outbox) {
    this.stock = stock;
    this.outbox = outbox;
  }

  Future<List<StockRepository.Availability>> announce(SqlConnection tx, Collection<UUID> skuIds, Instant now,
                                                      String requestId) {
    if (skuIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return stock.bumpVersions(tx, skuIds).compose(changes -> Future.all(changes.stream()
        .map(c -> outbox.append(tx, CheckoutContract.STOCK_CHANGED, new StockChanged(UUID.randomUUID(), now,
          c.skuId().toString(), 1, c.skuId(), c.merchantId(), c.available(), c.version()), requestId)).toList())
      .map(v -> changes));
  }
}
