package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.QuoteRepository;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.json.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Places an order from a quote under the buyer's Idempotency-Key. The quote and the key are read together. A new
 * key for a SKU the gate knows to be sold out is refused at once, without a commit (the answer is stored just after,
 * see {@link SoldOutAnswers}). Otherwise the key is claimed (a concurrent duplicate finds it in flight: 409; a
 * finished one is replayed; another body under it is 422), the quote is checked, and the order goes to the group
 * commit. Final answers are stored with the key; a retryable failure frees it.
 */
public final class PlaceOrder {
  public static final int MAX_KEY_LENGTH = 255;

  private final Pool pool;
  private final QuoteRepository quotes;
  private final IdempotencyRepository keys;
  private final PlacementBatcher batcher;
  private final SkuGate gate;
  private final SoldOutAnswers soldOutAnswers;
  private final CheckoutSettings settings;
  private final Clock clock;

  public PlaceOrder(Vertx vertx, Pool pool, QuoteRepository quotes, IdempotencyRepository keys, PlacementBatcher batcher,
                    SkuGate gate, CheckoutSettings settings, Clock clock) {
    this.pool = pool;
    this.quotes = quotes;
    this.keys = keys;
    this.batcher = batcher;
    this.gate = gate;
    this.soldOutAnswers = new SoldOutAnswers(vertx, pool, keys, clock);
    this.settings = settings;
    this.clock = clock;
  }

  public Future<ApiReply> place(Caller caller, String key, UUID quoteId, String note, String requestId) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new ProblemException(Problem.invalidField("Idempotency-Key", "required",
        "Idempotency-Key is required: 1 to " + MAX_KEY_LENGTH + " characters."));
    }
    UUID buyerId = UUID.fromString(caller.userId());
    String hash = fingerprint(quoteId, note);
    Future<Optional<Quote>> quote = quotes.find(pool, quoteId).map(found -> found.filter(q -> buyerId.equals(q.buyerId())));
    Future<Optional<IdempotencyRepository.Stored>> stored = keys.find(pool, buyerId, key);
    return Future.all(quote, stored).compose(both -> {
      Problem refused = refusal(quote.result().orElse(null));
      if (stored.result().isEmpty() && refused != null && refused.status() == 409) {
        return Future.succeededFuture(soldOutAtOnce(buyerId, key, hash, refused));
      }
      Instant now = clock.instant();
      return keys.claim(pool, buyerId, key, hash, now.plusSeconds(settings.idempotencyLockSeconds()), now)
        .compose(owned -> owned ? fresh(buyerId, key, quote.result().orElse(null), note, requestId)
          : earlier(buyerId, key, hash));
    });
  }

  /** The gate knows the SKU is sold out and the key is new: answer now, store the answer a moment later. */
  private ApiReply soldOutAtOnce(UUID buyerId, String key, String hash, Problem soldOut) {
    PlacementBatcher.PlacementReply reply = PlacementBatcher.problem(soldOut);
    soldOutAnswers.remember(new IdempotencyRepository.Answer(buyerId, key, hash, reply.status(), reply.body()));
    return replay(reply);
  }

  private Future<ApiReply> earlier(UUID buyerId, String key, String hash) {
    return keys.find(pool, buyerId, key).map(found -> {
      IdempotencyRepository.Stored stored = found.orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
        "A request with this Idempotency-Key is still in progress."));
      if (!stored.requestHash().equals(hash)) {
        throw new ProblemException(ProblemType.UNPROCESSABLE,
          "This Idempotency-Key was used with a different request body.");
      }
      if (stored.status() == null) {
        throw new ProblemException(ProblemType.CONFLICT, "A request with this Idempotency-Key is still in progress.");
      }
      return replay(new PlacementBatcher.PlacementReply(stored.status(), stored.response(), stored.orderId()));
    });
  }

  private Future<ApiReply> fresh(UUID buyerId, String key, Quote quote, String note, String requestId) {
    Problem refused = refusal(quote);
    Future<PlacementBatcher.PlacementReply> placed;
    if (refused != null) {
      PlacementBatcher.PlacementReply reply = PlacementBatcher.problem(refused);
      placed = keys.complete(pool, buyerId, key, reply.status(), reply.body(), null).map(v -> reply);
    } else {
      placed = batcher.submit(quote, buyerId, key, note, requestId);
    }
    return placed.recover(failure -> keys.release(pool, buyerId, key).transform(v -> Future.failedFuture(failure)))
      .map(PlaceOrder::replay);
  }

  private Problem refusal(Quote quote) {
    if (quote == null) {
      return Problem.of(ProblemType.NOT_FOUND, "No quote with this id.");
    }
    if (quote.expiredAt(clock.instant())) {
      return new Problem(Problem.TYPE_PREFIX + "quote-expired", "The quote has expired", 410,
        "The quote expired at " + quote.expiresAt() + "; ask for a new one.", null, null, null);
    }
    Set<UUID> short_ = new LinkedHashSet<>();
    quote.lines().forEach(line -> {
      if (gate.knownShort(line.skuId(), line.quantity())) {
        short_.add(line.skuId());
      }
    });
    return short_.isEmpty() ? null : PlacementBatcher.soldOut(short_);
  }

  private static ApiReply replay(PlacementBatcher.PlacementReply reply) {
    if (reply.status() == 201) {
      return ApiReply.created("/api/v1/orders/" + reply.orderId(), reply.body());
    }
    return ApiReply.problem(Json.convert(reply.body(), Problem.class));
  }

  static String fingerprint(UUID quoteId, String note) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest((quoteId + "\n" + (note == null ? "" : note)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
