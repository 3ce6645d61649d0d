package dev.tradewind.identity;

import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.LoopbackClient;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Forged, tampered and stale access tokens are refused at the edge with 401, never reaching a context")
class TokenAttacksIT {
  private static Http http;
  private static Session victim;
  private static TokenForger forger;

  @BeforeAll
  static void start() {
    TestPlatform platform = TestPlatform.get();
    http = platform.http();
    victim = new TestUsers(platform).buyer("victim");
    forger = new TokenForger(platform.signingKeysFile());
  }

  private static JsonObject claims() {
    return TokenForger.claims(victim.userId(), victim.claims().getString("sid"), "BUYER");
  }

  @Test
  @DisplayName("control: a token built with the real key and correct claims is accepted, so every refusal below is the attack's")
  void controlIsAccepted() {
    assertThat(me(forger.signedWithRealKey(forger.header(), claims())).status()).isEqualTo(200);
    assertThat(me(victim.accessToken()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("alg none")
  void algNone() {
    assertRefused(TokenForger.unsigned(claims()), "algorithm-not-allowed");
  }

  @Test
  @DisplayName("HS256 signed with the published public key as the HMAC secret")
  void hs256WithThePublicKey() {
    String jwks = http.get("/.well-known/jwks.json").body();
    JsonObject header = new JsonObject().put("alg", "HS256").put("typ", "JWT").put("kid", forger.kid());
    assertRefused(TokenForger.hs256(header, claims(), jwks), "algorithm-not-allowed");
    JsonObject jwk = new JsonObject(jwks).getJsonArray("keys").getJsonObject(0);
    assertRefused(TokenForger.hs256(header, claims(), jwk.encode()), "algorithm-not-allowed");
  }

  @Test
  @DisplayName("a signature by another key under the real kid")
  void wrongSignature() {
    assertRefused(forger.signedWithOwnKey(forger.header(), claims()), "bad-signature");
  }

  @Test
  @DisplayName("claims tampered to add ADMIN, keeping the original signature")
  void tamperedClaims() {
    JsonObject escalated = TokenForger.payload(victim.accessToken()).put("roles", new JsonArray().add("BUYER").add("ADMIN"));
    String token = TokenForger.tampered(victim.accessToken(), escalated);
    assertRefused(token, "bad-signature");
    Response admin = http.get("/api/v1/admin/audit/verification", "Authorization", "Bearer " + token);
    assertThat(admin.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("expired beyond the 30-second clock skew")
  void expired() {
    long now = System.currentTimeMillis() / 1000;
    assertRefused(forger.signedWithRealKey(forger.header(), claims().put("iat", now - 900).put("nbf", now - 900)
      .put("exp", now - 31)), "expired");
  }

  @Test
  @DisplayName("not valid before a time in the future")
  void notYetValid() {
    long now = System.currentTimeMillis() / 1000;
    assertRefused(forger.signedWithRealKey(forger.header(), claims().put("nbf", now + 120)), "not-yet-valid");
  }

  @Test
  @DisplayName("wrong issuer and wrong audience")
  void wrongIssuerOrAudience() {
    assertRefused(forger.signedWithRealKey(forger.header(), claims().put("iss", "https://evil.example")), "wrong-issuer");
    assertRefused(forger.signedWithRealKey(forger.header(), claims().put("aud", "another-api")), "wrong-audience");
  }

  @Test
  @DisplayName("no exp claim at all")
  void missingExpiry() {
    JsonObject claims = claims();
    claims.remove("exp");
    assertRefused(forger.signedWithRealKey(forger.header(), claims), "missing-claim:exp");
  }

  @Test
  @DisplayName("an unknown kid, and no kid")
  void unknownKid() {
    assertRefused(forger.signedWithRealKey(forger.header().put("kid", "not-a-key"), claims()), "unknown-key");
    JsonObject header = forger.header();
    header.remove("kid");
    assertRefused(forger.signedWithRealKey(header, claims()), "missing-kid");
  }

  @Test
  @DisplayName("a Basic or bare Authorization header, and no token on an operation that needs one")
  void notBearer() {
    assertThat(http.get("/api/v1/me", "Authorization", "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/me", "Authorization", victim.accessToken()).status()).isEqualTo(401);
    Response none = http.get("/api/v1/me");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("www-authenticate")).startsWith("Bearer");
  }

  @Test
  @DisplayName("on a public operation a bad token counts as none: a client with an expired token can still browse and refresh")
  void publicOperationsIgnoreBadTokens() {
    assertThat(http.get("/api/v1/countries", "Authorization", "Bearer not.a.token").status()).isEqualTo(200);
    Response refresh = http.postJson("/api/v1/auth/refresh", new JsonObject().put("refreshToken", "unknown"),
      "Authorization", "Bearer " + TokenForger.unsigned(claims()));
    assertThat(refresh.status()).as("refused for the refresh token, not for the access token").isEqualTo(401);
    assertThat(refresh.json().getString("detail")).contains("refresh token");
  }

  @Test
  @DisplayName("an address that keeps sending bad tokens is answered 429 without a signature check; others are not")
  void badTokenFloodIsCutOff() {
    int port = TestPlatform.get().config().getJsonObject("http").getInteger("port");
    int limit = TestPlatform.get().config().getJsonObject("http").getInteger("invalidTokensPerAddressPerMinute");
    String forged = "Authorization: Bearer " + forger.signedWithOwnKey(forger.header(), claims()) + "\r\n";
    String last = null;
    for (int i = 0; i < 3 * limit; i++) {
      last = LoopbackClient.send("127.0.0.4", port, "GET", "/api/v1/me", forged, null);
    }
    assertThat(last).startsWith("HTTP/1.1 429").containsIgnoringCase("retry-after:");
    assertThat(me(victim.accessToken()).status()).as("from another address").isEqualTo(200);
  }

  private static Response me(String token) {
    return http.get("/api/v1/me", "Authorization", "Bearer " + token);
  }

  private static void assertRefused(String token, String reason) {
    Response r = me(token);
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    assertThat(r.json().getString("type")).isEqualTo("urn:tradewind:problem:unauthenticated");
    assertThat(r.json().getString("detail")).contains(reason);
    assertThat(r.header("www-authenticate")).startsWith("Bearer");
  }
}
