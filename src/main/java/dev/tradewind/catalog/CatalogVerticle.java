package dev.tradewind.catalog;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

/** The catalog context. Its schema, outbox and relay are live; its operations arrive with their issues. */
public final class CatalogVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return CatalogContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    return Future.succeededFuture();
  }
}
