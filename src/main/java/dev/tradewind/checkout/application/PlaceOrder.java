package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.OrderDraft;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.StockAllocation;
import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.json.Json;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Places an order from a quote under the buyer's Idempotency-Key. The quote and the key are read together: a key that
 * holds an answer replays it (another body under it is 422), a key in flight in this process is 409. A refusal that
 * needs no lock (no such quote, expired, a SKU the gate knows cannot cover it once the placements already let
 * through are served) is answered at once and stored just after ({@link RefusalAnswers}); until then a duplicate in
 * this process hears it again. Everything else goes to the group commit, which claims the key, places the order
 * and stores the answer in one transaction.
 */
public final class PlaceOrder {
  public static final int MAX_KEY_LENGTH = 255;
  private static final String IN_PROGRESS = "A request with this Idempotency-Key is still in progress.";

  private final Pool pool;
  private final QuoteStore quotes;
  private final KeyLookups lookups;
  private final PlacementBatcher batcher;
  private final SkuGate gate;
  private final RefusalAnswers refusals;
  private final InFlightKeys inFlight;
  private final Clock clock;

  /** {@code lookupLane} is where Idempotency-Keys are looked up: a client apart from the pool the placements use. */
  public PlaceOrder(Vertx vertx, Pool pool, SqlClient lookupLane, QuoteStore quotes, IdempotencyRepository keys,
                    PlacementBatcher batcher, SkuGate gate, Clock clock) {
    this.pool = pool;
    this.quotes = quotes;
    this.lookups = new KeyLookups(lookupLane, keys);
    this.batcher = batcher;
    this.gate = gate;
    this.refusals = batcher.refusals();
    this.inFlight = InFlightKeys.of(vertx);
    this.clock = clock;
  }

  public Future<ApiReply> place(Caller caller, String key, UUID quoteId, String note, String requestId) {
    long started = System.nanoTime();
    return decide(caller, key, quoteId, note, requestId).andThen(done -> Metrics.timer("tradewind_checkout_place_order",
        "outcome", done.succeeded() ? String.valueOf(done.result().status()) : "failed")
      .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
  }

  private Future<ApiReply> decide(Caller caller, String key, UUID quoteId, String note, String requestId) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new ProblemException(Problem.invalidField("Idempotency-Key", "required",
        "Idempotency-Key is required: 1 to " + MAX_KEY_LENGTH + " characters."));
    }
    UUID buyerId = UUID.fromString(caller.userId());
    String hash = fingerprint(quoteId, note);
    Future<Optional<Quote>> quote = quotes.find(pool, quoteId).map(found -> found.filter(q -> buyerId.equals(q.buyerId())));
    Future<Optional<IdempotencyRepository.Stored>> stored = lookups.find(new IdempotencyRepository.KeyRef(buyerId, key));
    return Future.all(quote, stored).compose(both -> stored.result()
      .map(earlier -> Future.succeededFuture(replay(earlier, hash)))
      .orElseGet(() -> fresh(new Placement(buyerId, key, hash), quote.result().orElse(null), note, requestId)));
  }

  private record Placement(UUID buyerId, String key, String hash) {
  }

  private Future<ApiReply> fresh(Placement p, Quote quote, String note, String requestId) {
    InFlightKeys.Holder holder = inFlight.hold(p.buyerId(), p.key(), p.hash());
    if (holder != null) {
      if (!holder.fingerprint().equals(p.hash())) {
        throw mismatch();
      }
      if (holder.refusal() == null) {
        throw new ProblemException(ProblemType.CONFLICT, IN_PROGRESS);
      }
      return Future.succeededFuture(replay(holder.refusal()));
    }
    Problem refused = refusal(quote);
    if (refused != null) {
      return Future.succeededFuture(replay(refusals.answer(p.buyerId(), p.key(), p.hash(), refused)));
    }
    List<StockAllocation.Demand> demand = OrderDraft.demands(quote);
    return batcher.submit(quote, p.buyerId(), p.key(), p.hash(), note, requestId)
      .onComplete(done -> {
        gate.decided(demand);
        inFlight.release(p.buyerId(), p.key());
      })
      .map(PlaceOrder::replay);
  }

  private static ApiReply replay(IdempotencyRepository.Stored stored, String hash) {
    if (!stored.requestHash().equals(hash)) {
      throw mismatch();
    }
    if (stored.status() == null) {
      throw new ProblemException(ProblemType.CONFLICT, IN_PROGRESS);
    }
    return replay(new PlacementBatcher.PlacementReply(stored.status(), stored.response(), stored.orderId()));
  }

  private static ProblemException mismatch() {
    return new ProblemException(ProblemType.UNPROCESSABLE, "This Idempotency-Key was used with a different request body.");
  }

  private Problem refusal(Quote quote) {
    if (quote == null) {
      return Problem.of(ProblemType.NOT_FOUND, "No quote with this id.");
    }
    if (quote.expiredAt(clock.instant())) {
      return new Problem(Problem.TYPE_PREFIX + "quote-expired", "The quote has expired", 410,
        "The quote expired at " + quote.expiresAt() + "; ask for a new one.", null, null, null);
    }
    Set<UUID> short_ = gate.admit(OrderDraft.demands(quote));
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
