package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.identity.infra.SessionRepository;
import dev.tradewind.identity.infra.SessionRepository.LockedRefresh;
import dev.tradewind.identity.infra.UserRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Exchanges a refresh token for a new pair, retiring the old one. A token that was already exchanged is
 * evidence of theft (either the thief or the owner is replaying it), so the whole session ends and the reuse is
 * audited. Tokens and sessions are locked for the exchange, so two concurrent uses of one token cannot both win.
 */
public final class RefreshSession {
  private final Pool pool;
  private final SessionRepository sessions;
  private final UserRepository users;
  private final SessionIssuer issuer;
  private final Revocations revocations;
  private final AuditTrail audit;
  private final Clock clock;

  public RefreshSession(Pool pool, SessionRepository sessions, UserRepository users, SessionIssuer issuer,
                        Revocations revocations, AuditTrail audit, Clock clock) {
    this.pool = pool;
    this.sessions = sessions;
    this.users = users;
    this.issuer = issuer;
    this.revocations = revocations;
    this.audit = audit;
    this.clock = clock;
  }

  /** The new pair, or empty for a token that is unknown, expired, reused or of an ended session. */
  public Future<Optional<TokenPair>> refresh(String refreshToken, String clientAddress, String requestId) {
    byte[] hash = SessionIssuer.hash(refreshToken);
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return pool.withTransaction(tx -> sessions.lockRefreshToken(tx, hash).compose(locked -> {
      if (locked == null || locked.sessionRevokedAt() != null || !locked.expiresAt().isAfter(at)
        || !locked.sessionExpiresAt().isAfter(at)) {
        return Future.succeededFuture(Attempt.refused());
      }
      if (locked.rotatedAt() != null) {
        return reused(tx, locked, clientAddress, requestId);
      }
      return users.byId(tx, locked.userId()).compose(user -> user == null || !user.active()
        ? Future.succeededFuture(Attempt.refused())
        : sessions.markRotated(tx, hash, locked.sessionId(), at)
          .compose(v -> issuer.continueSession(tx, user, locked.sessionId(), now))
          .map(Attempt::issued));
    })).map(attempt -> {
      if (attempt.revoked() != null) {
        revocations.announce(attempt.revoked());
      }
      return Optional.ofNullable(attempt.tokens());
    });
  }

  private Future<Attempt> reused(SqlConnection tx, LockedRefresh locked, String clientAddress, String requestId) {
    return revocations.revokeSession(tx, locked.sessionId(), locked.userId(), "refresh-token-reused")
      .compose(revoked -> audit.record(tx, AuditLog.byUser(null, "auth.refresh.reused", "session",
          locked.sessionId(), clientAddress, requestId, new JsonObject().put("userId", locked.userId().toString())))
        .map(v -> new Attempt(null, revoked)));
  }

  private record Attempt(TokenPair tokens, SessionsRevoked revoked) {
    static Attempt refused() {
      return new Attempt(null, null);
    }

    static Attempt issued(TokenPair tokens) {
      return new Attempt(tokens, null);
    }
  }
}
