package dev.tradewind.checkout.application;

import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/**
 * The lines of a cart the caller may see (a signed-in buyer's own cart, or a guest's with its cart token), for
 * quoting. Fails with a 404 problem for a cart that is missing or someone else's. Implemented by the carts.
 */
public interface CartLinesSource {
  /** Until carts are wired in: every cart quote answers 503. */
  CartLinesSource NOT_WIRED = (cartId, caller, cartToken) -> Future.failedFuture(
    new ProblemException(ProblemType.UNAVAILABLE, "Quoting a cart is not available yet."));

  Future<List<QuoteItem>> lines(UUID cartId, Caller caller, String cartToken);
}
