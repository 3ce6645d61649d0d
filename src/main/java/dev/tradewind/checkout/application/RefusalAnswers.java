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
 * and making each of them wait for its own commit would make that answer as slow as a sale. The answer changed
 * nothing, so losing it in a crash only means a replay is decided afresh (and, nothing having changed, the same way).
 */
final class RefusalAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalAnswers.class);
  private static final int MAX_PER_STATEMENT = 500;
  private static final long FLUSH_AFTER_MS = 5;

  private final Vertx vertx;
  private final Pool pool;
  private final IdempotencyRepository keys;
  private final Clock clock;
  private List<Answer> pending = new ArrayList<>();
  private boolean flushScheduled;

  RefusalAnswers(Vertx vertx, Pool pool, IdempotencyRepository keys, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.keys = keys;
    this.clock = clock;
  }

  /** The reply to give now; stored a moment later. Must be called on the checkout verticle's event loop. */
  PlacementBatcher.PlacementReply answer(UUID buyerId, String key, String requestHash, Problem refusal) {
    PlacementBatcher.PlacementReply reply = PlacementBatcher.problem(refusal);
    remember(new Answer(buyerId, key, requestHash, reply.status(), reply.body()));
    return reply;
  }

  private void remember(Answer answer) {
    pending.add(answer);
    if (pending.size() >= MAX_PER_STATEMENT) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      vertx.setTimer(FLUSH_AFTER_MS, t -> flush());
    }
  }

  private void flush() {
    flushScheduled = false;
    if (pending.isEmpty()) {
      return;
    }
    List<Answer> batch = pending;
    pending = new ArrayList<>();
    keys.rememberAll(pool, batch, clock.instant())
      .onFailure(e -> LOG.warn("{} refusals were not stored: {}", batch.size(), e.toString()));
  }
}
