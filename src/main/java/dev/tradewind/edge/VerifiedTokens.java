package dev.tradewind.edge;

import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.InvalidTokenException;
import dev.tradewind.shared.auth.TokenVerifier;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers tokens whose signature and claims this edge instance has already verified, so a client's next
 * requests with the same token skip the ECDSA verification (about a millisecond of CPU each on this class of
 * machine; see BENCHMARKS.md). Safe because a verified token never becomes valid in another way: each hit
 * re-checks expiry, revocation is checked by the caller on every request, and a key is only dropped from the
 * ring after every token it signed has expired. Confined to one event loop; bounded, least recently used first.
 */
final class VerifiedTokens {
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

  /** Whether the token was verified before (and still has time left); never verifies anything itself. */
  boolean known(String token) {
    AccessClaims known = verified.get(token);
    return known != null && clock.instant().isBefore(known.expiresAt().plus(skew));
  }

  AccessClaims verify(String token, TokenVerifier verifier) {
    AccessClaims known = verified.get(token);
    if (known != null) {
      if (clock.instant().isBefore(known.expiresAt().plus(skew))) {
        return known;
      }
      verified.remove(token);
      throw new InvalidTokenException("expired");
    }
    AccessClaims claims = verifier.verify(token);
    verified.put(token, claims);
    return claims;
  }

  /** New keys can only make more tokens valid, never fewer; this is for key removal, which starts afresh. */
  void clear() {
    verified.clear();
  }
}
