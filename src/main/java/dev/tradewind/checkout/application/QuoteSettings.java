package dev.tradewind.checkout.application;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** The {@code checkout} keys quoting reads: how long a quote holds its prices ({@code quoteTtlSeconds}). */
public record QuoteSettings(Duration quoteTtl) {
  public static QuoteSettings from(JsonObject config) {
    return new QuoteSettings(Duration.ofSeconds(Settings.of(config, "checkout").integer("quoteTtlSeconds", 30, 86_400)));
  }
}
