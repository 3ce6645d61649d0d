package dev.tradewind.checkout;

import dev.tradewind.checkout.api.QuoteEndpoints;
import dev.tradewind.checkout.application.CartLinesSource;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

/** The checkout context. Its schema, outbox and relay are live; its operations arrive with their issues. */
public final class CheckoutVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return CheckoutContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    return QuoteEndpoints.wire(runtime, CartLinesSource.NOT_WIRED).mapEmpty();
  }
}
