package dev.tradewind.edge;

import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.shared.auth.AccessClaims;

import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions and users whose access tokens must stop working before they expire; entries are dropped once every
 * token they could void has expired.
 */
final class RevocationList implements Shareable {
  private final Clock clock;
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private final Map<String, SessionsRevoked> users = new ConcurrentHashMap<>();

  RevocationList(Clock clock) {
    this.clock = clock;
  }

  /**
   * The one list of this Vert.x instance, shared by every edge verticle in it. Each edge hears a revocation on its
   * own event loop, and the edge that answers the revoking request has heard it first; sharing the list means the
   * next request is refused whichever edge's connection it arrives on.
   */
  static RevocationList of(Vertx vertx, Clock clock) {
    return PerProcess.one(vertx, "edge.revocations", () -> new RevocationList(clock));
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
