package dev.tradewind.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} attempts per key per minute, counted in fixed one-minute windows. Kept in memory by
 * one identity instance (confined to its event loop) and bounded in size, so a flood of distinct keys cannot
 * exhaust memory: the oldest windows are dropped first.
 */
public final class AttemptLimiter {
  private static final int MAX_KEYS = 100_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int limit;
  private final Clock clock;
  private final Map<String, Window> windows = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public AttemptLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  private static final class Window {
    private final Instant start;
    private int count;

    private Window(Instant start) {
      this.start = start;
    }
  }

  /** Whether the key has used up its window, without counting: null when not, else how long until it has not. */
  public Duration exhausted(String key) {
    if (key == null) {
      return null;
    }
    Window window = windows.get(key);
    Instant now = clock.instant();
    if (window == null || !now.isBefore(window.start.plus(WINDOW)) || window.count < limit) {
      return null;
    }
    Duration wait = Duration.between(now, window.start.plus(WINDOW));
    return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
  }

  /** Counts an attempt; answers null when allowed, else how long to wait before the next one is. */
  public Duration tryAcquire(String key) {
    if (key == null) {
      return null;
    }
    Instant now = clock.instant();
    Window window = windows.get(key);
    if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
      window = new Window(now);
      windows.remove(key);
      windows.put(key, window);
    }
    if (window.count >= limit) {
      Duration wait = Duration.between(now, window.start.plus(WINDOW));
      return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }
    window.count++;
    return null;
  }
}
