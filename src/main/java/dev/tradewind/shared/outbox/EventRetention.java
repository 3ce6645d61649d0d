package dev.tradewind.shared.outbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntFunction;

/**
 * Keeps one schema's outbox and inbox the size of their retention windows: once a minute it deletes, oldest first,
 * the events sent longer than {@code outbox.retentionHours} ago and the memories of processed events older than
 * {@code outbox.inboxRetentionHours}. Safe beside other instances doing the same: a row two of them race for is deleted
 * once, and an unsent event is never deleted.
 */
public final class EventRetention {
  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
  private static final long EVERY_MS = 60_000;
  private static final int BATCH = 5_000;
  // At most this many batches a minute per table, so a long backlog (an upgrade from before retention) is worked off
  // gradually instead of in one long burst of deletes.
  private static final int BATCHES_PER_RUN = 20;

  private final Vertx vertx;
  private final Pool pool;
  private final String schema;
  private final OutboxRepository outbox;
  private final Inbox inbox;
  private final OutboxConfig config;
  private long timerId = -1;

  public EventRetention(Vertx vertx, Pool pool, String schema, OutboxConfig config) {
    this.vertx = vertx;
    this.pool = pool;
    this.schema = schema;
    this.outbox = new OutboxRepository(schema);
    this.inbox = new Inbox(schema);
    this.config = config;
  }

  public void start() {
    timerId = vertx.setPeriodic(EVERY_MS, id -> {
      purgeOutbox().onFailure(failure -> failed("outbox", failure));
      purgeInbox().onFailure(failure -> failed("inbox", failure));
    });
  }

  private void failed(String table, Throwable failure) {
    LOG.warn("the {} purge of {} failed; it runs again in a minute: {}", table, schema, failure.toString());
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** Deletes events sent longer than the retention ago; answers how many. */
  public Future<Integer> purgeOutbox() {
    return inBatches(limit -> outbox.purge(pool, config.retentionHours(), limit), 0, 0);
  }

  /** Forgets events processed longer than the inbox's retention ago; answers how many. */
  public Future<Integer> purgeInbox() {
    return inBatches(limit -> inbox.purge(pool, config.inboxRetentionHours(), limit), 0, 0);
  }

  private Future<Integer> inBatches(IntFunction<Future<Integer>> batch, int batches, int deleted) {
    return batch.apply(BATCH).compose(count -> count == BATCH && batches + 1 < BATCHES_PER_RUN
      ? inBatches(batch, batches + 1, deleted + count) : Future.succeededFuture(deleted + count));
  }
}
