package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.identity.infra.SessionRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Ends the session a refresh token belongs to, and with it every token of its family. */
public final class SignOut {
  private final Pool pool;
  private final SessionRepository sessions;
  private final Revocations revocations;

  public SignOut(Pool pool, SessionRepository sessions, Revocations revocations) {
    this.pool = pool;
    this.sessions = sessions;
    this.revocations = revocations;
  }

  /** Ends the session of the refresh token and, if given, the caller's own session; unknown tokens are ignored. */
  public Future<Void> signOut(String refreshToken, UUID callerSession, UUID callerUser) {
    return pool.withTransaction(tx -> sessions.lockRefreshToken(tx, SessionIssuer.hash(refreshToken)).compose(locked -> {
        List<Future<SessionsRevoked>> ended = new ArrayList<>();
        if (locked != null) {
          ended.add(revocations.revokeSession(tx, locked.sessionId(), locked.userId(), "signed-out"));
        }
        if (callerSession != null && (locked == null || !locked.sessionId().equals(callerSession))) {
          ended.add(revocations.revokeSession(tx, callerSession, callerUser, "signed-out"));
        }
        return Future.all(ended).map(all -> all.<SessionsRevoked>list());
      }))
      .onSuccess(ended -> ended.forEach(revocations::announce))
      .mapEmpty();
  }
}
