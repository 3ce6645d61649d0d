package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.contract.RecentRevocations;
import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.identity.infra.SessionRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ends sessions and tells every edge at once, so their access tokens stop working immediately in this
 * process. An edge in another process learns at its next start or when the token expires (at most one access
 * token lifetime), which is why access tokens are short-lived.
 */
public final class Revocations {
  private final Vertx vertx;
  private final Pool pool;
  private final SessionRepository sessions;
  private final IdentitySettings settings;
  private final Clock clock;

  public Revocations(Vertx vertx, Pool pool, SessionRepository sessions, IdentitySettings settings, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.sessions = sessions;
    this.settings = settings;
    this.clock = clock;
  }

  /** Ends one session in the caller's transaction; call {@link #announce} after commit. */
  public Future<SessionsRevoked> revokeSession(SqlClient tx, UUID sessionId, UUID userId, String reason) {
    Instant now = clock.instant();
    return sessions.revoke(tx, sessionId, utc(now), reason)
      .map(v -> new SessionsRevoked(List.of(sessionId.toString()), userId.toString(), false, now,
        now.plus(settings.revocationMemory())));
  }

  /** Ends every session of the user and voids every access token issued so far, in the caller's transaction. */
  public Future<SessionsRevoked> revokeUser(SqlClient tx, UUID userId, String reason) {
    Instant now = clock.instant();
    Instant forgetAfter = now.plus(settings.revocationMemory());
    return sessions.revokeAll(tx, userId, utc(now), reason)
      .compose(ids -> sessions.revokeUser(tx, userId, utc(nextWholeSecond(now)), utc(forgetAfter))
        .map(v -> new SessionsRevoked(ids.stream().map(UUID::toString).toList(), userId.toString(), true,
          nextWholeSecond(now), forgetAfter)));
  }

  /**
   * Voids every access token the account (a user or a service account) holds but keeps its sessions: for a
   * role change or removal, and for an account that is shut.
   */
  public Future<SessionsRevoked> voidAllAccessTokens(SqlClient tx, UUID accountId) {
    Instant now = clock.instant();
    Instant forgetAfter = now.plus(settings.revocationMemory());
    return sessions.revokeUser(tx, accountId, utc(nextWholeSecond(now)), utc(forgetAfter))
      .map(v -> new SessionsRevoked(List.of(), accountId.toString(), true, nextWholeSecond(now), forgetAfter));
  }

  public void announce(SessionsRevoked revoked) {
    vertx.eventBus().publish(IdentityContract.SESSIONS_REVOKED, revoked);
  }

  public Future<RecentRevocations> recent() {
    Instant now = clock.instant();
    Instant since = now.minus(settings.revocationMemory());
    return pool.withConnection(conn -> sessions.sessionsRevokedSince(conn, utc(since))
      .compose(revokedSessions -> sessions.userRevocationsAfter(conn, utc(now)).map(users -> {
        List<SessionsRevoked> all = new ArrayList<>();
        revokedSessions.forEach(s -> all.add(new SessionsRevoked(List.of(s.sessionId().toString()),
          s.userId().toString(), false, s.revokedAt().toInstant(), s.revokedAt().toInstant().plus(settings.revocationMemory()))));
        users.forEach(u -> all.add(new SessionsRevoked(List.of(), u.userId().toString(), true, u.revokedAt().toInstant(),
          u.forgetAfter().toInstant())));
        return new RecentRevocations(all);
      })));
  }

  /**
   * Tokens carry {@code iat} in whole seconds, so revoking "everything issued so far" must include the current
   * second: a token minted later in that same second is refused too, and its client simply refreshes again a
   * moment later. Erring that way never lets a revoked role through.
   */
  private static Instant nextWholeSecond(Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
