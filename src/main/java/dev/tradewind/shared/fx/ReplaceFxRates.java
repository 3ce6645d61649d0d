package dev.tradewind.shared.fx;

import java.time.Instant;
import java.util.Map;

/**
 * Replaces the platform's FX table: every rate quoted against {@code base} (currency code to decimal string),
 * with where the figures came from and when. Sent to {@link PlatformFx#REPLACE_RATES}; answered with the
 * number of rates now in force, or failed with the offending key.
 */
public record ReplaceFxRates(String base, Map<String, String> rates, String source, Instant asOf) {
  public ReplaceFxRates {
    rates = Map.copyOf(rates);
  }
}
