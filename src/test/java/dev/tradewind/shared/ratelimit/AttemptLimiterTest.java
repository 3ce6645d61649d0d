package dev.tradewind.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.infra.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

  private static final Instant NOW = Instant.parse("2025-06-02T14:15:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final SettableClock clock = new SettableClock(NOW);
  private final AttemptLimiter limiter = new AttemptLimiter(3, clock);

  private void spend(String key, int attempts) {
    for (int i = 0; i < attempts; i++) {
      assertThat(limiter.tryAcquire(key)).as("attempt %d of %s", i + 1, key).isNull();
    }
  }

  @Test
  @DisplayName("up to the limit a key's attempts are allowed within a minute, the next one is refused")
  void limitPerKeyPerMinute() {
    spend("alice@example.com", 3);

    assertThat(limiter.tryAcquire("alice@example.com")).isNotNull();
    assertThat(limiter.tryAcquire("alice@example.com")).isNotNull();
  }

  @Test
  @DisplayName("one key at its limit leaves every other key its own allowance")
  void otherKeysUnaffected() {
    spend("alice@example.com", 3);
    assertThat(limiter.tryAcquire("alice@example.com")).isNotNull();

    spend("bob@example.com", 3);
    assertThat(limiter.tryAcquire("bob@example.com")).isNotNull();
  }

  @Test
  @DisplayName("a refusal says how long to wait: positive, at most a minute, and until the window ends")
  void retryAfterIsPositiveAndWithinAMinute() {
    spend("alice@example.com", 3);
    Duration atOnce = limiter.tryAcquire("alice@example.com");
    assertThat(atOnce).isPositive().isLessThanOrEqualTo(MINUTE);

    clock.advance(Duration.ofSeconds(45));
    assertThat(limiter.tryAcquire("alice@example.com")).isEqualTo(Duration.ofSeconds(15));

    clock.advance(Duration.ofMillis(14_999));
    assertThat(limiter.tryAcquire("alice@example.com")).isPositive().isLessThanOrEqualTo(MINUTE);
  }

  @Test
  @DisplayName("refused attempts do not push the window back: the wait shrinks as time passes")
  void refusalsDoNotExtendTheWindow() {
    spend("alice@example.com", 3);
    Duration first = limiter.tryAcquire("alice@example.com");

    clock.advance(Duration.ofSeconds(10));
    Duration later = limiter.tryAcquire("alice@example.com");

    assertThat(later).isEqualTo(first.minusSeconds(10));
  }

  @Test
  @DisplayName("a minute after the window opened the key starts a fresh window with its full allowance")
  void newWindowAfterAMinute() {
    spend("alice@example.com", 3);
    assertThat(limiter.tryAcquire("alice@example.com")).isNotNull();

    clock.advance(MINUTE);

    spend("alice@example.com", 3);
    assertThat(limiter.tryAcquire("alice@example.com")).isNotNull();
  }

  @Test
  @DisplayName("a key with no key at all (null) is always allowed and counts against nothing")
  void nullKeyAlwaysAllowed() {
    spend(null, 50);
    spend("alice@example.com", 3);
  }
}
