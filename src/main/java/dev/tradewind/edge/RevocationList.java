package dev.tradewind.edge;

import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.shared.auth.AccessClaims;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The sessions and users whose access tokens must stop working before they expire. One per edge instance,
 * touched only on its event loop; entries are dropped once every token they could void has expired.
 */
final class RevocationList {
  private final Clock clock;
  private final Map<String, Instant> sessions = new HashMap<>();
  private final Map<String, SessionsRevoked> users = new HashMap<>();

  RevocationList(Clock clock) {
    this.clock = clock;
  }

  void add(SessionsRevoked revoked) {
    prune();
    revoked.sessionIds().forEach(id -> sessions.put(id, revoked.forgetAfter()));
    if (revoked.voidsUserTokens()) {
      users.merge(revoked.userId(), revoked, (a, b) -> a.revokedAt().isAfter(b.revokedAt()) ? a : b);
    }
  }

  boolean revoked(AccessClaims claims) {
    if (sessions.containsKey(claims.sessionId())) {
      return true;
    }
    SessionsRevoked user = users.get(claims.subject());
    return user != null && claims.issuedAt().isBefore(user.revokedAt());
  }

  private void prune() {
    Instant now = clock.instant();
    sessions.values().removeIf(forgetAfter -> forgetAfter.isBefore(now));
    users.values().removeIf(revoked -> revoked.forgetAfter().isBefore(now));
  }
}
