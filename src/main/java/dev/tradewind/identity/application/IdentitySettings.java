package dev.tradewind.identity.application;

import dev.tradewind.shared.auth.JwtConfig;
import dev.tradewind.shared.auth.JwtSettings;
import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;

/** The {@code identity} section: token lifetimes, where the signing keys live, and the sign-in limits. */
public record IdentitySettings(JwtSettings jwt, Duration refreshTtl, Path signingKeysFile, int loginMaxFailures,
                               long loginLockoutSeconds, int loginAttemptsPerAddressPerMinute) {
  public static IdentitySettings from(JsonObject config) {
    Settings s = Settings.of(config, "identity");
    return new IdentitySettings(JwtConfig.settings(config), Duration.ofDays(s.number("refreshTokenTtlDays", 1, 365)),
      Path.of(s.nonBlank("signingKeysFile")), s.integer("loginMaxFailures", 1, 100),
      s.number("loginLockoutSeconds", 1, 86_400), s.integer("loginAttemptsPerAddressPerMinute", 1, 100_000));
  }

  /** How long a revocation must be remembered: until every access token it voids has expired. */
  public Duration revocationMemory() {
    return jwt.accessTtl().plus(jwt.clockSkew());
  }
}
