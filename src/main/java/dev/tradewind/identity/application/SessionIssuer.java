package dev.tradewind.identity.application;

import dev.tradewind.identity.domain.UserAccount;
import dev.tradewind.identity.infra.KeyRing;
import dev.tradewind.identity.infra.SessionRepository;
import dev.tradewind.shared.auth.AccessClaims;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Starts sessions and mints their tokens: a short-lived signed access token and an opaque refresh token, of
 * which only a hash is stored.
 */
public final class SessionIssuer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentitySettings settings;
  private final KeyRing keys;
  private final SessionRepository sessions;

  public SessionIssuer(IdentitySettings settings, KeyRing keys, SessionRepository sessions) {
    this.settings = settings;
    this.keys = keys;
    this.sessions = sessions;
  }

  /** A new session for the user, inside the caller's transaction. */
  public Future<TokenPair> start(SqlClient tx, UserAccount user, Instant now, String clientAddress) {
    UUID sessionId = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return sessions.createSession(tx, sessionId, user.id(), at, at.plus(settings.refreshTtl()), clientAddress)
      .compose(v -> continueSession(tx, user, sessionId, now));
  }

  /** The next pair of tokens for an existing session; the caller has already retired the old refresh token. */
  public Future<TokenPair> continueSession(SqlClient tx, UserAccount user, UUID sessionId, Instant now) {
    String refreshToken = randomToken();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return sessions.insertRefreshToken(tx, hash(refreshToken), sessionId, at, at.plus(settings.refreshTtl()))
      .map(v -> new TokenPair(accessToken(user, sessionId, now), refreshToken, "Bearer",
        settings.jwt().accessTtl().toSeconds()));
  }

  private String accessToken(UserAccount user, UUID sessionId, Instant now) {
    Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
    AccessClaims claims = new AccessClaims(user.id().toString(), sessionId.toString(), Set.copyOf(user.tokenRoles()),
      user.merchantId() == null ? null : user.merchantId().toString(), issuedAt,
      issuedAt.plus(settings.jwt().accessTtl()), UUID.randomUUID().toString());
    return keys.sign(claims);
  }

  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
