package dev.tradewind.catalog.infra;

import dev.tradewind.catalog.domain.CategorySeed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/** The SQL of the category tree. */
public final class CategoryRepository {
  private static final String INSERT = """
    INSERT INTO catalog.categories (slug, parent_slug, path, names, position) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (slug) DO NOTHING""";
  private static final String ALL = "SELECT slug, parent_slug, path, names FROM catalog.categories ORDER BY path";
  private static final String SLUGS = "SELECT slug FROM catalog.categories";

  public record Category(String slug, String parentSlug, String path, JsonObject names) {
  }

  /** Adds the categories that are missing; parents must come before their children. */
  public Future<Void> seed(SqlClient tx, List<CategorySeed> tree) {
    Map<String, String> paths = new HashMap<>();
    List<Tuple> batch = new ArrayList<>();
    int position = 0;
    for (CategorySeed c : tree) {
      String path = c.parentSlug() == null ? c.slug() : paths.get(c.parentSlug()) + "/" + c.slug();
      paths.put(c.slug(), path);
      JsonObject names = new JsonObject();
      c.names().forEach(names::put);
      batch.add(Tuple.of(c.slug(), c.parentSlug(), path, names, position++));
    }
    return tx.preparedQuery(INSERT).executeBatch(batch).mapEmpty();
  }

  public Future<List<Category>> all(SqlClient client) {
    return client.query(ALL).execute().map(rows -> {
      List<Category> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Category(r.getString(0), r.getString(1), r.getString(2), (JsonObject) r.getValue(3))));
      return out;
    });
  }

  public Future<Set<String>> slugs(SqlClient client) {
    return client.query(SLUGS).execute().map(rows -> {
      Set<String> out = new HashSet<>();
      rows.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }
}
