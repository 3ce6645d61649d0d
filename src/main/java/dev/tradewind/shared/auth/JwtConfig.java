package dev.tradewind.shared.auth;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** Reads the token settings from the {@code identity} section, which the edge needs as much as identity does. */
public final class JwtConfig {
  private JwtConfig() {
  }

  public static JwtSettings settings(JsonObject config) {
    Settings s = Settings.of(config, "identity");
    return new JwtSettings(s.nonBlank("issuer"), s.nonBlank("audience"),
      Duration.ofSeconds(s.number("accessTokenTtlSeconds", 60, 86_400)),
      Duration.ofSeconds(s.number("clockSkewSeconds", 0, 60)));
  }
}
