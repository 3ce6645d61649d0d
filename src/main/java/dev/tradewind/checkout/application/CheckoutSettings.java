package dev.tradewind.checkout.application;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

/**
 * The {@code checkout} section: how long unpaid orders hold stock, how often lapsed ones are swept, and how
 * concurrent placements are grouped into transactions, and how many connections of their own Idempotency-Key
 * lookups have.
 */
public record CheckoutSettings(int reservationTtlSeconds, long sweepIntervalMs, int sweepBatchSize,
                               int placementBatchSize, int placementConcurrency, long soldOutMemoryMs,
                               int keyLookupConnections) {
  public static CheckoutSettings from(JsonObject config) {
    Settings s = Settings.of(config, "checkout");
    return new CheckoutSettings(s.integer("reservationTtlSeconds", 1, 86_400), s.number("sweepIntervalMs", 10, 3_600_000),
      s.integer("sweepBatchSize", 1, 10_000), s.integer("placementBatchSize", 1, 1_000),
      s.integer("placementConcurrency", 1, 64), s.number("soldOutMemoryMs", 0, 60_000),
      s.integer("keyLookupConnections", 1, 16));
  }
}
