package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.domain.CurrencyBounds;
import dev.tradewind.catalog.domain.ProductQuery;
import dev.tradewind.catalog.domain.SearchSort;
import dev.tradewind.catalog.domain.TextSearchLanguage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL of product search: one statement per request that filters published products, prices each at its
 * cheapest SKU in force now, ranks text matches (full text in any language plus title trigrams), pages by
 * (sort key, id) and counts the facets over the whole filtered result. One statement per sort order and
 * with/without text, so each gets its own plan.
 */
public final class ProductSearchRepository {
  /** Locales whose text-search configurations a query is tried in; the rest fall back to {@code simple}. */
  private static final List<String> LOCALES = List.of("en", "pt", "es", "de", "fr", "it", "nl", "sv", "da", "fi",
    "hu", "ro", "ru", "tr", "no", "el", "lt", "id", "ja");
  private static final String TS_QUERY = LOCALES.stream().map(TextSearchLanguage::configFor).distinct()
    .map(config -> "websearch_to_tsquery('" + config + "'::regconfig, $7::text)").collect(Collectors.joining(" || "));
  /** Whether the price search keeps on the product (see V4__search_speed.sql) holds at $6. */
  private static final String CACHED_PRICE_HOLDS = "p.search_price IS NOT NULL AND (p.search_price_from IS NULL"
    + " OR p.search_price_from <= $6) AND (p.search_price_until IS NULL OR p.search_price_until > $6)";
  private static final String SALE_ACTIVE = "(s.sale_price IS NOT NULL AND (s.sale_starts_at IS NULL OR"
    + " s.sale_starts_at <= $6) AND (s.sale_ends_at IS NULL OR s.sale_ends_at > $6))";
  /**
   * Each branch of the text match on its own, so each reads its GIN index (an OR of them is planned as one scan
   * of every content row); the rank is then worked out for the
   * content rows found, which each match at least one branch.
   */
  private static final String HITS = """
    hits AS (
      SELECT c.product_id, max(ts_rank(c.document, tq.query) + public.similarity(lower(c.title), lower($7::text))) AS rank
      FROM (SELECT product_id, locale FROM catalog.product_content WHERE document @@ (%1$s)
            UNION SELECT product_id, locale FROM catalog.product_content
              WHERE lower(title) OPERATOR(public.%%) lower($7::text)
            UNION SELECT product_id, locale FROM catalog.product_content
              WHERE lower($7::text) OPERATOR(public.<%%) lower(title)) m
      JOIN catalog.product_content c ON c.product_id = m.product_id AND c.locale = m.locale,
        (SELECT %1$s AS query) tq
      GROUP BY c.product_id),
    """.formatted(TS_QUERY);
  /** Without text the statement still names $7, or PostgreSQL could not type it. */
  private static final String NO_TEXT = "no_text AS (SELECT $7::text AS q),";
  private static final String SEARCH = """
    WITH fx AS (
      SELECT currency, rate, min_text::numeric AS min_price, max_text::numeric AS max_price
      FROM unnest($1::text[], $2::numeric[], $3::text[], $4::text[]) AS f(currency, rate, min_text, max_text)),
    root AS (SELECT path FROM catalog.categories WHERE slug = $8::text),
    blocked AS (SELECT category_slug, hs_chapter FROM catalog.shipping_restrictions WHERE country = $12::text),
    %1$s
    matched AS (
      SELECT p.id, p.brand, p.category_slug, pr.price, pr.list_price, pr.on_sale, pr.in_stock,
        round(pr.price * fx.rate, $5::int) AS display_price, (%2$s)::numeric AS sort_key
      FROM catalog.products p
      JOIN fx ON fx.currency = p.currency
      JOIN catalog.categories cat ON cat.slug = p.category_slug
      %3$s
      CROSS JOIN LATERAL (
        SELECT p.search_price AS price, p.search_list_price AS list_price, p.search_on_sale AS on_sale,
          p.search_in_stock AS in_stock, p.search_chapters AS chapters
        WHERE %7$s
        UNION ALL
        SELECT min(x.price) AS price, (array_agg(x.list_price ORDER BY x.price, x.list_price))[1] AS list_price,
          (array_agg(x.on_sale ORDER BY x.price, x.list_price))[1] AS on_sale, bool_or(x.available > 0) AS in_stock,
          array_agg(x.chapter) AS chapters
        FROM (SELECT CASE WHEN %4$s THEN s.sale_price ELSE s.list_price END AS price, s.list_price,
                %4$s AS on_sale, s.available, left(s.hs_code, 2) AS chapter
              FROM catalog.skus s WHERE s.product_id = p.id) x
        HAVING NOT (%7$s)) pr
      WHERE p.status = 'PUBLISHED' AND pr.price IS NOT NULL
        AND ($8::text IS NULL OR EXISTS (SELECT 1 FROM root WHERE cat.path = root.path OR starts_with(cat.path, root.path || '/')))
        AND ($9::text IS NULL OR lower(p.brand) = lower($9::text))
        AND (NOT $10::boolean OR pr.in_stock)
        AND ($11::text::numeric IS NULL OR (p.rating_count > 0 AND p.rating_sum >= $11::text::numeric * p.rating_count))
        AND (fx.min_price IS NULL OR pr.price >= fx.min_price)
        AND (fx.max_price IS NULL OR pr.price <= fx.max_price)
        AND NOT EXISTS (SELECT 1 FROM blocked b WHERE b.hs_chapter = ANY (pr.chapters)
          OR b.category_slug = ANY (string_to_array(cat.path, '/')))),
    page AS (
      SELECT m.*, p.currency, p.default_language, p.images, p.rating_count, p.rating_sum
      FROM (SELECT * FROM matched WHERE $14::text::numeric IS NULL OR (sort_key, id) %5$s ($14::text::numeric, $15::uuid)
            ORDER BY sort_key %6$s, id %6$s LIMIT $16::int) m
      JOIN catalog.products p ON p.id = m.id)
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', pg.id, 'brand', pg.brand, 'category', pg.category_slug,
          'currency', pg.currency, 'defaultLanguage', pg.default_language, 'images', pg.images,
          'ratingCount', pg.rating_count, 'ratingSum', pg.rating_sum, 'price', pg.price::text,
          'listPrice', pg.list_price::text, 'onSale', pg.on_sale, 'inStock', pg.in_stock, 'key', pg.sort_key::text,
          'titles', (SELECT jsonb_object_agg(c.locale, c.title) FROM catalog.product_content c WHERE c.product_id = pg.id))
          ORDER BY pg.sort_key %6$s, pg.id %6$s), '[]'::jsonb) FROM page pg) AS items,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('value', b.brand, 'count', b.n) ORDER BY b.n DESC, b.brand), '[]'::jsonb)
         FROM (SELECT brand, count(*) AS n FROM matched GROUP BY brand) b) AS brands,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('value', c.category_slug, 'count', c.n) ORDER BY c.n DESC, c.category_slug), '[]'::jsonb)
         FROM (SELECT category_slug, count(*) AS n FROM matched GROUP BY category_slug) c) AS categories,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('value', w.bucket, 'count', w.n) ORDER BY w.bucket), '[]'::jsonb)
         FROM (SELECT width_bucket(display_price, $13::numeric[]) AS bucket, count(*) AS n FROM matched GROUP BY 1) w) AS prices,
      (SELECT count(*) FROM matched) AS total""";
  private static final Map<SearchSort, String> WITH_TEXT = statements(true);
  private static final Map<SearchSort, String> WITHOUT_TEXT = statements(false);

  /** A product on a page: prices in the merchant's currency, titles per locale, the row's sort key for the cursor. */
  public record SearchHit(UUID id, String brand, String category, String currency, String defaultLanguage,
                          JsonObject titles, JsonArray images, BigDecimal price, BigDecimal listPrice, boolean onSale,
                          boolean inStock, int ratingCount, int ratingSum, String sortKey) {
  }

  /** How many matching products share a value; for prices the value is the bucket's number (1 = the first edge). */
  public record FacetCount(String value, long count) {
  }

  public record SearchPage(List<SearchHit> hits, List<FacetCount> brands, List<FacetCount> categories,
                           List<FacetCount> priceBuckets, long total) {
  }

  /** Up to {@code rows} products after the query's cursor, with the facets of everything the query matches. */
  public Future<SearchPage> search(SqlClient client, ProductQuery query, List<CurrencyBounds> currencies,
                                   List<BigDecimal> bucketEdges, Instant now, int rows) {
    String sql = (query.hasText() ? WITH_TEXT : WITHOUT_TEXT).get(query.sort());
    Tuple params = Tuple.tuple()
      .addArrayOfString(currencies.stream().map(CurrencyBounds::currency).toArray(String[]::new))
      .addArrayOfBigDecimal(currencies.stream().map(CurrencyBounds::rate).toArray(BigDecimal[]::new))
      .addArrayOfString(currencies.stream().map(b -> text(b.min())).toArray(String[]::new))
      .addArrayOfString(currencies.stream().map(b -> text(b.max())).toArray(String[]::new))
      .addInteger(query.currency().minorUnits())
      .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
      .addString(query.text()).addString(query.category()).addString(query.brand()).addBoolean(query.inStock())
      .addString(text(query.minRating())).addString(query.shipsTo())
      .addArrayOfBigDecimal(bucketEdges.toArray(BigDecimal[]::new))
      .addString(query.after() == null ? null : query.after().key())
      .addUUID(query.after() == null ? null : query.after().id())
      .addInteger(rows);
    return client.preparedQuery(sql).execute(params).map(result -> page(result.iterator().next()));
  }

  /** Nullable decimals travel as text: the client cannot encode a null inside a numeric array. */
  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static Map<SearchSort, String> statements(boolean text) {
    Map<SearchSort, String> out = new EnumMap<>(SearchSort.class);
    for (SearchSort sort : SearchSort.values()) {
      String direction = sort.descending() ? "DESC" : "ASC";
      out.put(sort, SEARCH.formatted(text ? HITS : NO_TEXT, sortKey(sort, text), text ? "JOIN hits h ON h.product_id = p.id" : "",
        SALE_ACTIVE, sort.descending() ? "<" : ">", direction, CACHED_PRICE_HOLDS));
    }
    return Map.copyOf(out);
  }

  private static String sortKey(SearchSort sort, boolean text) {
    switch (sort) {
      case RELEVANCE:
        return text ? "h.rank" : "0";
      case PRICE_ASC:
      case PRICE_DESC:
        return "round(pr.price * fx.rate, $5::int)";
      case RATING:
        return "coalesce(round(p.rating_sum::numeric / nullif(p.rating_count, 0), 6), 0)";
      case BEST_SELLING:
        return "p.units_sold";
      default:
        return "extract(epoch FROM coalesce(p.published_at, p.created_at)) * 1000000";
    }
  }

  private static SearchPage page(Row row) {
    List<SearchHit> hits = new ArrayList<>();
    for (Object o : (JsonArray) row.getValue("items")) {
      hits.add(hit((JsonObject) o));
    }
    return new SearchPage(hits, counts(row.getValue("brands")), counts(row.getValue("categories")),
      counts(row.getValue("prices")), row.getLong("total"));
  }

  private static SearchHit hit(JsonObject j) {
    return new SearchHit(UUID.fromString(j.getString("id")), j.getString("brand"), j.getString("category"),
      j.getString("currency"), j.getString("defaultLanguage"), j.getJsonObject("titles", new JsonObject()),
      j.getJsonArray("images", new JsonArray()), new BigDecimal(j.getString("price")),
      new BigDecimal(j.getString("listPrice")), j.getBoolean("onSale"), j.getBoolean("inStock"),
      j.getInteger("ratingCount"), j.getInteger("ratingSum"), j.getString("key"));
  }

  private static List<FacetCount> counts(Object json) {
    List<FacetCount> out = new ArrayList<>();
    for (Object o : (JsonArray) json) {
      JsonObject count = (JsonObject) o;
      out.add(new FacetCount(String.valueOf(count.getValue("value")), count.getLong("count")));
    }
    return out;
  }
}
