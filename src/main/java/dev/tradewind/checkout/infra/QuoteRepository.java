package dev.tradewind.checkout.infra;

import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.shared.json.Json;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of quotes: kept whole as a document, with the columns that are looked up or swept by. The document goes
 * as JSON text, encoded once, rather than through a map that the driver would encode again.
 */
public final class QuoteRepository {
  private static final String INSERT = """
    INSERT INTO checkout.quotes (id, buyer_id, cart_id, currency, due_now, created_at, expires_at, document)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)""";
  private static final String FIND = "SELECT document FROM checkout.quotes WHERE id = $1";

  public Future<Void> insert(SqlClient client, Quote quote) {
    return client.preparedQuery(INSERT).execute(Tuple.of(quote.id(), quote.buyerId(), quote.cartId(),
        quote.currency().code(), quote.totals().dueNow().amount(), quote.createdAt().atOffset(ZoneOffset.UTC),
        quote.expiresAt().atOffset(ZoneOffset.UTC), Json.string(quote)))
      .mapEmpty();
  }

  public Future<Optional<Quote>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      JsonObject document = rows.iterator().next().getJsonObject("document");
      return Optional.of(Json.mapper().convertValue(document.getMap(), Quote.class));
    });
  }
}
