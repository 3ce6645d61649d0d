package dev.tradewind.identity.infra;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of sessions, their refresh tokens (stored as hashes) and user-wide revocations. */
public final class SessionRepository {
  private static final String INSERT_SESSION = """
    INSERT INTO identity.sessions (id, user_id, created_at, last_used_at, expires_at, client_address)
    VALUES ($1, $2, $3, $3, $4, $5)""";
  private static final String INSERT_TOKEN = """
    INSERT INTO identity.refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)""";
  private static final String LOCK_TOKEN = """
    SELECT t.session_id, t.rotated_at, t.expires_at, s.user_id, s.revoked_at, s.expires_at AS session_expires_at
    FROM identity.refresh_tokens t JOIN identity.sessions s ON s.id = t.session_id
    WHERE t.token_hash = $1
    FOR UPDATE OF t, s""";
  private static final String ROTATE = "UPDATE identity.refresh_tokens SET rotated_at = $2 WHERE token_hash = $1";
  private static final String TOUCH = "UPDATE identity.sessions SET last_used_at = $2 WHERE id = $1";
  private static final String REVOKE = """
    UPDATE identity.sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL""";
  private static final String REVOKE_ALL = """
    UPDATE identity.sessions SET revoked_at = $2, revoked_reason = $3
    WHERE user_id = $1 AND revoked_at IS NULL RETURNING id""";
  private static final String INSERT_USER_REVOCATION = """
    INSERT INTO identity.user_revocations (user_id, revoked_at, forget_after) VALUES ($1, $2, $3)""";
  private static final String FORGET_USER_REVOCATIONS = "DELETE FROM identity.user_revocations WHERE forget_after < $1";
  private static final String RECENT_SESSIONS = """
    SELECT id, user_id, revoked_at FROM identity.sessions WHERE revoked_at > $1""";
  private static final String RECENT_USERS = """
    SELECT user_id, revoked_at, forget_after FROM identity.user_revocations WHERE forget_after > $1""";

  /** A refresh token's row with its session, locked for the rest of the transaction. */
  public record LockedRefresh(UUID sessionId, UUID userId, OffsetDateTime rotatedAt, OffsetDateTime expiresAt,
                              OffsetDateTime sessionRevokedAt, OffsetDateTime sessionExpiresAt) {
  }

  public record RevokedSession(UUID sessionId, UUID userId, OffsetDateTime revokedAt) {
  }

  public record UserRevocation(UUID userId, OffsetDateTime revokedAt, OffsetDateTime forgetAfter) {
  }

  public Future<Void> createSession(SqlClient tx, UUID id, UUID userId, OffsetDateTime now, OffsetDateTime expiresAt,
                                    String clientAddress) {
    return tx.preparedQuery(INSERT_SESSION).execute(Tuple.of(id, userId, now, expiresAt, clientAddress)).mapEmpty();
  }

  public Future<Void> insertRefreshToken(SqlClient tx, byte[] hash, UUID sessionId, OffsetDateTime now,
                                         OffsetDateTime expiresAt) {
    return tx.preparedQuery(INSERT_TOKEN)
      .execute(Tuple.of(Buffer.buffer(hash), sessionId, now, expiresAt)).mapEmpty();
  }

  public Future<LockedRefresh> lockRefreshToken(SqlClient tx, byte[] hash) {
    return tx.preparedQuery(LOCK_TOKEN).execute(Tuple.of(Buffer.buffer(hash)))
      .map(rows -> {
        if (rows.size() == 0) {
          return null;
        }
        Row row = rows.iterator().next();
        return new LockedRefresh(row.getUUID("session_id"), row.getUUID("user_id"), row.getOffsetDateTime("rotated_at"),
          row.getOffsetDateTime("expires_at"), row.getOffsetDateTime("revoked_at"),
          row.getOffsetDateTime("session_expires_at"));
      });
  }

  public Future<Void> markRotated(SqlClient tx, byte[] hash, UUID sessionId, OffsetDateTime now) {
    return tx.preparedQuery(ROTATE).execute(Tuple.of(Buffer.buffer(hash), now))
      .compose(v -> tx.preparedQuery(TOUCH).execute(Tuple.of(sessionId, now))).mapEmpty();
  }

  /** Answers whether this call ended the session (false when it had already ended). */
  public Future<Boolean> revoke(SqlClient tx, UUID sessionId, OffsetDateTime now, String reason) {
    return tx.preparedQuery(REVOKE).execute(Tuple.of(sessionId, now, reason)).map(rows -> rows.rowCount() == 1);
  }

  public Future<List<UUID>> revokeAll(SqlClient tx, UUID userId, OffsetDateTime now, String reason) {
    return tx.preparedQuery(REVOKE_ALL).execute(Tuple.of(userId, now, reason)).map(rows -> {
      List<UUID> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getUUID(0)));
      return ids;
    });
  }

  /** Records the revocation and drops those no token can outlive any more, so the table stays small. */
  public Future<Void> revokeUser(SqlClient tx, UUID userId, OffsetDateTime at, OffsetDateTime forgetAfter) {
    return tx.preparedQuery(INSERT_USER_REVOCATION).execute(Tuple.of(userId, at, forgetAfter))
      .compose(v -> tx.preparedQuery(FORGET_USER_REVOCATIONS).execute(Tuple.of(at))).mapEmpty();
  }

  public Future<List<RevokedSession>> sessionsRevokedSince(SqlClient client, OffsetDateTime since) {
    return client.preparedQuery(RECENT_SESSIONS).execute(Tuple.of(since)).map(rows -> {
      List<RevokedSession> out = new ArrayList<>();
      rows.forEach(row -> out.add(new RevokedSession(row.getUUID(0), row.getUUID(1), row.getOffsetDateTime(2))));
      return out;
    });
  }

  public Future<List<UserRevocation>> userRevocationsAfter(SqlClient client, OffsetDateTime now) {
    return client.preparedQuery(RECENT_USERS).execute(Tuple.of(now)).map(rows -> {
      List<UserRevocation> out = new ArrayList<>();
      rows.forEach(row -> out.add(new UserRevocation(row.getUUID(0), row.getOffsetDateTime(1), row.getOffsetDateTime(2))));
      return out;
    });
  }
}
