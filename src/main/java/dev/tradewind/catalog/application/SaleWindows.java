package dev.tradewind.catalog.application;

import dev.tradewind.catalog.infra.ProductReadRepository;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A sale starting or ending changes prices without anyone committing anything, so no event empties the search cache
 * then: this wakes up at the next such instant and moves the search generation itself. It looks the instant up again
 * within a second of any catalogue change (a sale may just have been planned), and at least every {@code LOOK_AGAIN}.
 */
public final class SaleWindows {
  private static final Logger LOG = LoggerFactory.getLogger(SaleWindows.class);
  static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Pool pool;
  private final ProductReadRepository reads;
  private final HotReads hotReads;
  private final Clock clock;
  private static final long NOTICE_CHANGES_MS = 1_000;

  private long timer = -1;
  private long watch = -1;
  private long lookedUpAt = Long.MIN_VALUE;
  private boolean stopped;

  public SaleWindows(Vertx vertx, Pool pool, ProductReadRepository reads, HotReads hotReads, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.reads = reads;
    this.hotReads = hotReads;
    this.clock = clock;
  }

  public void start() {
    lookUp();
    watch = vertx.setPeriodic(NOTICE_CHANGES_MS, t -> {
      if (hotReads.generation() != lookedUpAt) {
        vertx.cancelTimer(timer);
        lookUp();
      }
    });
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    vertx.cancelTimer(watch);
  }

  /** Sleeps until the next sale boundary or for {@code LOOK_AGAIN}, whichever comes first, then looks again. */
  private void lookUp() {
    if (stopped) {
      return;
    }
    Instant now = clock.instant();
    lookedUpAt = hotReads.generation();
    reads.nextPriceChange(pool, now)
      .onFailure(e -> LOG.warn("the next sale start or end could not be looked up: {}", e.toString()))
      .onComplete(next -> {
        Instant boundary = next.succeeded() ? next.result().orElse(null) : null;
        Instant again = now.plus(LOOK_AGAIN);
        boolean atBoundary = boundary != null && boundary.isBefore(again);
        long delay = Math.max(1, Duration.between(clock.instant(), atBoundary ? boundary : again).toMillis() + 1);
        if (!stopped) {
          vertx.cancelTimer(timer);
          timer = vertx.setTimer(delay, t -> {
            if (atBoundary) {
              hotReads.searchesChanged();
            }
            lookUp();
          });
        }
      });
  }
}
