package dev.tradewind.checkout.application;

import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.IdempotencyRepository.Answer;
import dev.tradewind.shared.api.Problem;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Refusals decided without the database (sold out by the gate, no such quote, quote expired) are given before they
 * are stored, and stored a few milliseconds later, many per statement: in a flash sale most buyers hear "sold out",
 * and making each of them wait for its own commit would make that answer as slow as a sale. Until it is stored its
 * key stays in flight with the answer ({@link InFlightKeys}), so a duplicate in this process hears it again; a store
 * that fails is tried again, up to {@value #ATTEMPTS} times. Past that, or after a crash, a replay is decided afresh.
 */
final class RefusalAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalAnswers.class);
  private static final int MAX_PER_STATEMENT = 500;
  private static final long FLUSH_AFTER_MS = 5;
  private static final int ATTEMPTS = 3;
  private static final long RETRY_AFTER_MS = 200;
  private static final long STORED_GRACE_MS = 1_000;

  private final Vertx vertx;
  private final Pool pool;
  private final IdempotencyRepository keys;
  private final Clock clock;
  private final InFlightKeys inFlight;
  private List<Pending> pending = new ArrayList<>();
  private boolean flushScheduled;

  private record Pending(Answer answer, int attempt) {
  }

  RefusalAnswers(Vertx vertx, Pool pool, IdempotencyRepository keys, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
    this.inFlight = InFlightKeys.of(vertx);
  }

  /**
   * The reply to give now to the holder of the key; stored a moment later, the key held with it until then. Must be
   * called on the checkout verticle's event loop.
   */
  PlacementBatcher.PlacementReply answer(UUID buyerId, String key, String requestHash, Problem refusal) {
    PlacementBatcher.PlacementReply reply = PlacementBatcher.problem(refusal);
    inFlight.refused(buyerId, key, requestHash, reply);
    remember(new Pending(new Answer(buyerId, key, requestHash, reply.status(), reply.body()), 1), FLUSH_AFTER_MS);
    return reply;
  }

  private void remember(Pending answer, long flushAfterMs) {
    pending.add(answer);
    if (pending.size() >= MAX_PER_STATEMENT) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      vertx.setTimer(flushAfterMs, t -> flush());
    }
  }

  private void flush() {
    flushScheduled = false;
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = pending;
    pending = new ArrayList<>();
    keys.rememberAll(pool, batch.stream().map(Pending::answer).toList(), clock.instant())
      .onSuccess(stored -> forget(batch))
      .onFailure(e -> {
        LOG.warn("{} refusals were not stored (attempt {}): {}", batch.size(), batch.get(0).attempt(), e.toString());
        List<Pending> again = batch.stream().filter(p -> p.attempt() < ATTEMPTS)
          .map(p -> new Pending(p.answer(), p.attempt() + 1)).toList();
        forget(batch.stream().filter(p -> p.attempt() >= ATTEMPTS).toList());
        if (!again.isEmpty()) {
          vertx.setTimer(RETRY_AFTER_MS, t -> again.forEach(p -> remember(p, FLUSH_AFTER_MS)));
        }
      });
  }

  // A duplicate whose key lookup read before the store committed may answer after it: the key stays held with its
  // answer a moment longer, so that duplicate still hears it instead of being decided afresh.
  private void forget(List<Pending> settled) {
    if (!settled.isEmpty()) {
      vertx.setTimer(STORED_GRACE_MS, t -> settled.forEach(p -> inFlight.stored(p.answer().buyerId(), p.answer().key())));
    }
  }
}
