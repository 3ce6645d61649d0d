package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.domain.ProductRow;
import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The SQL that writes products, their content per locale, their SKUs and the price history. A SKU's
 * {@code available} is not the merchant's to write here: it is the copy of checkout's figure (see {@link StockMirrorRepository}).
 */
public final class ProductWriteRepository {
  private static final String UPSERT_PRODUCT = """
    INSERT INTO catalog.products AS p (id, merchant_id, product_code, category_slug, brand, model, default_language,
      currency, images, specifications, status, created_at, updated_at, published_at, version)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text, $12::timestamptz, $12::timestamptz,
      CASE WHEN $11::text = 'PUBLISHED' THEN $12::timestamptz END, 1)
    ON CONFLICT (merchant_id, product_code) DO UPDATE SET category_slug = EXCLUDED.category_slug,
      brand = EXCLUDED.brand, model = EXCLUDED.model, default_language = EXCLUDED.default_language,
      images = EXCLUDED.images, specifications = EXCLUDED.specifications, updated_at = EXCLUDED.updated_at,
      version = p.version + 1
    RETURNING id, version, status, (xmax = 0) AS inserted""";
  private static final String LOCK_PRODUCT = """
    SELECT p.merchant_id, p.product_code, p.status, p.version, p.category_slug,
      ARRAY(SELECT s.id FROM catalog.skus s WHERE s.product_id = p.id ORDER BY s.created_at, s.sku_code) AS sku_ids
    FROM catalog.products p WHERE p.id = $1 FOR UPDATE""";
  private static final String CHANGE_STATUS = """
    UPDATE catalog.products SET status = $2::text, updated_at = $3::timestamptz, version = version + 1,
      published_at = CASE WHEN $2::text = 'PUBLISHED' THEN coalesce(published_at, $3::timestamptz) ELSE published_at END
    WHERE id = $1 RETURNING version""";
  private static final String DELETE_CONTENT = "DELETE FROM catalog.product_content WHERE product_id = $1";
  private static final String INSERT_CONTENT = """
    INSERT INTO catalog.product_content (product_id, locale, title, description, bullets, document)
    VALUES ($1, $2, $3::text, $4::text, $5, setweight(to_tsvector($6::regconfig, $3::text), 'A')
      || setweight(to_tsvector($6::regconfig, $4::text), 'B')
      || setweight(to_tsvector($6::regconfig, $7::text), 'C'))""";
  /** The product's one search document and title string, from its content rows (see V5__search_document.sql). */
  private static final String REFRESH_SEARCH_DOCUMENT = """
    UPDATE catalog.products p SET search_document = coalesce(d.document, ''::tsvector), search_titles = coalesce(d.titles, '')
    FROM (SELECT catalog.tsvector_concat_agg(c.document ORDER BY c.locale)
            || setweight(to_tsvector('simple'::regconfig, coalesce(string_agg(c.title, ' ' ORDER BY c.locale), '')), 'A') AS document,
            lower(string_agg(c.title, ' ' ORDER BY c.locale)) AS titles
          FROM catalog.product_content c WHERE c.product_id = $1) d
    WHERE p.id = $1""";
  private static final String LOCK_PRICE = """
    SELECT list_price, sale_price, sale_starts_at, sale_ends_at FROM catalog.skus
    WHERE merchant_id = $1 AND sku_code = $2 FOR UPDATE""";
  private static final String UPSERT_SKU = """
    INSERT INTO catalog.skus AS s (id, product_id, merchant_id, sku_code, colour, size, currency, list_price, sale_price,
      sale_starts_at, sale_ends_at, weight_grams, length_mm, width_mm, height_mm, country_of_origin, hs_code,
      return_window_days, warranty_months, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
      $20::timestamptz, $20::timestamptz)
    ON CONFLICT (merchant_id, sku_code) DO UPDATE SET product_id = EXCLUDED.product_id, colour = EXCLUDED.colour,
      size = EXCLUDED.size, currency = EXCLUDED.currency, list_price = EXCLUDED.list_price,
      sale_price = EXCLUDED.sale_price, sale_starts_at = EXCLUDED.sale_starts_at, sale_ends_at = EXCLUDED.sale_ends_at,
      weight_grams = EXCLUDED.weight_grams, length_mm = EXCLUDED.length_mm, width_mm = EXCLUDED.width_mm,
      height_mm = EXCLUDED.height_mm, country_of_origin = EXCLUDED.country_of_origin, hs_code = EXCLUDED.hs_code,
      return_window_days = EXCLUDED.return_window_days, warranty_months = EXCLUDED.warranty_months,
      updated_at = EXCLUDED.updated_at
    RETURNING id""";
  private static final String PRICE_HISTORY = """
    INSERT INTO catalog.price_history (sku_id, currency, list_price, sale_price, sale_starts_at, sale_ends_at,
      changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";

  /** What upserting a product did. */
  public record StoredProduct(UUID id, int version, String status, boolean inserted) {
  }

  /** What upserting a SKU did: whether its price is new or different from before. */
  public record StoredSku(UUID id, boolean priceChanged) {
  }

  public Future<StoredProduct> upsertProduct(SqlClient tx, UUID merchantId, String currency, ProductRow p, String status,
                                             Instant now) {
    JsonObject specs = new JsonObject();
    p.specifications().forEach(specs::put);
    return tx.preparedQuery(UPSERT_PRODUCT).execute(Tuple.from(new Object[]{UUID.randomUUID(), merchantId,
        p.productCode(), p.categorySlug(), p.brand(), p.model(), p.defaultLanguage(), currency,
        new JsonArray(p.imageUrls()), specs, status, utc(now)}))
      .map(rows -> {
        Row row = rows.iterator().next();
        return new StoredProduct(row.getUUID("id"), row.getInteger("version"), row.getString("status"),
          row.getBoolean("inserted"));
      });
  }

  /** A product's owner, state and SKUs, locked for the rest of the transaction. */
  public record LockedProduct(UUID merchantId, String productCode, String status, int version, String categorySlug,
                              List<UUID> skuIds) {
  }

  public Future<LockedProduct> lock(SqlClient tx, UUID productId) {
    return tx.preparedQuery(LOCK_PRODUCT).execute(Tuple.of(productId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new LockedProduct(r.getUUID("merchant_id"), r.getString("product_code"), r.getString("status"), r.getInteger("version"),
        r.getString("category_slug"), List.of(r.getArrayOfUUIDs("sku_ids")));
    });
  }

  /** Moves the product to the status and answers its new version. */
  public Future<Integer> changeStatus(SqlClient tx, UUID productId, String status, Instant now) {
    return tx.preparedQuery(CHANGE_STATUS).execute(Tuple.of(productId, status, utc(now)))
      .map(rows -> rows.iterator().next().getInteger(0));
  }

  public Future<Void> replaceContent(SqlClient tx, UUID productId, Map<String, LocalizedContent> content) {
    List<Tuple> batch = new ArrayList<>();
    content.forEach((locale, c) -> batch.add(Tuple.from(new Object[]{productId, locale, c.title(),
      c.description() == null ? "" : c.description(), new JsonArray(c.bullets()),
      TextSearchLanguage.configFor(locale), String.join(" ", c.bullets())})));
    return tx.preparedQuery(DELETE_CONTENT).execute(Tuple.of(productId))
      .compose(v -> batch.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(INSERT_CONTENT).executeBatch(batch))
      .compose(v -> tx.preparedQuery(REFRESH_SEARCH_DOCUMENT).execute(Tuple.of(productId))).mapEmpty();
  }

  public Future<StoredSku> upsertSku(SqlClient tx, UUID productId, UUID merchantId, ProductRow r, Instant now,
                                     UUID changedBy) {
    return tx.preparedQuery(LOCK_PRICE).execute(Tuple.of(merchantId, r.skuCode())).compose(previous -> {
      Row old = previous.size() == 0 ? null : previous.iterator().next();
      boolean changed = old == null || !same(old.getBigDecimal("list_price"), r.listPrice())
        || !same(old.getBigDecimal("sale_price"), r.salePrice())
        || !Objects.equals(instant(old.getOffsetDateTime("sale_starts_at")), r.saleStartsAt())
        || !Objects.equals(instant(old.getOffsetDateTime("sale_ends_at")), r.saleEndsAt());
      return tx.preparedQuery(UPSERT_SKU).execute(Tuple.from(new Object[]{UUID.randomUUID(), productId, merchantId,
          r.skuCode(), r.colour(), r.size(), r.currency(), r.listPrice(), r.salePrice(), utc(r.saleStartsAt()),
          utc(r.saleEndsAt()), r.weightGrams(), r.lengthMm(), r.widthMm(), r.heightMm(), r.countryOfOrigin(),
          r.hsCode(), r.returnWindowDays(), r.warrantyMonths(), utc(now)}))
        .compose(rows -> {
        UUID id = rows.iterator().next().getUUID("id");
        if (!changed) {
          return Future.succeededFuture(new StoredSku(id, false));
        }
        return tx.preparedQuery(PRICE_HISTORY).execute(Tuple.from(new Object[]{id, r.currency(), r.listPrice(),
            r.salePrice(), utc(r.saleStartsAt()), utc(r.saleEndsAt()), utc(now), changedBy}))
          .map(v -> new StoredSku(id, true));
        });
    });
  }

  private static boolean same(BigDecimal before, BigDecimal now) {
    return before == null ? now == null : now != null && before.compareTo(now) == 0;
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
