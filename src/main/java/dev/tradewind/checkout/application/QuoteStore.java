package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.infra.QuoteRepository;
import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import io.vertx.sqlclient.SqlClient;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Quotes as stored, with the most recent ones of this process kept in memory: a quote never changes once written, and
 * a buyer orders within minutes of asking for it, so placing the order need not read and decode it again. Bounded:
 * the oldest are forgotten first, and a forgotten quote is simply read from the database.
 */
public final class QuoteStore implements Shareable {
  private final QuoteRepository quotes;
  private final int capacity;
  private final Map<UUID, Quote> recent = new ConcurrentHashMap<>();
  private final Queue<UUID> arrival = new ConcurrentLinkedQueue<>();

  QuoteStore(QuoteRepository quotes, int capacity) {
    this.quotes = quotes;
    this.capacity = capacity;
  }

  /** The one store of this Vert.x instance, shared by its checkout verticles; remembers {@code rememberedQuotes}. */
  public static QuoteStore of(Vertx vertx, QuoteSettings settings) {
    return PerProcess.one(vertx, "checkout.quotes", () -> new QuoteStore(new QuoteRepository(), settings.rememberedQuotes()));
  }

  public Future<Quote> insert(SqlClient client, Quote quote) {
    return quotes.insert(client, quote).map(v -> remember(quote));
  }

  public Future<Optional<Quote>> find(SqlClient client, UUID id) {
    Quote known = recent.get(id);
    if (known != null) {
      return Future.succeededFuture(Optional.of(known));
    }
    return quotes.find(client, id).map(found -> found.map(this::remember));
  }

  Optional<Quote> remembered(UUID id) {
    return Optional.ofNullable(recent.get(id));
  }

  Quote remember(Quote quote) {
    if (recent.put(quote.id(), quote) == null) {
      arrival.add(quote.id());
      while (recent.size() > capacity) {
        UUID oldest = arrival.poll();
        if (oldest == null) {
          break;
        }
        recent.remove(oldest);
      }
    }
    return quote;
  }
}
