package dev.tradewind.payments;

import dev.tradewind.payments.contract.PaymentsContract;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

/** The payments context. Its schema, outbox and relay are live; its operations arrive with their issues. */
public final class PaymentsVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return PaymentsContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    return Future.succeededFuture();
  }
}
