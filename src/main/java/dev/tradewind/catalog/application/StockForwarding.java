package dev.tradewind.catalog.application;

import dev.tradewind.catalog.application.ProductCatalog.StockFigure;
import dev.tradewind.catalog.domain.RowError;
import dev.tradewind.catalog.infra.MerchantRegistryRepository.Seller;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.SetStock;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the stock figures of an import to checkout, which owns stock, at the merchant's default location in the
 * merchant's country. Runs after the products committed: a figure checkout does not take becomes a warning on its
 * row (the merchant sets it again through checkout's stock API), never a lost product.
 */
public final class StockForwarding {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StockForwarding.class);
  static final int LEVELS_PER_REQUEST = 500;
  static final String RULE = "stock-not-set";

  private final Vertx vertx;

  public StockForwarding(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Answers one warning per row whose figure checkout did not take; never fails. */
  public Future<List<RowError>> forward(Seller seller, List<StockFigure> figures, String requestId) {
    List<RowError> warnings = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < figures.size(); from += LEVELS_PER_REQUEST) {
      List<StockFigure> batch = figures.subList(from, Math.min(figures.size(), from + LEVELS_PER_REQUEST));
      chain = chain.compose(v -> send(seller, batch, requestId).recover(failure -> {
        LOG.warn("checkout did not take {} stock figures of merchant {}: {}", batch.size(), seller.id(), failure.toString());
        batch.forEach(figure -> warnings.add(new RowError(figure.line(), figure.skuCode(), "stock", RULE,
          "the product was stored, but checkout did not take its stock figure (" + failure.getMessage()
            + "); set it again through the stock API")));
        return Future.succeededFuture();
      }));
    }
    return chain.map(v -> warnings);
  }

  private Future<Void> send(Seller seller, List<StockFigure> batch, String requestId) {
    SetStock command = new SetStock(seller.id(), seller.country(),
      batch.stream().map(f -> new SetStock.Level(f.skuId(), f.onHand())).toList());
    return Bus.request(vertx, CheckoutContract.SET_STOCK, command, requestId).mapEmpty();
  }
}
