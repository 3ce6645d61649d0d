package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.infra.StockRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * In a transaction that changed availability: bump each SKU's version once and write one StockChanged per SKU, in one
 * statement that can follow the change without waiting for its answer.
 */
public final class StockEvents {
  private final StockRepository stock;

  public StockEvents(StockRepository stock) {
    this.stock = stock;
  }

  Future<List<StockRepository.Availability>> announce(SqlConnection tx, Collection<UUID> skuIds, Instant now,
                                                      String requestId) {
    if (skuIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return stock.announce(tx, skuIds, CheckoutContract.STOCK_CHANGED.topic(), CheckoutContract.STOCK_CHANGED.address(),
      now, requestId);
  }
}
