package dev.tradewind.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.infra.SettableClock;
import dev.tradewind.shared.auth.AccessClaims;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RevocationListTest {

  private static final Instant NOW = Instant.parse("2025-06-02T14:15:00Z");
  private static final Duration TOKEN_LIFE = Duration.ofMinutes(15);
  /** As identity publishes it: once every token the revocation could void has expired, skew included. */
  private static final Instant FORGET_AFTER = NOW.plus(TOKEN_LIFE).plusSeconds(30);

  private final SettableClock clock = new SettableClock(NOW);
  private final RevocationList revocations = new RevocationList(clock);

  private static AccessClaims token(String user, String session, Instant issuedAt) {
    return new AccessClaims(user, session, Set.of("BUYER"), null, issuedAt, issuedAt.plus(TOKEN_LIFE),
      "jti-" + user + "-" + session + "-" + issuedAt.getEpochSecond());
  }

  private static SessionsRevoked sessionsEnded(String user, String... sessions) {
    return new SessionsRevoked(List.of(sessions), user, false, NOW, FORGET_AFTER);
  }

  private static SessionsRevoked everyTokenOf(String user, Instant revokedAt) {
    return new SessionsRevoked(List.of(), user, true, revokedAt, revokedAt.plus(TOKEN_LIFE).plusSeconds(30));
  }

  @Test
  @DisplayName("nothing is refused before anything is revoked")
  void emptyListRefusesNothing() {
    assertThat(revocations.revoked(token("alice", "s1", NOW))).isFalse();
  }

  @Test
  @DisplayName("signing out one device refuses that session's unexpired tokens, and only that session's")
  void onlyTheRevokedSessionIsRefused() {
    revocations.add(sessionsEnded("alice", "s1"));

    assertThat(revocations.revoked(token("alice", "s1", NOW.minusSeconds(60)))).isTrue();
    assertThat(revocations.revoked(token("alice", "s1", NOW.plusSeconds(60)))).isTrue();
    assertThat(revocations.revoked(token("alice", "s2", NOW.minusSeconds(60)))).as("alice's other device").isFalse();
    assertThat(revocations.revoked(token("bob", "s3", NOW.minusSeconds(60)))).as("another user").isFalse();
  }

  @Test
  @DisplayName("every session listed in one event is refused")
  void severalSessionsAtOnce() {
    revocations.add(sessionsEnded("alice", "s1", "s2"));

    assertThat(revocations.revoked(token("alice", "s1", NOW))).isTrue();
    assertThat(revocations.revoked(token("alice", "s2", NOW))).isTrue();
    assertThat(revocations.revoked(token("alice", "s3", NOW))).isFalse();
  }

  @Test
  @DisplayName("a user-wide revocation refuses every token of the user issued before it, whatever the session")
  void userWideRevocationVoidsEarlierTokens() {
    revocations.add(everyTokenOf("alice", NOW));

    assertThat(revocations.revoked(token("alice", "s1", NOW.minusSeconds(1)))).isTrue();
    assertThat(revocations.revoked(token("alice", "s9", NOW.minus(TOKEN_LIFE)))).isTrue();
  }

  @Test
  @DisplayName("a user-wide revocation accepts tokens issued at or after it, so the next sign-in works at once")
  void userWideRevocationAcceptsLaterTokens() {
    revocations.add(everyTokenOf("alice", NOW));

    assertThat(revocations.revoked(token("alice", "s1", NOW))).isFalse();
    assertThat(revocations.revoked(token("alice", "s2", NOW.plusSeconds(1)))).isFalse();
  }

  @Test
  @DisplayName("a user-wide revocation of one user does not touch another user's tokens")
  void userWideRevocationIsPerUser() {
    revocations.add(everyTokenOf("alice", NOW));

    assertThat(revocations.revoked(token("bob", "s1", NOW.minusSeconds(60)))).isFalse();
  }

  @Test
  @DisplayName("of two user-wide revocations the later one counts, whichever arrives first")
  void laterUserWideRevocationWins() {
    Instant later = NOW.plusSeconds(120);
    revocations.add(everyTokenOf("alice", later));
    revocations.add(everyTokenOf("alice", NOW));

    assertThat(revocations.revoked(token("alice", "s1", NOW.plusSeconds(60)))).isTrue();
    assertThat(revocations.revoked(token("alice", "s1", later))).isFalse();
  }

  @Test
  @DisplayName("a revocation is still remembered up to the instant it may be forgotten")
  void rememberedUntilForgetAfter() {
    revocations.add(sessionsEnded("alice", "s1"));
    revocations.add(everyTokenOf("bob", NOW));

    clock.set(FORGET_AFTER);
    revocations.add(sessionsEnded("carol", "s7"));

    assertThat(revocations.revoked(token("alice", "s1", NOW))).isTrue();
    assertThat(revocations.revoked(token("bob", "s2", NOW.minusSeconds(1)))).isTrue();
  }

  @Test
  @DisplayName("once past forgetAfter, sessions and users are forgotten when the next revocation arrives")
  void forgottenAfterForgetAfter() {
    revocations.add(sessionsEnded("alice", "s1"));
    revocations.add(everyTokenOf("bob", NOW));

    clock.set(FORGET_AFTER.plusSeconds(1));
    revocations.add(sessionsEnded("carol", "s7"));

    assertThat(revocations.revoked(token("alice", "s1", NOW))).isFalse();
    assertThat(revocations.revoked(token("bob", "s2", NOW.minusSeconds(1)))).isFalse();
    assertThat(revocations.revoked(token("carol", "s7", NOW))).isTrue();
  }

  @Test
  @DisplayName("every edge of a process shares one list, so a revocation heard by one refuses the token on all")
  void edgesOfOneProcessShareTheList() {
    Vertx vertx = Vertx.vertx();
    try {
      RevocationList heardIt = RevocationList.of(vertx, clock);
      RevocationList servesTheNextRequest = RevocationList.of(vertx, clock);
      heardIt.add(sessionsEnded("user-1", "session-1"));
      assertThat(servesTheNextRequest.revoked(token("user-1", "session-1", NOW.minusSeconds(60)))).isTrue();
    } finally {
      vertx.close().await();
    }
  }
}
