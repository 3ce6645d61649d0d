package dev.tradewind.catalog;

import dev.tradewind.catalog.api.CatalogApi;
import dev.tradewind.catalog.api.CatalogCommands;
import dev.tradewind.catalog.api.RestrictionApi;
import dev.tradewind.catalog.api.ReviewApi;
import dev.tradewind.catalog.api.SearchApi;
import dev.tradewind.catalog.application.BuyerCurrency;
import dev.tradewind.catalog.application.BuyerPrivacy;
import dev.tradewind.catalog.application.CatalogSettings;
import dev.tradewind.catalog.application.HotReads;
import dev.tradewind.catalog.application.OtherProcessesChanges;
import dev.tradewind.catalog.application.SaleWindows;
import dev.tradewind.catalog.application.ImportJobs;
import dev.tradewind.catalog.application.StockForwarding;
import dev.tradewind.catalog.application.StockMirror;
import dev.tradewind.catalog.application.DemoCatalogLoader;
import dev.tradewind.catalog.application.MerchantRegistry;
import dev.tradewind.catalog.application.ProductCatalog;
import dev.tradewind.catalog.application.ProductImport;
import dev.tradewind.catalog.application.ProductLifecycle;
import dev.tradewind.catalog.application.ShippingRestrictions;
import dev.tradewind.catalog.application.PurchaseLedger;
import dev.tradewind.catalog.application.Reviews;
import dev.tradewind.catalog.application.ProductSearch;
import dev.tradewind.catalog.application.SearchResultCache;
import dev.tradewind.catalog.application.Storefront;
import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.domain.CategorySeed;
import dev.tradewind.catalog.infra.BuyerDataRepository;
import dev.tradewind.catalog.infra.CategoryRepository;
import dev.tradewind.catalog.infra.ImportJobRepository;
import dev.tradewind.catalog.infra.StockMirrorRepository;
import dev.tradewind.catalog.infra.MerchantRegistryRepository;
import dev.tradewind.catalog.infra.ProductReadRepository;
import dev.tradewind.catalog.infra.ProductSearchRepository;
import dev.tradewind.catalog.infra.ProductWriteRepository;
import dev.tradewind.catalog.infra.ShippingRestrictionRepository;
import dev.tradewind.catalog.infra.PurchaseRepository;
import dev.tradewind.catalog.infra.ReviewRepository;
import dev.tradewind.shared.fx.PlatformFx;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

import java.time.Clock;

/** The catalog context: categories, merchants' products and SKUs, and the storefront's reads of them. */
public final class CatalogVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return CatalogContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    Clock clock = Clock.systemUTC();
    var pool = runtime.pool();
    CatalogSettings settings = CatalogSettings.from(config());
    HotReads hotReads = HotReads.of(vertx, settings);
    StockForwarding stock = new StockForwarding(vertx);
    CategoryRepository categories = new CategoryRepository();
    ProductReadRepository reads = new ProductReadRepository();
    MerchantRegistryRepository merchants = new MerchantRegistryRepository();
    ProductWriteRepository writes = new ProductWriteRepository();
    ShippingRestrictionRepository restrictions = new ShippingRestrictionRepository();
    ProductCatalog catalog = new ProductCatalog(runtime, writes, categories, clock, hotReads);
    ProductImport productImport = new ProductImport(vertx, pool, merchants, catalog, stock);
    ImportJobs importJobs = new ImportJobs(vertx, pool, new ImportJobRepository(), productImport, settings, clock);
    new CatalogApi(new Storefront(pool, reads, categories, restrictions, PlatformFx.of(vertx), clock, hotReads,
        new BuyerCurrency(vertx, settings.buyerPreferenceTtlMs())),
      productImport, importJobs, new ProductLifecycle(runtime, writes, clock, hotReads))
      .register(runtime.api());
    new RestrictionApi(new ShippingRestrictions(vertx, pool, restrictions, clock, hotReads)).register(runtime.api());
    PurchaseRepository purchases = new PurchaseRepository();
    new ReviewApi(new Reviews(runtime, new ReviewRepository(), purchases, clock, hotReads)).register(runtime.api());
    new SearchApi(new ProductSearch(pool, new ProductSearchRepository(), PlatformFx.of(vertx), clock,
        SearchResultCache.of(vertx, settings, hotReads)))
      .register(runtime.api());
    KafkaEventConsumer merchantEvents = new MerchantRegistry(runtime, merchants).consumer();
    closeOnStop(merchantEvents::stop);
    KafkaEventConsumer purchaseEvents = new PurchaseLedger(runtime, purchases).consumer();
    closeOnStop(purchaseEvents::stop);
    KafkaEventConsumer stockEvents = new StockMirror(runtime, new StockMirrorRepository(), hotReads).consumer();
    closeOnStop(stockEvents::stop);
    KafkaEventConsumer otherProcesses = new OtherProcessesChanges(runtime, hotReads).consumer();
    closeOnStop(otherProcesses::stop);
    SaleWindows saleWindows = new SaleWindows(vertx, pool, reads, hotReads, clock);
    closeOnStop(() -> {
      saleWindows.stop();
      return Future.succeededFuture();
    });
    closeOnStop(() -> {
      importJobs.stop();
      return Future.succeededFuture();
    });
    BuyerPrivacy privacy = new BuyerPrivacy(runtime, new BuyerDataRepository());
    KafkaEventConsumer erasures = privacy.erasures();
    closeOnStop(erasures::stop);
    return pool.withTransaction(tx -> categories.seed(tx, CategorySeed.tree()))
      .compose(v -> new CatalogCommands(vertx, pool, reads,
        new DemoCatalogLoader(pool, catalog, merchants, reads, clock, stock), clock).register())
      .compose(v -> privacy.contributeToExports())
      .compose(v -> erasures.start())
      .compose(v -> merchantEvents.start())
      .compose(v -> purchaseEvents.start())
      .compose(v -> stockEvents.start())
      .compose(v -> otherProcesses.start())
      .onSuccess(v -> {
        importJobs.start();
        saleWindows.start();
      });
  }
}
