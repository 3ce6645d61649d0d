package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.domain.CurrencyBounds;
import dev.tradewind.catalog.domain.ProductQuery;
import dev.tradewind.catalog.domain.SearchSort;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL of product search: one statement per request that filters published products, prices each at its
 * cheapest SKU in force now, ranks text matches (the product's search document in the buyer's language and
 * unstemmed, plus title trigrams when full text finds little), pages by (sort key, id) and counts the facets over
 * the first {@value #FACET_SAMPLE} matches in sort order (exact whenever the result is no larger). The total
 * stays exact: past the sample it is counted from the narrow index of what search filters by.
 * <p>
 * A statement holds only the filters the request uses, so the plan PostgreSQL caches for it (a generic plan,
 * after a few runs) is not planned around "parameter is null or …" guesses: with honest row estimates, a page
 * in newest or best-selling order reads its index (see V5__search_document.sql) and stops after the page.
 */
public final class ProductSearchRepository {
  /** Facets count at most this many matches, the first in sort order; a larger result is sampled. */
  public static final int FACET_SAMPLE = 2000;
  /** Title trigrams are tried only when full text matches fewer products than this (so a typo still finds them). */
  private static final int TRIGRAM_BELOW = 50;
  /** Every parameter with its type, so a statement that leaves some unused still prepares; never executed. */
  private static final String PARAMS = """
    params AS (SELECT $1::text[], $2::numeric[], $3::text[], $4::text[], $5::int, $6::timestamptz, $7::text, $8::text,
      $9::text, $10::boolean, $11::text, $12::text, $13::numeric[], $14::text, $15::uuid, $16::int, $17::text),""";
  /** Whether the price search keeps on the product (see V4__search_speed.sql) holds at $6. */
  private static final String CACHED_PRICE_HOLDS = "p.search_price IS NOT NULL AND (p.search_price_from IS NULL"
    + " OR p.search_price_from <= $6) AND (p.search_price_until IS NULL OR p.search_price_until > $6)";
  /**
   * The published products whose kept price does not hold at $6 (none kept, or its sale window has passed): the
   * negation of {@link #CACHED_PRICE_HOLDS}, written as three ranges of V7's small indexes, so finding the few
   * costs a few index pages whatever else the search asks.
   */
  private static final String LAPSED = """
    lapsed AS (SELECT ARRAY(SELECT w.id FROM catalog.products w WHERE w.status = 'PUBLISHED'
      AND (w.search_price IS NULL OR w.search_price_from > $6 OR w.search_price_until <= $6)) AS ids),""";
  private static final String SALE_ACTIVE = "(s.sale_price IS NOT NULL AND (s.sale_starts_at IS NULL OR"
    + " s.sale_starts_at <= $6) AND (s.sale_ends_at IS NULL OR s.sale_ends_at > $6))";
  /**
   * The products the text matches, ranked: full text over the one GIN index of search documents (titles weigh
   * most; a query the buyer's language stems to its plain words is not asked twice, which would double the cost of
   * ranking); title trigrams only when full text found few (a short word's trigrams have thousands of candidates to
   * recheck), each ranked by its similarity, below every full-text match. A full-text match is ranked in
   * {@link #sortKey} only once the other filters kept it, not for every product the words match.
   */
  private static final String HITS = """
    tq AS (SELECT CASE WHEN plain = stemmed THEN plain ELSE plain || stemmed END AS query
      FROM (SELECT websearch_to_tsquery('simple'::regconfig, $7::text) AS plain,
              websearch_to_tsquery($17::text::regconfig, $7::text) AS stemmed) q),
    fts AS (SELECT p.id FROM catalog.products p, tq WHERE p.status = 'PUBLISHED' AND p.search_document @@ tq.query),
    hits AS (
      SELECT id AS product_id, NULL::real AS similarity FROM fts
      UNION ALL
      SELECT p.id, public.word_similarity(lower($7::text), p.search_titles) FROM catalog.products p
      WHERE p.status = 'PUBLISHED' AND (SELECT count(*) FROM fts) < %d
        AND lower($7::text) OPERATOR(public.<%%) p.search_titles AND NOT EXISTS (SELECT 1 FROM fts WHERE fts.id = p.id)),
    """.formatted(TRIGRAM_BELOW);
  /**
   * Each merchant currency the display currency converts from, with its rate and the price bounds already in it: a
   * product joins its currency's row, so its kept price is compared as stored, through V7's index.
   */
  private static final String BOUNDS = """
    bounds AS (SELECT b.currency, b.rate, b.min_price, b.max_price
      FROM unnest($1::text[]::bpchar[], $2::numeric[], $3::text[]::numeric[], $4::text[]::numeric[])
        AS b(currency, rate, min_price, max_price)),""";
  /**
   * The filtered products with their price and sort key, in two disjoint parts: those whose kept price holds now
   * (nearly all; their price bounds are an index range), and the few {@link #LAPSED} ones, priced from their SKUs as
   * V4's refresh_product_search does, in one pass over each one's SKUs.
   */
  private static final String MATCHED = """
      SELECT p.id, p.brand, p.category_slug, pr.price, pr.list_price, pr.on_sale, pr.in_stock,
        round(pr.price * b.rate, $5::int) AS display_price, ({sortKey})::numeric AS sort_key, {orderKey} AS order_key
      FROM bounds b
      JOIN catalog.products p ON p.currency = b.currency
      {joinHits}
      CROSS JOIN LATERAL (SELECT p.search_price AS price, p.search_list_price AS list_price, p.search_on_sale AS on_sale,
          p.search_in_stock AS in_stock, p.search_chapters AS chapters) pr
      WHERE p.status = 'PUBLISHED' AND {cached}{filters}
      UNION ALL
      SELECT p.id, p.brand, p.category_slug, pr.price, pr.list_price, pr.on_sale, pr.in_stock,
        round(pr.price * b.rate, $5::int) AS display_price, ({sortKey})::numeric AS sort_key, {orderKey} AS order_key
      FROM bounds b
      JOIN catalog.products p ON p.currency = b.currency
      {joinHits}
      CROSS JOIN LATERAL (SELECT min(x.price) AS price, (array_agg(x.list_price ORDER BY x.price, x.list_price))[1] AS list_price,
          (array_agg(x.on_sale ORDER BY x.price, x.list_price))[1] AS on_sale, bool_or(x.available > 0) AS in_stock,
          array_agg(x.chapter) AS chapters
        FROM (SELECT CASE WHEN {sale} THEN s.sale_price ELSE s.list_price END AS price, s.list_price, {sale} AS on_sale,
            s.available, left(s.hs_code, 2) AS chapter
          FROM catalog.skus s WHERE s.product_id = p.id) x) pr
      WHERE p.id = ANY ((SELECT ids FROM lapsed)::uuid[]) AND p.status = 'PUBLISHED' AND pr.price IS NOT NULL{filters}""";
  /** A join with the subtree's rows, so each (category, currency) pair is one range of V7's index. */
  private static final String CATEGORY = "\n        AND p.category_slug IN (SELECT slug FROM subtree)";
  private static final String BRAND = "\n        AND lower(p.brand) = lower($9::text)";
  private static final String IN_STOCK = "\n        AND pr.in_stock";
  private static final String RATING = "\n        AND p.rating_count > 0 AND p.rating_sum >= $11::text::numeric * p.rating_count";
  private static final String MIN_PRICE = "\n        AND pr.price >= b.min_price";
  private static final String MAX_PRICE = "\n        AND pr.price <= b.max_price";
  private static final String SHIPS_TO = "\n        AND NOT (p.category_slug = ANY ((SELECT slugs FROM barred)::text[])"
    + " OR pr.chapters && (SELECT chapters FROM barred)::text[])";
  private static final String SEARCH = """
    WITH {params}
    {bounds}
    {lapsed}
    subtree AS (SELECT c.slug FROM catalog.categories root, catalog.categories c
      WHERE root.slug = $8::text AND (c.path = root.path OR starts_with(c.path, root.path || '/'))),
    barred AS (SELECT
        ARRAY(SELECT c.slug FROM catalog.categories c WHERE EXISTS (SELECT 1 FROM catalog.shipping_restrictions r
          WHERE r.country = $12::text AND r.category_slug = ANY (string_to_array(c.path, '/')))) AS slugs,
        ARRAY(SELECT r.hs_chapter::text FROM catalog.shipping_restrictions r
          WHERE r.country = $12::text AND r.hs_chapter IS NOT NULL) AS chapters),
    {hits}
    sample AS (SELECT * FROM ({matched}) m
      ORDER BY order_key {dir}, id {dir} LIMIT {sampleRows}),
    counted AS (SELECT * FROM sample ORDER BY sort_key {dir}, id {dir} LIMIT {facetRows}),
    facets AS (SELECT GROUPING(brand, category_slug, width_bucket(display_price, $13::numeric[])) AS facet, brand,
        category_slug, width_bucket(display_price, $13::numeric[]) AS bucket, count(*) AS n
      FROM counted GROUP BY GROUPING SETS ((brand), (category_slug), (width_bucket(display_price, $13::numeric[])))),
    page AS (
      SELECT m.*, p.currency, p.default_language, p.images, p.rating_count, p.rating_sum
      FROM ({page}) m
      JOIN catalog.products p ON p.id = m.id)
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', pg.id, 'brand', pg.brand, 'category', pg.category_slug,
          'currency', pg.currency, 'defaultLanguage', pg.default_language, 'images', pg.images,
          'ratingCount', pg.rating_count, 'ratingSum', pg.rating_sum, 'price', pg.price::text,
          'listPrice', pg.list_price::text, 'onSale', pg.on_sale, 'inStock', pg.in_stock, 'key', pg.sort_key::text,
          'titles', (SELECT jsonb_object_agg(c.locale, c.title) FROM catalog.product_content c WHERE c.product_id = pg.id))
          ORDER BY pg.sort_key {dir}, pg.id {dir}), '[]'::jsonb) FROM page pg) AS items,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('value', f.brand, 'count', f.n) ORDER BY f.n DESC, f.brand), '[]'::jsonb)
         FROM facets f WHERE f.facet = 3) AS brands,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('value', f.category_slug, 'count', f.n) ORDER BY f.n DESC, f.category_slug), '[]'::jsonb)
         FROM facets f WHERE f.facet = 5) AS categories,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('value', f.bucket, 'count', f.n) ORDER BY f.bucket), '[]'::jsonb)
         FROM facets f WHERE f.facet = 6) AS prices,
      (SELECT count(*) > {facetRows} FROM sample) AS sampled,
      CASE WHEN (SELECT count(*) > {facetRows} FROM sample) THEN (SELECT count(*) FROM ({all}) t)
        ELSE (SELECT count(*) FROM counted) END AS total""";
  /** The first page is the head of the sample; a later one resumes after the cursor's (key, id). */
  private static final String FIRST_PAGE = "SELECT * FROM sample ORDER BY sort_key {dir}, id {dir} LIMIT $16::int";
  private static final String NEXT_PAGE = "SELECT * FROM ({matched}) m\n      ORDER BY order_key {dir}, id {dir} LIMIT $16::int";

  /** Which optional parts a statement has: one prepared statement, and so one cached plan, per combination. */
  private record Shape(SearchSort sort, boolean text, boolean category, boolean brand, boolean inStock, boolean rating,
                       boolean minPrice, boolean maxPrice, boolean shipsTo, boolean cursor) {
    static Shape of(ProductQuery q) {
      return new Shape(q.sort(), q.hasText(), q.category() != null, q.brand() != null, q.inStock(),
        q.minRating() != null, q.minPrice() != null, q.maxPrice() != null, q.shipsTo() != null, q.after() != null);
    }
  }

  private final Map<Shape, String> statements = new ConcurrentHashMap<>();

  /** A product on a page: prices in the merchant's currency, titles per locale, the row's sort key for the cursor. */
  public record SearchHit(UUID id, String brand, String category, String currency, String defaultLanguage,
                          JsonObject titles, JsonArray images, BigDecimal price, BigDecimal listPrice, boolean onSale,
                          boolean inStock, int ratingCount, int ratingSum, String sortKey) {
  }

  /** How many matching products share a value; for prices the value is the bucket's number (1 = the first edge). */
  public record FacetCount(String value, long count) {
  }

  /** {@code sampled}: the facets count only the first {@value #FACET_SAMPLE} matches in sort order. */
  public record SearchPage(List<SearchHit> hits, List<FacetCount> brands, List<FacetCount> categories,
                           List<FacetCount> priceBuckets, long total, boolean sampled) {
  }

  /**
   * Up to {@code rows} products after the query's cursor, with the facets of the matches (see {@link SearchPage});
   * {@code textConfig} is the text-search configuration of the buyer's language, tried besides {@code simple}.
   */
  public Future<SearchPage> search(SqlClient client, ProductQuery query, String textConfig, List<CurrencyBounds> currencies,
                                   List<BigDecimal> bucketEdges, Instant now, int rows) {
    String sql = statements.computeIfAbsent(Shape.of(query), ProductSearchRepository::statement);
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
      .addInteger(rows)
      .addString(textConfig);
    return client.preparedQuery(sql).execute(params).map(result -> page(result.iterator().next()));
  }

  /** Nullable decimals travel as text: the client cannot encode a null inside a numeric array. */
  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  static String statement(Shape shape) {
    String direction = shape.sort().descending() ? "DESC" : "ASC";
    String order = orderKey(shape.sort(), shape.text());
    String filters = (shape.category() ? CATEGORY : "") + (shape.brand() ? BRAND : "") + (shape.inStock() ? IN_STOCK : "")
      + (shape.rating() ? RATING : "") + (shape.minPrice() ? MIN_PRICE : "") + (shape.maxPrice() ? MAX_PRICE : "")
      + (shape.shipsTo() ? SHIPS_TO : "");
    String matched = matched(shape, filters);
    String page = shape.cursor()
      ? NEXT_PAGE.replace("{matched}", matched(shape, filters + "\n        AND (" + order + ", p.id) "
        + (shape.sort().descending() ? "<" : ">") + " (" + cursorKey(shape.sort()) + ", $15::uuid)"))
      : FIRST_PAGE;
    return SEARCH.replace("{params}", PARAMS).replace("{bounds}", BOUNDS).replace("{lapsed}", LAPSED).replace("{hits}", shape.text() ? HITS : "")
      .replace("{sampleRows}", String.valueOf(FACET_SAMPLE + 1)).replace("{facetRows}", String.valueOf(FACET_SAMPLE))
      .replace("{page}", page).replace("{all}", matched).replace("{matched}", matched).replace("{dir}", direction);
  }

  private static String matched(Shape shape, String filters) {
    return MATCHED.replace("{filters}", filters)
      .replace("{joinHits}", shape.text() ? "JOIN hits h ON h.product_id = p.id" : "")
      .replace("{sortKey}", sortKey(shape.sort(), shape.text())).replace("{orderKey}", orderKey(shape.sort(), shape.text()))
      .replace("{cached}", CACHED_PRICE_HOLDS).replace("{sale}", SALE_ACTIVE);
  }

  private static String sortKey(SearchSort sort, boolean text) {
    switch (sort) {
      case RELEVANCE:
        return text ? "coalesce(h.similarity, 1 + ts_rank(p.search_document, (SELECT query FROM tq)))" : "0";
      case PRICE_ASC:
      case PRICE_DESC:
        return "round(pr.price * b.rate, $5::int)";
      case RATING:
        return "coalesce(round(p.rating_sum::numeric / nullif(p.rating_count, 0), 6), 0)";
      case BEST_SELLING:
        return "p.units_sold";
      default:
        return "extract(epoch FROM coalesce(p.published_at, p.created_at)) * 1000000";
    }
  }

  /**
   * What a page is ordered and resumed by: the sort key, or where an index holds the same order (newest, best
   * selling; see V5__search_document.sql) the indexed column, so the first rows come straight off the index.
   */
  private static String orderKey(SearchSort sort, boolean text) {
    switch (sort) {
      case NEWEST:
        return "coalesce(p.published_at, p.created_at)";
      case BEST_SELLING:
        return "p.units_sold";
      default:
        return "(" + sortKey(sort, text) + ")::numeric";
    }
  }

  /** The cursor's key ($14, the sort key as text) as a value of {@link #orderKey}. */
  private static String cursorKey(SearchSort sort) {
    switch (sort) {
      case NEWEST:
        return "(timestamptz 'epoch' + $14::text::numeric * interval '1 microsecond')";
      case BEST_SELLING:
        return "$14::text::numeric::bigint";
      default:
        return "$14::text::numeric";
    }
  }

  private static SearchPage page(Row row) {
    List<SearchHit> hits = new ArrayList<>();
    for (Object o : (JsonArray) row.getValue("items")) {
      hits.add(hit((JsonObject) o));
    }
    return new SearchPage(hits, counts(row.getValue("brands")), counts(row.getValue("categories")),
      counts(row.getValue("prices")), row.getLong("total"), row.getBoolean("sampled"));
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
