package dev.tradewind.edge;

import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.InvalidTokenException;
import dev.tradewind.shared.auth.TokenVerifier;
import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers tokens whose signature and claims this process has already verified, so a client's next requests
 * with the same token skip the ECDSA verification (about a millisecond of CPU each on this class of machine; see
 * BENCHMARKS.md), whichever edge event loop serves them. Safe because a verified token never becomes valid in another
 * way: each hit re-checks expiry, revocation is checked by the caller on every request, and a key is only dropped
 * from the ring after every token it signed has expired. Bounded, least recently used first; the map is guarded,
 * the signature check runs outside the guard.
 */
final class VerifiedTokens implements Shareable {
  private static final int CAPACITY = 10_000;

  private final Clock clock;
  private final Duration skew;
  private final Map<String, AccessClaims> verified = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, AccessClaims> eldest) {
      return size() > CAPACITY;
    }
  };

  VerifiedTokens(Clock clock, Duration skew) {
    this.clock = clock;
    this.skew = skew;
  }

  /** The one cache of this Vert.x instance, shared by its edges. */
  static VerifiedTokens of(Vertx vertx, Clock clock, Duration skew) {
    return PerProcess.one(vertx, "edge.verified-tokens", () -> new VerifiedTokens(clock, skew));
  }

  /** Whether the token was verified before (and still has time left); never verifies anything itself. */
  boolean known(String token) {
    AccessClaims known = remembered(token);
    return known != null && clock.instant().isBefore(known.expiresAt().plus(skew));
  }

  AccessClaims verify(String token, TokenVerifier verifier) {
    AccessClaims known = remembered(token);
    if (known != null) {
      if (clock.instant().isBefore(known.expiresAt().plus(skew))) {
        return known;
      }
      synchronized (verified) {
        verified.remove(token);
      }
      throw new InvalidTokenException("expired");
    }
    AccessClaims claims = verifier.verify(token);
    synchronized (verified) {
      verified.put(token, claims);
    }
    return claims;
  }

  /** New keys can only make more tokens valid, never fewer; this is for key removal, which starts afresh. */
  void clear() {
    synchronized (verified) {
      verified.clear();
    }
  }

  private AccessClaims remembered(String token) {
    synchronized (verified) {
      return verified.get(token);
    }
  }
}
