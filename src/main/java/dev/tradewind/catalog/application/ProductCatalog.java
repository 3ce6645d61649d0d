package dev.tradewind.catalog.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.PriceChanged;
import dev.tradewind.catalog.contract.ProductChanged;
import dev.tradewind.catalog.contract.ProductPublished;
import dev.tradewind.catalog.domain.ProductGroup;
import dev.tradewind.catalog.domain.ProductRow;
import dev.tradewind.catalog.domain.RowError;
import dev.tradewind.catalog.infra.CategoryRepository;
import dev.tradewind.catalog.infra.MerchantRegistryRepository.Seller;
import dev.tradewind.catalog.infra.ProductWriteRepository;
import dev.tradewind.catalog.infra.ProductWriteRepository.StoredProduct;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes merchants' products: each product (a group of rows sharing a product code) in its own transaction
 * with its events, so one bad product never takes the others down and a retried upload changes nothing twice
 * (products are keyed by product code, SKUs by SKU code, both per merchant).
 */
public final class ProductCatalog {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProductCatalog.class);
  private final ContextRuntime runtime;
  private final ProductWriteRepository products;
  private final CategoryRepository categories;
  private final Clock clock;
  private final HotReads hotReads;

  public ProductCatalog(ContextRuntime runtime, ProductWriteRepository products, CategoryRepository categories,
                        Clock clock, HotReads hotReads) {
    this.runtime = runtime;
    this.products = products;
    this.categories = categories;
    this.clock = clock;
    this.hotReads = hotReads;
  }

  /**
   * What an upsert did: products written, rows refused (with the line they came from), and the stock figure of
   * every SKU written, which the catalogue does not keep: checkout owns stock.
   */
  public record Outcome(List<WrittenProduct> products, int skusWritten, List<RowError> rejected, List<StockFigure> stock) {
    public int productsWritten() {
      return products.size();
    }
  }

  /** The on-hand figure a row gave for a SKU now stored under {@code skuId}. */
  public record StockFigure(int line, String skuCode, UUID skuId, int onHand) {
  }

  public record WrittenProduct(String productCode, UUID id, int version, String status) {
  }

  /** A row with the line it came from, for error reports. */
  public record Numbered(int line, ProductRow row) {
  }

  public Future<Outcome> upsert(Seller seller, List<Numbered> rows, boolean publish, UUID actor, String requestId) {
    return sellable(seller, rows).compose(checked -> {
      List<WrittenProduct> written = new ArrayList<>();
      List<RowError> rejected = new ArrayList<>(checked.rejected());
      List<StockFigure> stock = new ArrayList<>();
      return writeGroups(seller, checked.accepted(), publish, actor, requestId, written, rejected, stock)
        .map(skus -> new Outcome(written, skus, rejected, stock));
    });
  }

  private record Checked(List<Numbered> accepted, List<RowError> rejected) {
  }

  /** What only the catalogue can check: prices in the merchant's currency, categories that exist. */
  private Future<Checked> sellable(Seller seller, List<Numbered> rows) {
    return categories.slugs(runtime.pool()).map(known -> {
      List<RowError> rejected = new ArrayList<>();
      List<Numbered> accepted = new ArrayList<>();
      for (Numbered n : rows) {
        if (!n.row().currency().equals(seller.currency())) {
          rejected.add(new RowError(n.line(), n.row().skuCode(), "currency", "merchant-currency",
            "prices are in the merchant's currency, " + seller.currency()));
        } else if (!known.contains(n.row().categorySlug())) {
          rejected.add(new RowError(n.line(), n.row().skuCode(), "category", "exists", "no category " + n.row().categorySlug()));
        } else {
          accepted.add(n);
        }
      }
      return new Checked(accepted, rejected);
    });
  }

  /** Each product in its own transaction: one that fails is reported on its rows, and the others still go in. */
  private Future<Integer> writeGroups(Seller seller, List<Numbered> rows, boolean publish, UUID actor, String requestId,
                                      List<WrittenProduct> written, List<RowError> rejected, List<StockFigure> stock) {
    List<ProductGroup> groups = ProductGroup.of(rows.stream().map(Numbered::row).toList());
    java.util.Map<String, Integer> lines = new java.util.HashMap<>();
    rows.forEach(n -> lines.putIfAbsent(n.row().skuCode(), n.line()));
    Future<Integer> chain = Future.succeededFuture(0);
    for (ProductGroup group : groups) {
      chain = chain.compose(skus -> write(seller, group, publish, actor, requestId, written)
        .map(skuIds -> {
          for (int i = 0; i < skuIds.size(); i++) {
            ProductRow row = group.variants().get(i);
            stock.add(new StockFigure(lines.getOrDefault(row.skuCode(), 0), row.skuCode(), skuIds.get(i), row.stock()));
          }
          return skus + skuIds.size();
        })
        .recover(failure -> {
          LOG.warn("product {} of merchant {} was not written: {}", group.productCode(), seller.id(), failure.toString());
          rows.stream().filter(n -> n.row().productCode().equals(group.productCode())).forEach(n -> rejected.add(
            new RowError(n.line(), n.row().skuCode(), null, "not-written", "the product could not be stored; retry it")));
          return Future.succeededFuture(skus);
        }));
    }
    return chain.onSuccess(v -> runtime.outboxCommitted());
  }

  /**
   * Changes one existing product and its variants from rows, only if it is still at the version the merchant
   * read (else 412); variants not in the rows stay as they are. Answers the product as written.
   */
  public Future<WrittenProduct> update(Caller caller, Seller seller, UUID productId, int expectedVersion,
                                       List<ProductRow> rows, String requestId) {
    ProductGroup group = ProductGroup.of(rows).get(0);
    List<WrittenProduct> written = new ArrayList<>();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Numbered> numbered = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      numbered.add(new Numbered(i + 1, rows.get(i)));
    }
    return sellable(seller, numbered).compose(checked -> {
      if (!checked.rejected().isEmpty()) {
        throw new ProblemException(Problem.invalid("Some rows break the rules; nothing was changed.",
          checked.rejected().stream().map(e -> new Problem.FieldError("/" + (e.line() - 1) + "/" + e.field(), e.rule(),
            e.message())).toList()));
      }
      return runtime.pool().withTransaction(tx -> products.lock(tx, productId).compose(locked -> {
        if (locked == null) {
          throw ObjectAccess.notFound("product");
        }
        ObjectAccess.requireMerchant(caller, locked.merchantId(), Permission.CATALOG_EDIT, "product");
        if (locked.version() != expectedVersion) {
          throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The product is at version " + locked.version()
            + ", not " + expectedVersion + ": read it again before changing it.");
        }
        if (!locked.productCode().equals(group.productCode()) || ProductGroup.of(rows).size() != 1) {
          throw new ProblemException(Problem.invalidField("/productCode", "same-product",
            "every row must carry this product's code, " + locked.productCode()));
        }
        return writeIn(tx, seller, group, false, UUID.fromString(caller.userId()), requestId, written, now);
      }));
    })
      .onSuccess(v -> runtime.outboxCommitted())
      .onSuccess(v -> hotReads.productChanged(productId))
      .map(v -> written.get(0));
  }

  /** Writes one product in its own transaction; answers its SKU ids in the order of the group's variants. */
  private Future<List<UUID>> write(Seller seller, ProductGroup group, boolean publish, UUID actor, String requestId,
                                   List<WrittenProduct> written) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int before = written.size();
    return runtime.pool().withTransaction(tx -> writeIn(tx, seller, group, publish, actor, requestId, written, now))
      .onSuccess(v -> written.subList(before, written.size()).forEach(p -> hotReads.productChanged(p.id())));
  }

  private Future<List<UUID>> writeIn(SqlConnection tx, Seller seller, ProductGroup group, boolean publish, UUID actor,
                                     String requestId, List<WrittenProduct> written, Instant now) {
    return products.upsertProduct(tx, seller.id(), seller.currency(), group.product(), publish ? "PUBLISHED" : "DRAFT", now)
      .compose(stored -> products.replaceContent(tx, stored.id(), group.product().content())
        .compose(v -> writeSkus(tx, seller, stored, group, now, actor, requestId))
        .compose(skuIds -> announce(tx, seller, group, stored, skuIds, now, requestId).map(v -> {
          written.add(new WrittenProduct(group.productCode(), stored.id(), stored.version(), stored.status()));
          return skuIds;
        })));
  }

  private Future<List<UUID>> writeSkus(SqlConnection tx, Seller seller, StoredProduct product, ProductGroup group,
                                       Instant now, UUID actor, String requestId) {
    Future<List<UUID>> chain = Future.succeededFuture(new ArrayList<>());
    for (ProductRow row : group.variants()) {
      chain = chain.compose(ids -> products.upsertSku(tx, product.id(), seller.id(), row, now, actor)
        .compose(sku -> (sku.priceChanged() ? priceChanged(tx, seller, product, row, sku.id(), now, requestId)
          : Future.<Void>succeededFuture()).map(v -> {
            ids.add(sku.id());
            return ids;
          })));
    }
    return chain;
  }

  private Future<Void> priceChanged(SqlConnection tx, Seller seller, StoredProduct product, ProductRow row, UUID skuId,
                                    Instant now, String requestId) {
    PriceChanged event = new PriceChanged(UUID.randomUUID(), now, skuId.toString(), 1, skuId, product.id(), seller.id(),
      money(row.listPrice(), row.currency()), row.salePrice() == null ? null : money(row.salePrice(), row.currency()),
      row.saleStartsAt(), row.saleEndsAt());
    return runtime.outbox().append(tx, CatalogContract.PRICE_CHANGED, event, requestId);
  }

  private static Money money(java.math.BigDecimal amount, String currency) {
    return Money.of(amount, CurrencyCode.of(currency));
  }

  private Future<Void> announce(SqlConnection tx, Seller seller, ProductGroup group, StoredProduct product,
                                List<UUID> skuIds, Instant now, String requestId) {
    ProductChanged changed = new ProductChanged(UUID.randomUUID(), now, product.id().toString(), 1, product.id(),
      seller.id(), product.status(), product.version());
    Future<Void> first = runtime.outbox().append(tx, CatalogContract.PRODUCT_CHANGED, changed, requestId);
    if (!product.inserted() || !"PUBLISHED".equals(product.status())) {
      return first;
    }
    ProductPublished published = new ProductPublished(UUID.randomUUID(), now, product.id().toString(), 1, product.id(),
      seller.id(), group.product().categorySlug(), skuIds);
    return first.compose(v -> runtime.outbox().append(tx, CatalogContract.PRODUCT_PUBLISHED, published, requestId));
  }
}
