package dev.tradewind.identity.contract;

import java.time.Instant;
import java.util.List;

/**
 * Published on {@link IdentityContract#SESSIONS_REVOKED} the moment sessions end, so access tokens already
 * issued for them stop working at once rather than when they expire. With {@code voidsUserTokens} it also voids every token of the user issued before that (whole) second: after a deactivation or erasure, or a
 * role change that the next token must reflect. Nothing needs remembering after
 * {@code forgetAfter}, when every such token has expired anyway.
 */
public record SessionsRevoked(List<String> sessionIds, String userId, boolean voidsUserTokens, Instant revokedAt,
                              Instant forgetAfter) {
  public SessionsRevoked {
    sessionIds = List.copyOf(sessionIds);
  }
}
