package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.domain.ShippingRule;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of the goods that cannot be shipped to a country. */
public final class ShippingRestrictionRepository {
  private static final String COLUMNS = "id, country, category_slug, hs_chapter, reason, created_at, created_by";
  // ON CONFLICT without a target covers the rule's expression index, so a duplicate inserts nothing.
  private static final String INSERT = """
    INSERT INTO catalog.shipping_restrictions (id, country, category_slug, hs_chapter, reason, created_at, created_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""";
  private static final String ALL = "SELECT " + COLUMNS
    + " FROM catalog.shipping_restrictions ORDER BY country, created_at, id";
  private static final String FOR_COUNTRY = "SELECT " + COLUMNS
    + " FROM catalog.shipping_restrictions WHERE country = $1 ORDER BY created_at, id";
  private static final String DELETE = "DELETE FROM catalog.shipping_restrictions WHERE id = $1 RETURNING " + COLUMNS;
  private static final String CATEGORY_EXISTS = "SELECT 1 FROM catalog.categories WHERE slug = $1";
  // A category's path holds its own slug and every ancestor's, so a rule on any of them reaches the product.
  private static final String FOR_PRODUCT = """
    SELECT r.country, r.category_slug, r.hs_chapter, r.reason FROM catalog.shipping_restrictions r
    WHERE r.category_slug IN (SELECT unnest(string_to_array(c.path, '/')) FROM catalog.products p
                               JOIN catalog.categories c ON c.slug = p.category_slug WHERE p.id = $1)
       OR r.hs_chapter IN (SELECT left(s.hs_code, 2) FROM catalog.skus s WHERE s.product_id = $1)
    ORDER BY r.country, r.category_slug NULLS LAST, r.hs_chapter""";

  /** A rule as stored, with who made it and when. */
  public record StoredRestriction(UUID id, ShippingRule rule, Instant createdAt, UUID createdBy) {
  }

  /** Stores the rule; false when the same rule already exists for the country. */
  public Future<Boolean> insert(SqlClient tx, StoredRestriction restriction) {
    ShippingRule rule = restriction.rule();
    return tx.preparedQuery(INSERT).execute(Tuple.of(restriction.id(), rule.country(), rule.categorySlug(),
        rule.hsChapter(), rule.reason(), OffsetDateTime.ofInstant(restriction.createdAt(), ZoneOffset.UTC),
        restriction.createdBy()))
      .map(rows -> rows.rowCount() == 1);
  }

  /** Every rule, or only those of one country when {@code country} is not null. */
  public Future<List<StoredRestriction>> list(SqlClient client, String country) {
    Future<RowSet<Row>> rows = country == null ? client.query(ALL).execute()
      : client.preparedQuery(FOR_COUNTRY).execute(Tuple.of(country));
    return rows.map(found -> {
      List<StoredRestriction> out = new ArrayList<>();
      found.forEach(r -> out.add(stored(r)));
      return out;
    });
  }

  /** Deletes the rule and answers what it was, or null when there is no such rule. */
  public Future<StoredRestriction> delete(SqlClient tx, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id))
      .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
  }

  public Future<Boolean> categoryExists(SqlClient client, String slug) {
    return client.preparedQuery(CATEGORY_EXISTS).execute(Tuple.of(slug)).map(rows -> rows.size() > 0);
  }

  /** The rules that keep this product (its category, an ancestor of it, or a SKU's HS chapter) from a country. */
  public Future<List<ShippingRule>> forProduct(SqlClient client, UUID productId) {
    return client.preparedQuery(FOR_PRODUCT).execute(Tuple.of(productId)).map(rows -> {
      List<ShippingRule> out = new ArrayList<>();
      rows.forEach(r -> out.add(new ShippingRule(r.getString("country"), r.getString("category_slug"),
        r.getString("hs_chapter"), r.getString("reason"))));
      return out;
    });
  }

  private static StoredRestriction stored(Row r) {
    return new StoredRestriction(r.getUUID("id"), new ShippingRule(r.getString("country"), r.getString("category_slug"),
      r.getString("hs_chapter"), r.getString("reason")), r.getOffsetDateTime("created_at").toInstant(),
      r.getUUID("created_by"));
  }
}
