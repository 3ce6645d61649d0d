package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.contract.SkuSnapshot;
import dev.tradewind.catalog.domain.Pricing;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL that reads products for the storefront and for other contexts. */
public final class ProductReadRepository {
  private static final String NEXT_PRICE_CHANGE = """
    SELECT min(least(CASE WHEN s.sale_starts_at > $1 THEN s.sale_starts_at END,
                     CASE WHEN s.sale_ends_at > $1 THEN s.sale_ends_at END))
    FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id
    WHERE p.status = 'PUBLISHED' AND s.sale_price IS NOT NULL AND (s.sale_starts_at > $1 OR s.sale_ends_at > $1)""";
  private static final String DETAIL = """
    SELECT p.id, p.merchant_id, p.product_code, p.category_slug, p.brand, p.model, p.default_language, p.currency,
      p.images, p.specifications, p.status, p.rating_count, p.rating_sum, p.version, p.updated_at,
      (SELECT jsonb_object_agg(c.locale, jsonb_build_object('title', c.title, 'description', c.description,
         'bullets', c.bullets)) FROM catalog.product_content c WHERE c.product_id = p.id) AS content,
      (SELECT jsonb_agg(jsonb_build_object('id', s.id, 'skuCode', s.sku_code, 'colour', s.colour, 'size', s.size,
         'listPrice', s.list_price::text, 'salePrice', s.sale_price::text, 'saleStartsAt', s.sale_starts_at,
         'saleEndsAt', s.sale_ends_at, 'weightGrams', s.weight_grams, 'lengthMm', s.length_mm, 'widthMm', s.width_mm,
         'heightMm', s.height_mm, 'countryOfOrigin', s.country_of_origin, 'hsCode', s.hs_code,
         'returnWindowDays', s.return_window_days, 'warrantyMonths', s.warranty_months, 'available', s.available)
         ORDER BY s.created_at, s.sku_code) FROM catalog.skus s WHERE s.product_id = p.id) AS skus
    FROM catalog.products p WHERE p.id = $1""";
  private static final String SNAPSHOTS = """
    SELECT s.id, s.product_id, s.merchant_id, s.sku_code, s.currency, s.list_price, s.sale_price, s.sale_starts_at,
      s.sale_ends_at, s.weight_grams, s.country_of_origin, s.hs_code, s.return_window_days, s.warranty_months,
      p.category_slug, p.status, p.version,
      coalesce((SELECT c.title FROM catalog.product_content c WHERE c.product_id = p.id AND c.locale = p.default_language),
               p.product_code) AS title,
      (SELECT r.reason FROM catalog.shipping_restrictions r JOIN catalog.categories c ON c.slug = p.category_slug
       WHERE r.country = $2 AND (r.hs_chapter = left(s.hs_code, 2)
                                 OR r.category_slug = ANY (string_to_array(c.path, '/')))
       ORDER BY r.category_slug NULLS LAST, r.hs_chapter LIMIT 1) AS restriction
    FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id WHERE s.id = ANY($1)""";

  private static final String COUNT_FOR_MERCHANT = "SELECT count(*) FROM catalog.products WHERE merchant_id = $1";

  /** The next instant after {@code after} at which a published SKU's sale starts or ends; empty when none is planned. */
  public Future<Optional<Instant>> nextPriceChange(SqlClient client, Instant after) {
    return client.preparedQuery(NEXT_PRICE_CHANGE).execute(Tuple.of(after.atOffset(java.time.ZoneOffset.UTC)))
      .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0)).map(t -> t.toInstant()));
  }

  public Future<Long> countForMerchant(SqlClient client, UUID merchantId) {
    return client.preparedQuery(COUNT_FOR_MERCHANT).execute(Tuple.of(merchantId))
      .map(rows -> rows.iterator().next().getLong(0));
  }

  /** A product as stored, with its content per locale and its SKUs as JSON. */
  public record ProductRecord(UUID id, UUID merchantId, String productCode, String categorySlug, String brand,
                              String model, String defaultLanguage, String currency, JsonArray images,
                              JsonObject specifications, String status, int ratingCount, int ratingSum, int version,
                              JsonObject content, JsonArray skus) {
  }

  public Future<ProductRecord> detail(SqlClient client, UUID id) {
    return client.preparedQuery(DETAIL).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new ProductRecord(r.getUUID("id"), r.getUUID("merchant_id"), r.getString("product_code"),
        r.getString("category_slug"), r.getString("brand"), r.getString("model"), r.getString("default_language"),
        r.getString("currency"), (JsonArray) r.getValue("images"), (JsonObject) r.getValue("specifications"),
        r.getString("status"), r.getInteger("rating_count"), r.getInteger("rating_sum"), r.getInteger("version"),
        r.getValue("content") == null ? new JsonObject() : (JsonObject) r.getValue("content"),
        r.getValue("skus") == null ? new JsonArray() : (JsonArray) r.getValue("skus"));
    });
  }

  public Future<List<SkuSnapshot>> snapshots(SqlClient client, List<UUID> skuIds, String shipTo, Instant asOf) {
    return client.preparedQuery(SNAPSHOTS).execute(Tuple.of(skuIds.toArray(UUID[]::new), shipTo)).map(rows -> {
      List<SkuSnapshot> out = new ArrayList<>();
      rows.forEach(r -> out.add(snapshot(r, asOf)));
      return out;
    });
  }

  private static SkuSnapshot snapshot(Row r, Instant asOf) {
    CurrencyCode currency = CurrencyCode.of(r.getString("currency"));
    BigDecimal list = r.getBigDecimal("list_price");
    BigDecimal price = Pricing.priceAt(list, r.getBigDecimal("sale_price"), instant(r.getOffsetDateTime("sale_starts_at")),
      instant(r.getOffsetDateTime("sale_ends_at")), asOf);
    return new SkuSnapshot(r.getUUID("id"), r.getUUID("product_id"), r.getUUID("merchant_id"), r.getString("sku_code"),
      r.getString("title"), money(price, currency), money(list, currency), r.getInteger("weight_grams"),
      r.getString("country_of_origin"), r.getString("hs_code"), r.getString("category_slug"),
      "PUBLISHED".equals(r.getString("status")), r.getInteger("return_window_days"), r.getInteger("warranty_months"),
      r.getInteger("version"), asOf, r.getString("restriction"));
  }

  private static Money money(BigDecimal amount, CurrencyCode currency) {
    return Money.of(amount.setScale(currency.minorUnits(), java.math.RoundingMode.UNNECESSARY), currency);
  }

  private static Instant instant(java.time.OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
