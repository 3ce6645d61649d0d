package dev.tradewind.catalog.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The SQL of the catalogue's own record of merchants allowed to sell. */
public final class MerchantRegistryRepository {
  private static final String UPSERT = """
    INSERT INTO catalog.merchants (id, legal_name, country, default_currency, default_language, approved_at)
    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING""";
  private static final String FIND = """
    SELECT id, legal_name, country, default_currency, default_language FROM catalog.merchants WHERE id = $1""";

  public record Seller(UUID id, String legalName, String country, String currency, String language) {
  }

  public Future<Void> remember(SqlClient client, Seller seller, Instant approvedAt) {
    return client.preparedQuery(UPSERT).execute(Tuple.of(seller.id(), seller.legalName(), seller.country(),
      seller.currency(), seller.language(), OffsetDateTime.ofInstant(approvedAt, ZoneOffset.UTC))).mapEmpty();
  }

  public Future<Seller> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new Seller(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4));
    });
  }
}
