package dev.tradewind.checkout.domain;

import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.money.CurrencyCode;

import java.time.Instant;
import java.util.UUID;

/**
 * A cart's header as stored. A buyer's cart is reached only by its buyer, a guest cart only with its token; a
 * merged or expired guest cart is reached by nobody. Anyone else is told it does not exist.
 */
public record Cart(UUID id, UUID buyerId, byte[] tokenHash, CurrencyCode currency, String shipTo, boolean open,
                   Instant expiresAt) {

  public Cart expiringAt(Instant expiry) {
    return new Cart(id, buyerId, tokenHash, currency, shipTo, open, expiry);
  }

  public boolean guest() {
    return buyerId == null;
  }

  public void requireAccess(CartCaller caller, Instant now) {
    boolean owner = guest()
      ? CartToken.matches(caller.tokenHash(), tokenHash) && expiresAt != null && expiresAt.isAfter(now)
      : caller.userId() != null && buyerId.toString().equals(caller.userId());
    if (!open || !owner) {
      throw ObjectAccess.notFound("cart");
    }
  }
}
