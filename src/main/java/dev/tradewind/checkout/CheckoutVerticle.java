package dev.tradewind.checkout;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

/** The checkout context: carts, quotes, inventory, orders and their lifecycle. */
public final class CheckoutVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return CheckoutContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    return CheckoutWiring.wire(runtime, this::closeOnStop);
  }
}
