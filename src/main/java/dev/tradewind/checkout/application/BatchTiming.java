package dev.tradewind.checkout.application;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** When a placement transaction began and asked for its stock rows, for the batch metrics. */
final class BatchTiming {
  private static final Timer BATCHES = Timer.builder("tradewind_checkout_placement_batch")
    .description("Placement transactions, from begin to commit or rollback").register(Metrics.globalRegistry);
  private static final Timer LOCK_HELD = Timer.builder("tradewind_checkout_placement_stock_locked")
    .description("How long a placement transaction held its stock rows, from asking for them to commit")
    .register(Metrics.globalRegistry);
  private static final DistributionSummary BATCH_SIZES = DistributionSummary.builder("tradewind_checkout_placement_batch_size")
    .description("Placements per transaction").register(Metrics.globalRegistry);

  private final long started = System.nanoTime();
  private long locked;

  void locked() {
    locked = System.nanoTime();
  }

  void ended(int placements) {
    long ended = System.nanoTime();
    BATCHES.record(ended - started, TimeUnit.NANOSECONDS);
    BATCH_SIZES.record(placements);
    if (locked != 0) {
      LOCK_HELD.record(ended - locked, TimeUnit.NANOSECONDS);
    }
  }
}
