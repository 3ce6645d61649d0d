package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.CartItem;
import dev.tradewind.shared.api.Caller;
import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/**
 * The lines of a cart the caller may see (a signed-in buyer's own cart, or a guest's with its cart token), for
 * quoting. Fails with a 404 problem for a cart that is missing or someone else's.
 * {@link Carts#linesFor} is the one implementation.
 */
public interface CartLinesSource {
  Future<List<CartItem>> lines(UUID cartId, Caller caller, String cartToken);
}
