package dev.tradewind.catalog.application;

import dev.tradewind.identity.contract.BuyerPreferences;
import dev.tradewind.identity.contract.GetBuyerPreferences;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The signed-in buyer's preferred currency, asked of identity (the catalogue never reads identity's tables) and
 * kept for a short while, because a buyer browsing asks for it on every product page. A preference changed in the
 * profile shows on product pages within that while. When identity does not answer, the page falls back to the
 * merchant's currency rather than failing.
 */
public final class BuyerCurrency {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BuyerCurrency.class);
  private static final int MAX_ENTRIES = 50_000;
  private static final long ASK_TIMEOUT_MS = 2_000;

  private record Known(Optional<String> currency, long atNanos) {
  }

  private final Vertx vertx;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<UUID, Known> known = new ConcurrentHashMap<>();

  public BuyerCurrency(Vertx vertx, long ttlMs) {
    this(vertx, ttlMs, System::nanoTime);
  }

  BuyerCurrency(Vertx vertx, long ttlMs, LongSupplier nanoTime) {
    this.vertx = vertx;
    this.ttlNanos = ttlMs * 1_000_000;
    this.nanoTime = nanoTime;
  }

  /** The caller's preferred currency, or null for an anonymous caller or one without a preference. */
  public Future<String> of(Caller caller, String requestId) {
    if (!caller.authenticated()) {
      return Future.succeededFuture();
    }
    UUID userId;
    try {
      userId = UUID.fromString(caller.userId());
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture();
    }
    long now = nanoTime.getAsLong();
    Known cached = known.get(userId);
    if (cached != null && now - cached.atNanos() < ttlNanos) {
      return Future.succeededFuture(cached.currency().orElse(null));
    }
    return Bus.<BuyerPreferences>request(vertx, IdentityContract.BUYER_PREFERENCES, new GetBuyerPreferences(userId),
        requestId, ASK_TIMEOUT_MS)
      .map(preferences -> {
        if (known.size() >= MAX_ENTRIES) {
          known.clear();
        }
        known.put(userId, new Known(Optional.ofNullable(preferences.currency()), now));
        return preferences.currency();
      })
      .recover(failure -> {
        LOG.warn("identity did not tell the preferred currency of {}: {}", userId, failure.toString());
        return Future.succeededFuture();
      });
  }
}
