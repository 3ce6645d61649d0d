package dev.tradewind.tracking;

import dev.tradewind.tracking.contract.TrackingContract;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

/** The tracking context. Its schema, outbox and relay are live; its operations arrive with their issues. */
public final class TrackingVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return TrackingContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    return Future.succeededFuture();
  }
}
