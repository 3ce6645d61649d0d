package dev.tradewind.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.identity.infra.SigningKeys;
import dev.tradewind.infra.SettableClock;
import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.InvalidTokenException;
import dev.tradewind.shared.auth.JwtSettings;
import dev.tradewind.shared.auth.TokenVerifier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2025-06-02T14:15:00Z");
  private static final JwtSettings SETTINGS = JwtSettings.defaults();
  private static final Duration SKEW = SETTINGS.clockSkew();
  private static final AccessClaims BUYER = new AccessClaims("user-42", "session-7", Set.of("BUYER"), null,
    NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(14)), "token-1");

  private final SettableClock clock = new SettableClock(NOW);
  private final SigningKeys identity = SigningKeys.generate(clock);
  private final TokenVerifier verifier = new TokenVerifier(SETTINGS, clock, identity.jwks());
  /** Knows none of identity's keys: any token it is asked about itself, it refuses as unknown-key. */
  private final TokenVerifier stranger =
    new TokenVerifier(SETTINGS, clock, SigningKeys.generate(clock).jwks());
  private final VerifiedTokens verified = new VerifiedTokens(clock, SKEW);

  private static void assertRefused(VerifiedTokens cache, String token, TokenVerifier verifier, String reason) {
    assertThatThrownBy(() -> cache.verify(token, verifier))
      .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** Asked with a verifier that knows no key, only a remembered token can come back; any other is refused. */
  private void assertForgotten(String token) {
    assertRefused(verified, token, stranger, "unknown-key");
  }

  private void assertRemembered(String token, AccessClaims claims) {
    assertThat(verified.verify(token, stranger)).isEqualTo(claims);
  }

  /** A token identity signed for {@link #BUYER}, already verified once through the cache. */
  private String verifiedOnce() {
    String token = identity.sign(BUYER, SETTINGS);
    assertThat(verified.verify(token, verifier)).isEqualTo(BUYER);
    return token;
  }

  @Test
  @DisplayName("a token identity signed is verified once and its claims read back as issued")
  void firstSightVerifies() {
    assertThat(verified.verify(identity.sign(BUYER, SETTINGS), verifier)).isEqualTo(BUYER);
  }

  @Test
  @DisplayName("the same token again is answered from memory, without asking the verifier")
  void secondSightSkipsTheVerifier() {
    String token = verifiedOnce();

    assertRefused(new VerifiedTokens(clock, SKEW), token, stranger, "unknown-key");
    assertRemembered(token, BUYER);
  }

  @Test
  @DisplayName("a remembered token is refused as expired once the clock passes its expiry plus the skew")
  void rememberedTokenExpires() {
    String token = verifiedOnce();

    clock.set(BUYER.expiresAt().plus(SKEW).minusSeconds(1));
    assertRemembered(token, BUYER);

    clock.set(BUYER.expiresAt().plus(SKEW));
    assertRefused(verified, token, stranger, "expired");
  }

  @Test
  @DisplayName("an expired token, once refused, stays refused: it is forgotten and the verifier refuses it too")
  void expiredTokenStaysRefused() {
    String token = verifiedOnce();
    clock.set(BUYER.expiresAt().plus(SKEW).plusSeconds(1));

    assertRefused(verified, token, verifier, "expired");
    assertForgotten(token);
    assertRefused(verified, token, verifier, "expired");
  }

  @Test
  @DisplayName("clear() forgets every token, so each is verified afresh against the keys of the moment")
  void clearForgetsEverything() {
    String buyer = verifiedOnce();
    AccessClaims other = new AccessClaims("user-43", "session-8", Set.of("BUYER"), null, BUYER.issuedAt(),
      BUYER.expiresAt(), "token-2");
    String second = identity.sign(other, SETTINGS);
    verified.verify(second, verifier);

    verified.clear();

    assertForgotten(buyer);
    assertForgotten(second);
    assertThat(verified.verify(buyer, verifier)).isEqualTo(BUYER);
  }

  @Test
  @DisplayName("a forged token is never remembered: the second attempt is verified, and refused, again")
  void forgedTokenIsNeverCached() {
    String[] parts = identity.sign(BUYER, SETTINGS).split("\\.");
    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
      .put("roles", new JsonArray().add("ADMIN"));
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
      .encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertRefused(verified, forged, verifier, "bad-signature");
    assertRefused(verified, forged, verifier, "bad-signature");
  }

  @Test
  @DisplayName("a refusal is not remembered either: once its key is known, the same token is accepted")
  void refusalIsNotRemembered() {
    String token = identity.sign(BUYER, SETTINGS);

    assertForgotten(token);
    assertThat(verified.verify(token, verifier)).isEqualTo(BUYER);
  }

  @Test
  @DisplayName("every edge of a process shares one cache, so a token verified by one is not verified again by another")
  void edgesOfOneProcessShareTheCache() {
    Vertx vertx = Vertx.vertx();
    try {
      VerifiedTokens firstEdge = VerifiedTokens.of(vertx, clock, SKEW);
      VerifiedTokens secondEdge = VerifiedTokens.of(vertx, clock, SKEW);
      String token = identity.sign(BUYER, SETTINGS);
      assertThat(firstEdge.verify(token, verifier)).isEqualTo(BUYER);
      assertThat(secondEdge.verify(token, stranger)).as("remembered, not verified again").isEqualTo(BUYER);
    } finally {
      vertx.close().await();
    }
  }
}
