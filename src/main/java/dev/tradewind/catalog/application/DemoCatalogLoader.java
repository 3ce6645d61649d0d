package dev.tradewind.catalog.application;

import dev.tradewind.catalog.application.ProductCatalog.Numbered;
import dev.tradewind.catalog.contract.DemoCatalogLoaded;
import dev.tradewind.catalog.contract.LoadDemoCatalog;
import dev.tradewind.catalog.contract.LoadDemoCatalog.DemoMerchant;
import dev.tradewind.catalog.domain.DemoCatalog;
import dev.tradewind.catalog.domain.ProductRow;
import dev.tradewind.catalog.infra.MerchantRegistryRepository;
import dev.tradewind.catalog.infra.MerchantRegistryRepository.Seller;
import dev.tradewind.catalog.infra.ProductReadRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the demo catalogue once per demo merchant: a merchant that already has products is left alone. */
public final class DemoCatalogLoader {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoCatalogLoader.class);
  private final Pool pool;
  private final ProductCatalog catalog;
  private final MerchantRegistryRepository merchants;
  private final ProductReadRepository products;
  private final Clock clock;
  private final StockForwarding stock;

  public DemoCatalogLoader(Pool pool, ProductCatalog catalog, MerchantRegistryRepository merchants,
                           ProductReadRepository products, Clock clock, StockForwarding stock) {
    this.pool = pool;
    this.catalog = catalog;
    this.merchants = merchants;
    this.products = products;
    this.clock = clock;
    this.stock = stock;
  }

  public Future<DemoCatalogLoaded> load(LoadDemoCatalog command) {
    Map<String, List<ProductRow>> rows = DemoCatalog.rowsByMerchant();
    Future<Integer> chain = Future.succeededFuture(0);
    for (DemoMerchant m : command.merchants()) {
      Seller seller = new Seller(m.merchantId(), m.legalName(), m.country(), m.currency(), m.language());
      chain = chain.compose(total -> merchants.remember(pool, seller, clock.instant())
        .compose(v -> products.countForMerchant(pool, m.merchantId()))
        .compose(existing -> existing > 0 ? Future.succeededFuture(total + existing.intValue())
          : catalog.upsert(seller, numbered(rows.getOrDefault(m.legalName(), List.of())), true, null, "demo-data")
            .compose(outcome -> stock.forward(seller, outcome.stock(), "demo-data").map(warnings -> {
              if (!warnings.isEmpty()) {
                LOG.warn("checkout did not take the stock of {} demo SKUs of {}", warnings.size(), m.legalName());
              }
              return total + outcome.productsWritten();
            }))));
    }
    return chain.map(DemoCatalogLoaded::new);
  }

  private static List<Numbered> numbered(List<ProductRow> rows) {
    List<Numbered> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      out.add(new Numbered(i + 1, rows.get(i)));
    }
    return out;
  }
}
