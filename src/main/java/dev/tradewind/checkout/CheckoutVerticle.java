package dev.tradewind.checkout;

import dev.tradewind.checkout.api.CartApi;
import dev.tradewind.checkout.application.CartSweeper;
import dev.tradewind.checkout.application.Carts;
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
    Carts carts = Carts.create(runtime);
    new CartApi(carts).register(runtime.api());
    CartSweeper.startFor(runtime);
    return Future.succeededFuture();
  }
}
