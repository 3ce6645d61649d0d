package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.CartItem;
import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.LandedCost;
import dev.tradewind.checkout.domain.LandedCostCalculator;
import dev.tradewind.checkout.domain.LandedCostFx;
import dev.tradewind.checkout.domain.LandedCostItem;
import dev.tradewind.checkout.domain.LandedCostRequest;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.checkout.domain.TariffBook;
import dev.tradewind.checkout.domain.TariffMissingException;
import dev.tradewind.checkout.infra.TariffRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRateTable;
import dev.tradewind.shared.money.FxRateUnavailableException;
import dev.tradewind.shared.money.FxRates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Landed-cost quotes: prices SKUs for a destination with the rules in force, locks the FX rates and rule versions
 * used into the quote, stores it, and shows it to its owner. The tariff tables are reference data, read once.
 */
public final class Quoting {
  private final Vertx vertx;
  private final Pool pool;
  private final TariffRepository tariffs;
  private final QuoteStore quotes;
  private final FxRates fx;
  private final CartLinesSource carts;
  private final QuoteSettings settings;
  private final Clock clock;
  private Future<TariffBook> book;

  public Quoting(Vertx vertx, Pool pool, TariffRepository tariffs, QuoteStore quotes, FxRates fx,
                 CartLinesSource carts, QuoteSettings settings, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.tariffs = tariffs;
    this.quotes = quotes;
    this.fx = fx;
    this.carts = carts;
    this.settings = settings;
    this.clock = clock;
  }

  /** Quotes the lines of a cart the caller may see; the destination and currency are checked before the cart. */
  public Future<Quote> quoteCart(Caller caller, UUID cartId, String cartToken, String currency, Address address,
                                 ServiceLevel level, Incoterm incoterm, String requestId) {
    UUID buyerId = caller.authenticated() ? UUID.fromString(caller.userId()) : null;
    return Future.succeededFuture().compose(v -> destination(currency, address))
      .compose(v -> carts.lines(cartId, caller, cartToken))
      .compose(items -> quote(new QuoteRequest(buyerId, cartId, items, currency, address, level, incoterm), requestId));
  }

  public Future<Quote> quote(QuoteRequest request, String requestId) {
    return Future.succeededFuture().compose(v -> destination(request.currency(), request.address()))
      .compose(rules -> priced(request, rules, requestId))
      .compose(quote -> quotes.insert(pool, quote));
  }

  private Future<TariffBook> destination(String currency, Address address) {
    currency(currency);
    String country = country(address);
    return tariffs().map(rules -> {
      if (!rules.supports(country, clock.instant())) {
        throw unsupported(country);
      }
      return rules;
    });
  }

  private Future<Quote> priced(QuoteRequest request, TariffBook rules, String requestId) {
    CurrencyCode currency = currency(request.currency());
    String country = country(request.address());
    if (request.items().isEmpty()) {
      return Future.failedFuture(new ProblemException(unprocessable("items", "not-empty", "There is nothing to quote.")));
    }
    for (int i = 0; i < request.items().size(); i++) {
      if (request.items().get(i).quantity() < 1) {
        return Future.failedFuture(new ProblemException(unprocessable("items[" + i + "].quantity", "positive",
          "A quantity must be at least 1.")));
      }
    }
    Instant now = clock.instant();
    return snapshots(request, country, requestId)
      .compose(skus -> shipFrom(skus).map(origins -> price(request, currency, country, rules, skus, origins, now)));
  }

  /** The quote, for its owner only; anyone else (and a guest's quote) is 404. */
  public Future<Quote> find(Caller caller, UUID id) {
    return quotes.find(pool, id).map(found -> {
      Quote quote = found.orElseThrow(() -> ObjectAccess.notFound("quote"));
      ObjectAccess.requireOwner(caller, quote.buyerId(), "quote");
      return quote;
    });
  }

  /** The tariff tables, read once: they change only with a migration, i.e. a deployment. */
  public Future<TariffBook> tariffs() {
    if (book == null || book.failed()) {
      book = tariffs.load(pool);
    }
    return book;
  }

  private Quote price(QuoteRequest request, CurrencyCode currency, String country, TariffBook rules,
                      Map<UUID, SkuSnapshot> skus, Map<UUID, String> origins, Instant now) {
    FxRateTable rates = fx.current();
    LandedCostFx conversions = new LandedCostFx(rates);
    List<LandedCostItem> items = new ArrayList<>();
    for (CartItem item : request.items()) {
      SkuSnapshot sku = skus.get(item.skuId());
      items.add(new LandedCostItem(sku.skuId(), sku.productId(), sku.merchantId(), sku.title(), sku.hsCode(),
        sku.weightGrams(), item.quantity(), sku.price(), conversions.convert(sku.price(), currency)));
    }
    LandedCost cost;
    try {
      cost = new LandedCostCalculator(rules).price(new LandedCostRequest(currency, country, request.serviceLevel(),
        request.incoterm(), items, origins, now), conversions);
    } catch (TariffMissingException e) {
      throw unsupported(country);
    } catch (FxRateUnavailableException e) {
      throw new ProblemException(unprocessable("currency", "convertible", "No FX rate between " + e.from() + " and "
        + e.to() + " is known."));
    }
    Address address = request.address();
    Address destination = new Address(address.recipient(), address.line1(), address.line2(), address.city(),
      address.postalCode(), address.region(), country);
    return new Quote(UUID.randomUUID(), request.cartId(), request.buyerId(), currency, destination,
      request.serviceLevel(), request.incoterm(), cost.lines(), cost.shipments(), cost.totals(), cost.fxRates(), now,
      now.plus(settings.quoteTtl()));
  }

  private Future<Map<UUID, SkuSnapshot>> snapshots(QuoteRequest request, String country, String requestId) {
    List<UUID> ids = request.items().stream().map(CartItem::skuId).distinct().toList();
    return CatalogSkus.byId(vertx, ids, country, requestId)
      .map(byId -> {
        List<Problem.FieldError> refused = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
          SkuSnapshot sku = byId.get(request.items().get(i).skuId());
          String field = "items[" + i + "].skuId";
          if (sku == null || !sku.published()) {
            refused.add(new Problem.FieldError(field, "published", "SKU " + request.items().get(i).skuId()
              + " is not for sale."));
          } else if (!sku.shippable()) {
            refused.add(new Problem.FieldError(field, "shippable", "SKU " + sku.skuId() + " (" + sku.title()
              + ") cannot be shipped to " + country + ": " + sku.shippingRestriction()));
          }
        }
        if (!refused.isEmpty()) {
          throw new ProblemException(new Problem(Problem.TYPE_PREFIX + ProblemType.UNPROCESSABLE.slug(),
            ProblemType.UNPROCESSABLE.title(), 422, refused.size() + " line(s) cannot be quoted.", null, null, refused));
        }
        return byId;
      });
  }

  /** Each merchant ships from its default fulfilment location, else from where its first SKU was made. */
  private Future<Map<UUID, String>> shipFrom(Map<UUID, SkuSnapshot> skus) {
    List<UUID> merchants = List.copyOf(new LinkedHashSet<>(skus.values().stream().map(SkuSnapshot::merchantId).toList()));
    return tariffs.defaultShipFrom(pool, merchants).map(defaults -> {
      Map<UUID, String> origins = new HashMap<>(defaults);
      skus.values().forEach(sku -> origins.putIfAbsent(sku.merchantId(), sku.countryOfOrigin()));
      return origins;
    });
  }

  private CurrencyCode currency(String code) {
    CurrencyCode currency;
    try {
      currency = CurrencyCode.of(code);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField("currency", "iso-4217", "currency must be an ISO 4217 code"));
    }
    if (fx.current().find(currency, fx.current().base()).isEmpty()) {
      throw new ProblemException(unprocessable("currency", "supported", "Quotes in " + currency + " are not offered."));
    }
    return currency;
  }

  private static String country(Address address) {
    String country = address == null || address.country() == null ? "" : address.country().toUpperCase(Locale.ROOT);
    if (!Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(country)) {
      throw new ProblemException(unprocessable("address.country", "iso-3166-alpha-2",
        "'" + country + "' is not an ISO 3166-1 alpha-2 country code."));
    }
    return country;
  }

  private static ProblemException unsupported(String country) {
    return new ProblemException(unprocessable("address.country", "supported-destination",
      "Tradewind does not deliver to " + country + " yet."));
  }

  private static Problem unprocessable(String field, String rule, String message) {
    return new Problem(Problem.TYPE_PREFIX + ProblemType.UNPROCESSABLE.slug(), ProblemType.UNPROCESSABLE.title(), 422,
      message, null, null, List.of(new Problem.FieldError(field, rule, message)));
  }
}
