package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.CartLimits;
import dev.tradewind.shared.config.ConfigException;
import dev.tradewind.shared.config.Settings;
import dev.tradewind.shared.money.CurrencyCode;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** The {@code checkout.*} keys carts read, validated at start. */
public record CartSettings(CurrencyCode defaultCurrency, CartLimits limits, Duration guestCartTtl,
                           long sweepIntervalMs) {

  public static CartSettings from(JsonObject config) {
    Settings checkout = Settings.of(config, "checkout");
    CurrencyCode currency;
    try {
      currency = CurrencyCode.of(checkout.nonBlank("defaultCurrency"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("checkout.defaultCurrency", "must be an ISO 4217 code");
    }
    return new CartSettings(currency,
      new CartLimits(checkout.integer("cartMaxQuantityPerLine", 1, 10_000), checkout.integer("cartMaxLines", 1, 1_000)),
      Duration.ofDays(checkout.integer("guestCartTtlDays", 1, 365)),
      checkout.number("cartSweepIntervalMs", 1_000, 86_400_000));
  }
}
