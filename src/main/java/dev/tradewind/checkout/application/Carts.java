package dev.tradewind.checkout.application;

import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.checkout.domain.Cart;
import dev.tradewind.checkout.domain.CartCaller;
import dev.tradewind.checkout.domain.CartItem;
import dev.tradewind.checkout.domain.CartLimits;
import dev.tradewind.checkout.domain.CartLine;
import dev.tradewind.checkout.domain.CartMerge;
import dev.tradewind.checkout.domain.CartPricing;
import dev.tradewind.checkout.domain.CartProblems;
import dev.tradewind.checkout.domain.CartToken;
import dev.tradewind.checkout.domain.CartView;
import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.fx.PlatformFx;
import dev.tradewind.shared.geo.CountryCode;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Carts of guests (reached with their token) and of signed-in buyers (one open cart each), re-priced from the
 * catalogue on every read. Every change locks the cart's row first, so changes to one cart run one at a time and
 * the caps hold; a guest cart merged at sign-in is closed in the same transaction, so a retried merge finds nothing
 * left to merge.
 */
public final class Carts {
  private final Vertx vertx;
  private final Pool pool;
  private final CartRepository carts;
  private final FxRates fx;
  private final CartPricing pricing;
  private final CartSettings settings;
  private final Clock clock;

  public Carts(Vertx vertx, Pool pool, CartRepository carts, FxRates fx, CartSettings settings, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.carts = carts;
    this.fx = fx;
    this.pricing = new CartPricing(fx);
    this.settings = settings;
    this.clock = clock;
  }

  public static Carts create(ContextRuntime runtime) {
    return new Carts(runtime.vertx(), runtime.pool(), new CartRepository(), PlatformFx.of(runtime.vertx()),
      CartSettings.from(runtime.config()), Clock.systemUTC());
  }

  /** A cart opened (or found) by {@code POST /carts}: the token only for a new guest cart, what a merge left out. */
  public record Opened(CartView cart, boolean created, String cartToken, boolean merged, List<UUID> leftOut) {
  }

  /** The outcome of an add: the line written and whether this was a replay of an earlier add with the same key. */
  public record Added(CartView cart, UUID lineId, boolean replayed) {
  }

  /** A change to a cart's currency and destination; {@code setShipTo} with a null {@code shipTo} clears it. */
  public record CartChange(String currency, boolean setShipTo, String shipTo) {
  }

  /** The cart's lines for quoting and ordering, with the same access rule as every cart operation. */
  public Future<List<CartItem>> linesFor(UUID cartId, Caller caller, String cartToken) {
    return accessibleWithLines(CartCaller.of(caller.userId(), cartToken), cartId)
      .map(found -> found.lines().stream().map(CartLine::item).toList());
  }

  public Future<Opened> open(Caller caller, String cartToken, String currency, String shipTo, String requestId) {
    CurrencyCode chosen = currency == null ? null : currency(currency);
    String destination = shipTo == null ? null : country(shipTo);
    if (!caller.authenticated()) {
      return openGuest(chosen == null ? settings.defaultCurrency() : chosen, destination, requestId);
    }
    if (!caller.may(Permission.BUYER_SHOP)) {
      return Future.failedFuture(new ProblemException(ProblemType.FORBIDDEN, "Only buyers have carts."));
    }
    return openForBuyer(UUID.fromString(caller.userId()), CartToken.hash(cartToken), chosen, destination, requestId);
  }

  public Future<CartView> view(CartCaller who, UUID cartId, String requestId) {
    return accessibleWithLines(who, cartId).compose(found -> priced(found.cart(), found.lines(), Map.of(), requestId));
  }

  /**
   * The SKU's snapshot, read once before the change, both vets the SKU and prices its line in the answer; the lines
   * are those read inside the transaction, while the cart is locked, with the line written: the cart as committed.
   */
  public Future<Added> add(CartCaller who, UUID cartId, UUID skuId, Integer quantity, String idempotencyKey,
                           String requestId) {
    CartItem item = new CartItem(skuId, limits().requireQuantity(quantity));
    return accessible(pool, who, cartId)
      .compose(cart -> sellable(skuId, cart.shipTo(), requestId))
      .compose(sku -> pool.withTransaction(tx -> locked(tx, who, cartId).compose(cart -> idempotencyKey == null
          ? write(tx, cart, item).map(wrote -> new Written(cart, wrote.lines(), new Added(null, wrote.lineId(), false)))
          : writeOnce(tx, cart, idempotencyKey, item)))
        .compose(written -> priced(written.cart(), written.lines(), Map.of(skuId, sku), requestId)
          .map(view -> new Added(view, written.added().lineId(), written.added().replayed()))));
  }

  private record Written(Cart cart, List<CartLine> lines, Added added) {
  }

  /** The line an add wrote and the cart's lines after it. */
  private record Wrote(UUID lineId, List<CartLine> lines) {
  }

  public Future<CartView> changeQuantity(CartCaller who, UUID cartId, UUID lineId, Integer quantity, String requestId) {
    int units = limits().requireQuantity(quantity);
    return pool.withTransaction(tx -> locked(tx, who, cartId)
        .compose(cart -> carts.setQuantity(tx, cartId, lineId, units, clock.instant()))
        .map(found -> require(found, "cart line")))
      .compose(v -> view(who, cartId, requestId));
  }

  /** Removing a line that is already gone changes nothing and answers the cart, so a retry is harmless. */
  public Future<CartView> remove(CartCaller who, UUID cartId, UUID lineId, String requestId) {
    return pool.withTransaction(tx -> locked(tx, who, cartId).compose(cart -> carts.deleteLine(tx, cartId, lineId)))
      .compose(v -> view(who, cartId, requestId));
  }

  public Future<CartView> change(CartCaller who, UUID cartId, CartChange change, String requestId) {
    CurrencyCode currency = change.currency() == null ? null : currency(change.currency());
    String shipTo = change.shipTo() == null ? null : country(change.shipTo());
    return pool.withTransaction(tx -> locked(tx, who, cartId)
        .compose(cart -> carts.change(tx, cartId, currency, change.setShipTo(), shipTo)))
      .compose(v -> view(who, cartId, requestId));
  }

  private Future<Opened> openGuest(CurrencyCode currency, String shipTo, String requestId) {
    String token = CartToken.generate();
    Instant now = clock.instant();
    Cart cart = new Cart(UUID.randomUUID(), null, CartToken.hash(token), currency, shipTo, true,
      now.plus(settings.guestCartTtl()));
    return carts.insert(pool, cart, now)
      .compose(v -> priced(cart, List.of(), Map.of(), requestId))
      .map(view -> new Opened(view, true, token, false, List.of()));
  }

  /**
   * The buyer's open cart, created if absent. A new cart with no guest cart to merge is the insert alone (one
   * statement, no transaction); otherwise the cart is locked for the change and the merge. An order committing
   * between the insert (which found the buyer's open cart and did nothing) and the lock (which no longer finds it
   * open) closes that cart under us: then try again.
   */
  private Future<Opened> openForBuyer(UUID buyerId, byte[] guestToken, CurrencyCode currency, String shipTo,
                                      String requestId) {
    return openForBuyerOnce(buyerId, guestToken, currency, shipTo, requestId)
      .recover(failure -> failure instanceof java.util.NoSuchElementException
        ? openForBuyerOnce(buyerId, guestToken, currency, shipTo, requestId) : Future.failedFuture(failure));
  }

  private Future<Opened> openForBuyerOnce(UUID buyerId, byte[] guestToken, CurrencyCode currency, String shipTo,
                                          String requestId) {
    Instant now = clock.instant();
    Cart fresh = new Cart(UUID.randomUUID(), buyerId, null, currency == null ? settings.defaultCurrency() : currency,
      shipTo, true, null);
    return carts.insert(pool, fresh, now)
      .compose(created -> created && guestToken == null
        ? Future.succeededFuture(new BuyerCart(fresh, true, Optional.empty()))
        : pool.withTransaction(tx -> carts.lockAndTouchOpenCartOf(tx, buyerId, now).map(Optional::orElseThrow)
          .compose(cart -> (created ? Future.<Void>succeededFuture()
            : carts.change(tx, cart.id(), currency, shipTo != null, shipTo)).map(cart))
          .compose(cart -> (guestToken == null ? Future.succeededFuture(Optional.<CartMerge>empty())
              : merge(tx, cart, guestToken, now))
            .map(merge -> new BuyerCart(cart, created, merge)))))
      .compose(opened -> answer(opened, requestId)
        .map(view -> new Opened(view, opened.created(), null, opened.merge().isPresent(),
          opened.merge().map(CartMerge::leftOut).orElse(List.of()))));
  }

  private record BuyerCart(Cart cart, boolean created, Optional<CartMerge> merge) {
  }

  /** A cart just created with nothing merged into it is empty and as inserted: nothing to read back. */
  private Future<CartView> answer(BuyerCart opened, String requestId) {
    if (opened.created() && opened.merge().isEmpty()) {
      return priced(opened.cart(), List.of(), Map.of(), requestId);
    }
    return carts.findWithLines(pool, opened.cart().id()).map(Optional::orElseThrow)
      .compose(found -> priced(found.cart(), found.lines(), Map.of(), requestId));
  }

  /** Folds the guest cart named by the token into the buyer's (locked) cart and closes it; empty when none is open. */
  private Future<Optional<CartMerge>> merge(SqlClient tx, Cart buyerCart, byte[] guestToken, Instant now) {
    return carts.lockOpenGuestCart(tx, guestToken, now).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      Cart guest = found.get();
      Future<List<CartLine>> mine = carts.lines(tx, buyerCart.id());
      Future<List<CartLine>> theirs = carts.lines(tx, guest.id());
      return Future.all(mine, theirs)
        .map(both -> CartMerge.of(mine.result(), theirs.result(), limits()))
        .compose(plan -> sequentially(plan.writes(), item -> carts.put(tx, buyerCart.id(), item, now))
          .compose(v -> carts.markMerged(tx, guest.id(), buyerCart.id(), now))
          .map(v -> Optional.of(plan)));
    });
  }

  /** The cart is locked, so the lines read first and the line written are all its lines when this commits. */
  private Future<Wrote> write(SqlClient tx, Cart cart, CartItem item) {
    Instant now = clock.instant();
    return carts.lines(tx, cart.id()).compose(lines -> {
      boolean newLine = lines.stream().noneMatch(line -> line.skuId().equals(item.skuId()));
      if (newLine && lines.size() >= limits().maxLines()) {
        return Future.failedFuture(limits().lineCapExceeded());
      }
      return carts.add(tx, cart.id(), item, limits().maxQuantityPerLine(), now)
        .map(line -> line.orElseThrow(() -> limits().quantityCapExceeded()))
        .map(line -> new Wrote(line.id(), CartLine.replacing(lines, line)));
    });
  }

  private Future<Written> writeOnce(SqlClient tx, Cart cart, String key, CartItem item) {
    return carts.claimKey(tx, cart.id(), key, item, clock.instant()).compose(claimed -> claimed
      ? write(tx, cart, item).compose(wrote -> carts.setKeyLine(tx, cart.id(), key, wrote.lineId())
        .map(new Written(cart, wrote.lines(), new Added(null, wrote.lineId(), false))))
      : carts.findKey(tx, cart.id(), key).compose(earlier -> {
        if (!earlier.skuId().equals(item.skuId()) || earlier.quantity() != item.quantity()) {
          throw CartProblems.keyReused();
        }
        return carts.lines(tx, cart.id()).map(lines -> new Written(cart, lines, new Added(null, earlier.lineId(), true)));
      }));
  }

  private Future<Cart> accessible(SqlClient client, CartCaller who, UUID cartId) {
    return carts.find(client, cartId).map(found -> {
      Cart cart = found.orElseThrow(() -> ObjectAccess.notFound("cart"));
      cart.requireAccess(who, clock.instant());
      return cart;
    });
  }

  private Future<CartRepository.CartWithLines> accessibleWithLines(CartCaller who, UUID cartId) {
    return carts.findWithLines(pool, cartId).map(found -> {
      CartRepository.CartWithLines cart = found.orElseThrow(() -> ObjectAccess.notFound("cart"));
      cart.cart().requireAccess(who, clock.instant());
      return cart;
    });
  }

  /**
   * Locks the cart for a change, checks the caller may make it, and keeps a guest cart alive for another TTL; the
   * cart as it is then.
   */
  private Future<Cart> locked(SqlClient tx, CartCaller who, UUID cartId) {
    Instant now = clock.instant();
    Instant guestExpiry = now.plus(settings.guestCartTtl());
    return carts.lockAndTouch(tx, cartId, now, guestExpiry).map(found -> {
      Cart cart = found.orElseThrow(() -> ObjectAccess.notFound("cart"));
      cart.requireAccess(who, now);
      return cart.guest() ? cart.expiringAt(guestExpiry) : cart;
    });
  }

  /** Prices the lines, asking the catalogue only for the snapshots not already at hand. */
  private Future<CartView> priced(Cart cart, List<CartLine> lines, Map<UUID, SkuSnapshot> known, String requestId) {
    if (lines.isEmpty()) {
      return Future.succeededFuture(pricing.price(cart, lines, Map.of(), Map.of(), clock.instant()));
    }
    List<UUID> skuIds = lines.stream().map(CartLine::skuId).toList();
    List<UUID> missing = skuIds.stream().filter(id -> !known.containsKey(id)).toList();
    Future<Map<UUID, SkuSnapshot>> skus = missing.isEmpty() ? Future.succeededFuture(known)
      : snapshots(missing, cart.shipTo(), requestId).map(found -> {
        Map<UUID, SkuSnapshot> all = new HashMap<>(found);
        all.putAll(known);
        return all;
      });
    Future<Map<UUID, Integer>> stock = carts.available(pool, skuIds);
    return Future.all(skus, stock).map(both -> pricing.price(cart, lines, skus.result(), stock.result(), clock.instant()));
  }

  private Future<SkuSnapshot> sellable(UUID skuId, String shipTo, String requestId) {
    return snapshots(List.of(skuId), shipTo, requestId).map(found -> {
      SkuSnapshot sku = found.get(skuId);
      if (sku == null || !sku.published()) {
        throw CartProblems.unknownSku();
      }
      return sku;
    });
  }

  private Future<Map<UUID, SkuSnapshot>> snapshots(List<UUID> skuIds, String shipTo, String requestId) {
    return CatalogSkus.byId(vertx, skuIds, shipTo, requestId);
  }

  private CurrencyCode currency(String code) {
    CurrencyCode currency;
    try {
      currency = CurrencyCode.of(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField("currency", "iso4217", "currency must be an ISO 4217 code"));
    }
    if (fx.current().find(currency, fx.current().base()).isEmpty()) {
      throw new ProblemException(Problem.invalidField("currency", "fx-rate",
        "Tradewind has no exchange rate into " + currency.code() + "."));
    }
    return currency;
  }

  private static String country(String code) {
    try {
      return CountryCode.of(code).code();
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField("shipTo", "iso3166", "shipTo must be an ISO 3166-1 alpha-2 country"));
    }
  }

  private CartLimits limits() {
    return settings.limits();
  }

  private static <T> T require(boolean found, String what) {
    if (!found) {
      throw ObjectAccess.notFound(what);
    }
    return null;
  }

  private static <T> Future<Void> sequentially(List<T> items, Function<T, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> step.apply(item));
    }
    return chain;
  }
}
