package dev.tradewind.catalog.application;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.ProductArchived;
import dev.tradewind.catalog.contract.ProductChanged;
import dev.tradewind.catalog.contract.ProductPublished;
import dev.tradewind.catalog.domain.ProductStatus;
import dev.tradewind.catalog.infra.ProductWriteRepository;
import dev.tradewind.catalog.infra.ProductWriteRepository.LockedProduct;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Publishing, taking down and archiving a product. Each change names the version the merchant last read
 * ({@code If-Match}); a stale one is refused with 412 so two editors never overwrite each other unknowingly.
 * Another merchant's product is 404.
 */
public final class ProductLifecycle {
  private final ContextRuntime runtime;
  private final ProductWriteRepository products;
  private final Clock clock;
  private final HotReads hotReads;

  public ProductLifecycle(ContextRuntime runtime, ProductWriteRepository products, Clock clock, HotReads hotReads) {
    this.runtime = runtime;
    this.products = products;
    this.clock = clock;
    this.hotReads = hotReads;
  }

  /** The product's new version. */
  public Future<Integer> move(Caller caller, UUID productId, int expectedVersion, ProductStatus next, String requestId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return runtime.pool().withTransaction(tx -> products.lock(tx, productId).compose(product -> {
      if (product == null) {
        throw ObjectAccess.notFound("product");
      }
      ObjectAccess.requireMerchant(caller, product.merchantId(), Permission.CATALOG_EDIT, "product");
      if (product.version() != expectedVersion) {
        throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The product is at version " + product.version()
          + ", not " + expectedVersion + ": read it again before changing it.");
      }
      ProductStatus current = ProductStatus.valueOf(product.status());
      if (!current.canBecome(next)) {
        throw new ProblemException(ProblemType.CONFLICT, "A " + current + " product cannot become " + next + ".");
      }
      return products.changeStatus(tx, productId, next.name(), now)
        .compose(version -> announce(tx, productId, product, next, version, now, requestId).map(version));
    })).onSuccess(v -> runtime.outboxCommitted()).onSuccess(v -> hotReads.productChanged(productId));
  }

  private Future<Void> announce(SqlConnection tx, UUID productId, LockedProduct product, ProductStatus next, int version,
                                Instant now, String requestId) {
    ProductChanged changed = new ProductChanged(UUID.randomUUID(), now, productId.toString(), 1, productId,
      product.merchantId(), next.name(), version);
    Future<Void> first = runtime.outbox().append(tx, CatalogContract.PRODUCT_CHANGED, changed, requestId);
    if (next == ProductStatus.PUBLISHED) {
      return first.compose(v -> runtime.outbox().append(tx, CatalogContract.PRODUCT_PUBLISHED, new ProductPublished(
        UUID.randomUUID(), now, productId.toString(), 1, productId, product.merchantId(), product.categorySlug(),
        product.skuIds()), requestId));
    }
    if (next == ProductStatus.ARCHIVED) {
      return first.compose(v -> runtime.outbox().append(tx, CatalogContract.PRODUCT_ARCHIVED, new ProductArchived(
        UUID.randomUUID(), now, productId.toString(), 1, productId, product.merchantId()), requestId));
    }
    return first;
  }
}
