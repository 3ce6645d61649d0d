package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.ProductQuery;
import dev.tradewind.catalog.domain.SearchCursor;
import dev.tradewind.catalog.domain.SearchPrices;
import dev.tradewind.catalog.domain.TextSearchLanguage;
import dev.tradewind.catalog.infra.ProductSearchRepository;
import dev.tradewind.catalog.infra.ProductSearchRepository.FacetCount;
import dev.tradewind.catalog.infra.ProductSearchRepository.SearchHit;
import dev.tradewind.catalog.infra.ProductSearchRepository.SearchPage;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRate;
import dev.tradewind.shared.money.FxRateTable;
import dev.tradewind.shared.money.FxRates;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storefront's product search: one query for the page and its facets, prices shown in the buyer's currency
 * at the platform's current FX rates, titles in the buyer's language, and the cursor of the next page.
 */
public final class ProductSearch {
  private final Pool pool;
  private final ProductSearchRepository products;
  private final FxRates fx;
  private final Clock clock;
  private final SearchResultCache<EncodedAnswer> cache;
  /** The rates into each display currency, worked out once per rate table rather than per request. */
  private final Map<CurrencyCode, DisplayRates> ratesByDisplay = new ConcurrentHashMap<>();

  private record DisplayRates(FxRateTable table, List<FxRate> rates, List<BigDecimal> edges) {
  }

  public ProductSearch(Pool pool, ProductSearchRepository products, FxRates fx, Clock clock,
                       SearchResultCache<EncodedAnswer> cache) {
    this.pool = pool;
    this.products = products;
    this.fx = fx;
    this.clock = clock;
    this.cache = cache;
  }

  /** The answer, encoded once: it may come from {@link SearchResultCache}. */
  public Future<EncodedAnswer> search(ProductQuery query, String acceptLanguage) {
    DisplayRates display = displayRates(query.currency());
    return cache.answer(new SearchResultCache.Key(query, acceptLanguage), display.table(), () -> products.search(pool,
        query, textConfig(acceptLanguage), SearchPrices.bounds(display.rates(), query.minPrice(), query.maxPrice()),
        display.edges(), clock.instant(), query.limit() + 1)
      .map(page -> EncodedAnswer.of(answer(query, page, display, acceptLanguage))));
  }

  /**
   * The text-search configuration a query is stemmed in (besides {@code simple}): that of the buyer's most wanted
   * language PostgreSQL can stem, else English.
   */
  static String textConfig(String acceptLanguage) {
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String config = TextSearchLanguage.configFor(range.getRange());
          if (!"simple".equals(config)) {
            return config;
          }
        }
      } catch (IllegalArgumentException malformed) {
        return "english";
      }
    }
    return "english";
  }

  private DisplayRates displayRates(CurrencyCode currency) {
    FxRateTable table = fx.current();
    DisplayRates known = ratesByDisplay.get(currency);
    if (known != null && known.table() == table) {
      return known;
    }
    if (table.find(table.base(), currency).isEmpty()) {
      throw new ProblemException(Problem.invalidField("currency", "fx-rate",
        "Tradewind has no exchange rate into " + currency.code() + "."));
    }
    DisplayRates fresh = new DisplayRates(table, SearchPrices.ratesInto(table, currency),
      SearchPrices.bucketEdges(table, currency));
    ratesByDisplay.put(currency, fresh);
    return fresh;
  }

  private static JsonObject answer(ProductQuery query, SearchPage page, DisplayRates display, String acceptLanguage) {
    boolean more = page.hits().size() > query.limit();
    List<SearchHit> shown = more ? page.hits().subList(0, query.limit()) : page.hits();
    JsonArray items = new JsonArray();
    for (SearchHit hit : shown) {
      items.add(item(hit, display.table(), query.currency(), acceptLanguage));
    }
    SearchHit last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
    String next = more ? new SearchCursor(query.sort(), last.sortKey(), last.id()).encode() : null;
    JsonObject facets = new JsonObject().put("brands", counts(page.brands(), "brand"))
      .put("categories", counts(page.categories(), "slug")).put("priceBuckets", buckets(page.priceBuckets(), display.edges()))
      .put("sampled", page.sampled());
    return new JsonObject().put("items", items).put("facets", facets).put("total", page.total())
      .put("sort", query.sort().apiName()).put("nextCursor", next).put("currency", query.currency().code());
  }

  private static JsonObject item(SearchHit hit, FxRateTable table, CurrencyCode display, String acceptLanguage) {
    String language = ContentLanguage.choose(acceptLanguage, hit.titles().fieldNames(), hit.defaultLanguage());
    CurrencyCode merchant = CurrencyCode.of(hit.currency());
    JsonObject rating = new JsonObject().put("count", hit.ratingCount()).put("average", hit.ratingCount() == 0 ? null
      : BigDecimal.valueOf(hit.ratingSum()).divide(BigDecimal.valueOf(hit.ratingCount()), 2, RoundingMode.HALF_EVEN).toPlainString());
    return new JsonObject().put("id", hit.id().toString()).put("title", hit.titles().getString(language))
      .put("language", language).put("brand", hit.brand()).put("category", hit.category())
      .put("price", shown(hit.price(), merchant, table, display)).put("listPrice", shown(hit.listPrice(), merchant, table, display))
      .put("onSale", hit.onSale()).put("inStock", hit.inStock()).put("rating", rating)
      .put("image", hit.images().isEmpty() ? null : hit.images().getValue(0));
  }

  private static JsonObject shown(BigDecimal amount, CurrencyCode merchant, FxRateTable table, CurrencyCode display) {
    Money price = table.convert(Money.of(amount.setScale(merchant.minorUnits(), RoundingMode.UNNECESSARY), merchant), display).result();
    return new JsonObject().put("amount", price.amount().toPlainString()).put("currency", display.code());
  }

  private static JsonArray counts(List<FacetCount> counts, String name) {
    JsonArray out = new JsonArray();
    counts.forEach(c -> out.add(new JsonObject().put(name, c.value()).put("count", c.count())));
    return out;
  }

  /** Every bucket between the edges, empty ones included, so a storefront can draw a stable price filter. */
  private static JsonArray buckets(List<FacetCount> counts, List<BigDecimal> edges) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < edges.size(); i++) {
      String bucket = String.valueOf(i + 1);
      long count = counts.stream().filter(c -> c.value().equals(bucket)).mapToLong(FacetCount::count).sum();
      out.add(new JsonObject().put("min", edges.get(i).toPlainString())
        .put("max", i + 1 < edges.size() ? edges.get(i + 1).toPlainString() : null).put("count", count));
    }
    return out;
  }
}
