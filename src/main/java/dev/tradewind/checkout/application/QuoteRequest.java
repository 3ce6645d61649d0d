package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.CartItem;
import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.ServiceLevel;

import java.util.List;
import java.util.UUID;

/**
 * Asks for a landed-cost quote of some SKUs from a cart, delivered to {@code address}. {@code buyerId} is null for
 * a guest. Sent on {@code checkout.create-quote} or given to {@link Quoting#quote} directly.
 */
public record QuoteRequest(UUID buyerId, UUID cartId, List<CartItem> items, String currency, Address address,
                           ServiceLevel serviceLevel, Incoterm incoterm) {
  public QuoteRequest {
    items = List.copyOf(items);
  }
}
