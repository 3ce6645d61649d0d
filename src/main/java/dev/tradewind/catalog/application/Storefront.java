package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.Pricing;
import dev.tradewind.catalog.domain.ShippingRule;
import dev.tradewind.catalog.infra.CategoryRepository;
import dev.tradewind.catalog.infra.CategoryRepository.Category;
import dev.tradewind.catalog.infra.ProductReadRepository;
import dev.tradewind.catalog.infra.ProductReadRepository.ProductRecord;
import dev.tradewind.catalog.infra.ShippingRestrictionRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.money.Conversion;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxConverter;
import dev.tradewind.shared.money.FxRateUnavailableException;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What buyers read: the category tree and product pages in their language and currency. Unpublished products
 * exist only for their own merchant's staff; for everyone else they are 404. A product page names every country
 * the product cannot be shipped to, and the rule that says so.
 */
public final class Storefront {
  private final Pool pool;
  private final ProductReadRepository products;
  private final CategoryRepository categories;
  private final ShippingRestrictionRepository restrictions;
  private final FxConverter fx;
  private final Clock clock;
  private final HotReads hotReads;
  private final BuyerCurrency buyerCurrency;

  public Storefront(Pool pool, ProductReadRepository products, CategoryRepository categories,
                    ShippingRestrictionRepository restrictions, FxConverter fx, Clock clock, HotReads hotReads,
                    BuyerCurrency buyerCurrency) {
    this.pool = pool;
    this.products = products;
    this.categories = categories;
    this.restrictions = restrictions;
    this.fx = fx;
    this.clock = clock;
    this.hotReads = hotReads;
    this.buyerCurrency = buyerCurrency;
  }

  /** A product page; {@code personal} when its currency came from the signed-in buyer's preference. */
  public record ProductPage(JsonObject body, boolean personal) {
  }

  public Future<JsonObject> categoryTree(String acceptLanguage) {
    return categories.all(pool).map(all -> {
      JsonArray items = new JsonArray();
      for (Category c : all) {
        String language = ContentLanguage.choose(acceptLanguage, c.names().fieldNames(), "en");
        items.add(new JsonObject().put("slug", c.slug()).put("parent", c.parentSlug()).put("path", c.path())
          .put("name", c.names().getString(language)).put("language", language));
      }
      return new JsonObject().put("items", items);
    });
  }

  /**
   * The page in {@code currency}, else in the signed-in buyer's preferred currency (when Tradewind has a rate
   * into it), else in the merchant's.
   */
  public Future<ProductPage> product(Caller caller, UUID id, String currency, String acceptLanguage, String requestId) {
    Future<String> preferred = currency == null ? buyerCurrency.of(caller, requestId) : Future.succeededFuture();
    return preferred.compose(buyer -> page(id).map(page -> {
      boolean personal = buyer != null && page != null && convertible(page.product().currency(), buyer);
      return new ProductPage(render(caller, page, currency != null ? currency : personal ? buyer : null, acceptLanguage,
        false), personal);
    }));
  }

  /** The product as its own merchant's staff see it, whatever its status; anyone else is told it does not exist. */
  public Future<JsonObject> merchantProduct(Caller caller, UUID id, String acceptLanguage) {
    return products.detail(pool, id).compose(product -> product == null ? Future.succeededFuture(null)
        : restrictions.forProduct(pool, id).map(rules -> new HotReads.Page(product, rules)))
      .map(page -> render(caller, page, null, acceptLanguage, true));
  }

  private Future<HotReads.Page> page(UUID id) {
    return hotReads.page(id, () -> {
      Future<ProductRecord> detail = products.detail(pool, id);
      Future<List<ShippingRule>> restricted = restrictions.forProduct(pool, id);
      return Future.all(detail, restricted).map(both -> detail.result() == null ? null
        : new HotReads.Page(detail.result(), restricted.result()));
    });
  }

  private JsonObject render(Caller caller, HotReads.Page page, String currency, String acceptLanguage, boolean ownOnly) {
    if (page == null) {
      throw ObjectAccess.notFound("product");
    }
    ProductRecord product = page.product();
    if (ownOnly || !"PUBLISHED".equals(product.status())) {
      ObjectAccess.requireMerchant(caller, product.merchantId(), Permission.MERCHANT_READ, "product");
    }
    CurrencyCode display = displayCurrency(currency, product.currency());
    String language = ContentLanguage.choose(acceptLanguage, product.content().fieldNames(), product.defaultLanguage());
    try {
      return view(product, display, language, clock.instant()).put("restrictions", restrictions(page.restrictions()));
    } catch (FxRateUnavailableException e) {
      throw new ProblemException(Problem.invalidField("currency", "fx-rate",
        "Tradewind has no exchange rate into " + display.code() + "."));
    }
  }

  /** Whether prices in {@code from} can be shown in {@code to}: a preference Tradewind has no rate for is ignored. */
  private boolean convertible(String from, String to) {
    try {
      CurrencyCode source = CurrencyCode.of(from);
      fx.convert(money(BigDecimal.ONE, source), CurrencyCode.of(to));
      return true;
    } catch (IllegalArgumentException | FxRateUnavailableException e) {
      return false;
    }
  }

  private static CurrencyCode displayCurrency(String requested, String merchantCurrency) {
    if (requested == null) {
      return CurrencyCode.of(merchantCurrency);
    }
    try {
      return CurrencyCode.of(requested.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField("currency", "iso4217", "currency must be an ISO 4217 code"));
    }
  }

  private JsonObject view(ProductRecord p, CurrencyCode display, String language, Instant now) {
    JsonObject content = p.content().getJsonObject(language);
    CurrencyCode merchantCurrency = CurrencyCode.of(p.currency());
    JsonArray variants = new JsonArray();
    JsonObject fxUsed = null;
    for (Object o : p.skus()) {
      JsonObject s = (JsonObject) o;
      BigDecimal list = new BigDecimal(s.getString("listPrice"));
      BigDecimal sale = s.getString("salePrice") == null ? null : new BigDecimal(s.getString("salePrice"));
      Instant starts = s.getString("saleStartsAt") == null ? null : Instant.parse(s.getString("saleStartsAt"));
      Instant ends = s.getString("saleEndsAt") == null ? null : Instant.parse(s.getString("saleEndsAt"));
      boolean onSale = Pricing.saleActive(sale, starts, ends, now);
      Money merchantPrice = money(onSale ? sale : list, merchantCurrency);
      Conversion price = fx.convert(merchantPrice, display);
      Conversion listPrice = fx.convert(money(list, merchantCurrency), display);
      if (!display.equals(merchantCurrency)) {
        fxUsed = new JsonObject().put("from", merchantCurrency.code()).put("to", display.code())
          .put("rate", price.rate().toPlainString()).put("source", price.rateSource())
          .put("asOf", price.rateAsOf().toString());
      }
      int available = s.getInteger("available");
      variants.add(new JsonObject().put("id", s.getString("id")).put("skuCode", s.getString("skuCode"))
        .put("colour", s.getString("colour")).put("size", s.getString("size"))
        .put("price", amount(price.result())).put("listPrice", amount(listPrice.result())).put("onSale", onSale)
        .put("saleEndsAt", onSale ? s.getString("saleEndsAt") : null)
        .put("merchantPrice", amount(merchantPrice)).put("available", available).put("inStock", available > 0)
        .put("shipping", new JsonObject().put("weightGrams", s.getInteger("weightGrams"))
          .put("dimensionsMm", new JsonArray().add(s.getInteger("lengthMm")).add(s.getInteger("widthMm"))
            .add(s.getInteger("heightMm")))
          .put("countryOfOrigin", s.getString("countryOfOrigin")).put("hsCode", s.getString("hsCode")))
        .put("afterSales", new JsonObject().put("returnWindowDays", s.getInteger("returnWindowDays"))
          .put("warrantyMonths", s.getInteger("warrantyMonths"))));
    }
    JsonObject rating = new JsonObject().put("count", p.ratingCount()).put("average", p.ratingCount() == 0 ? null
      : BigDecimal.valueOf(p.ratingSum()).divide(BigDecimal.valueOf(p.ratingCount()), 2, RoundingMode.HALF_EVEN).toPlainString());
    return new JsonObject().put("id", p.id().toString()).put("merchantId", p.merchantId().toString())
      .put("status", p.status()).put("category", p.categorySlug()).put("brand", p.brand()).put("model", p.model())
      .put("language", language).put("languages", new JsonArray(List.copyOf(p.content().fieldNames())))
      .put("title", content.getString("title")).put("description", content.getString("description"))
      .put("bullets", content.getJsonArray("bullets")).put("images", p.images()).put("specifications", p.specifications())
      .put("currency", display.code()).put("fx", fxUsed).put("rating", rating).put("variants", variants)
      .put("version", p.version());
  }

  private static JsonArray restrictions(List<ShippingRule> rules) {
    JsonArray out = new JsonArray();
    rules.forEach(r -> out.add(new JsonObject().put("country", r.country()).put("reason", r.reason()).put("rule", r.rule())));
    return out;
  }

  private static Money money(BigDecimal amount, CurrencyCode currency) {
    return Money.of(amount.setScale(currency.minorUnits(), RoundingMode.UNNECESSARY), currency);
  }

  private static JsonObject amount(Money money) {
    return new JsonObject().put("amount", money.amount().toPlainString()).put("currency", money.currency().code());
  }
}
