package dev.tradewind.checkout.application;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * The {@code checkout} keys quoting reads: how long a quote holds its prices ({@code quoteTtlSeconds}) and how many of
 * the newest quotes a process keeps in memory for the orders placed from them ({@code rememberedQuotes}).
 */
public record QuoteSettings(Duration quoteTtl, int rememberedQuotes) {
  public static QuoteSettings from(JsonObject config) {
    Settings s = Settings.of(config, "checkout");
    return new QuoteSettings(Duration.ofSeconds(s.integer("quoteTtlSeconds", 30, 86_400)),
      s.integer("rememberedQuotes", 0, 10_000_000));
  }
}
