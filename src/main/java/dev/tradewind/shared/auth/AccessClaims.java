package dev.tradewind.shared.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified access token says about its caller. {@code merchantId} is null unless the caller acts for a
 * merchant. On the wire: {@code sub}, {@code sid}, {@code roles}, {@code mid}, {@code iat}, {@code exp},
 * {@code jti}.
 */
public record AccessClaims(
    String subject, String sessionId, Set<String> roles, String merchantId, Instant issuedAt, Instant expiresAt,
    String tokenId) {

  public AccessClaims {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(tokenId, "tokenId");
    roles = Set.copyOf(roles);
  }
}
