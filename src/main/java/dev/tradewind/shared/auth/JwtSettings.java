package dev.tradewind.shared.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Who issues access tokens, for whom, how long they live, and how much clock drift between hosts is forgiven.
 * The skew is capped at a minute: a larger one would quietly stretch every token's life.
 */
public record JwtSettings(String issuer, String audience, Duration accessTtl, Duration clockSkew) {
  static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  public JwtSettings {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("the token issuer is required");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("the token audience is required");
    }
    Objects.requireNonNull(accessTtl, "accessTtl");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (accessTtl.isZero() || accessTtl.isNegative()) {
      throw new IllegalArgumentException("the access token lifetime must be positive, got " + accessTtl);
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("the clock skew must be between 0 and 60 s, got " + clockSkew);
    }
  }

  public static JwtSettings defaults() {
    return new JwtSettings("https://tradewind.local", "tradewind-api", Duration.ofMinutes(15), Duration.ofSeconds(30));
  }
}
