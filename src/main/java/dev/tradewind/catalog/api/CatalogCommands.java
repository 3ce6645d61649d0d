package dev.tradewind.catalog.api;

import dev.tradewind.catalog.application.DemoCatalogLoader;
import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.LoadDemoCatalog;
import dev.tradewind.catalog.contract.SkuSnapshots;
import dev.tradewind.catalog.contract.SkuSnapshotsQuery;
import dev.tradewind.catalog.infra.ProductReadRepository;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;

/** Event-bus queries and commands other contexts send to the catalogue. */
public final class CatalogCommands {
  private final Vertx vertx;
  private final Pool pool;
  private final ProductReadRepository products;
  private final DemoCatalogLoader demo;
  private final Clock clock;

  public CatalogCommands(Vertx vertx, Pool pool, ProductReadRepository products, DemoCatalogLoader demo, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.products = products;
    this.demo = demo;
    this.clock = clock;
  }

  public Future<Void> register() {
    var bus = vertx.eventBus();
    return Future.all(List.of(
      bus.<SkuSnapshotsQuery>consumer(CatalogContract.SKU_SNAPSHOTS, message -> Bus.answer(message,
        products.snapshots(pool, message.body().skuIds(), message.body().shipTo(), clock.instant()).map(SkuSnapshots::new))).completion(),
      bus.<LoadDemoCatalog>consumer(CatalogContract.LOAD_DEMO_CATALOG, message -> Bus.answer(message,
        demo.load(message.body()))).completion()
    )).mapEmpty();
  }

}
