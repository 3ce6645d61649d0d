package dev.tradewind.identity;

import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A user signs in, keeps the session alive with single-use refresh tokens, and signs out")
class SessionsIT extends PlatformStory {


  @Test
  @DisplayName("sign-in answers a Bearer ES256 access token for 15 minutes and an opaque refresh token; /me answers the profile")
  void signsIn() {
    String email = "mia-" + UUID.randomUUID() + "@example.com";
    String id = users.register(email);
    Response r = http.postJson("/api/v1/auth/login", new JsonObject().put("email", email.toUpperCase()).put("password", TestUsers.PASSWORD));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("cache-control")).isEqualTo("no-store");
    JsonObject tokens = r.json();
    assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
    assertThat(tokens.getLong("expiresIn")).isEqualTo(900);
    String access = tokens.getString("accessToken");
    JsonObject header = part(access, 0);
    JsonObject claims = part(access, 1);
    assertThat(header.getString("alg")).isEqualTo("ES256");
    assertThat(jwksKids()).contains(header.getString("kid"));
    assertThat(claims.getString("sub")).isEqualTo(id);
    assertThat(claims.getJsonArray("roles").getList()).containsExactly("BUYER");
    assertThat(claims.getString("iss")).isEqualTo("https://tradewind.local");
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
    assertThat(claims.getString("jti")).isNotBlank();
    assertThat(tokens.getString("refreshToken")).doesNotContain(".");

    Response me = http.get("/api/v1/me", "Authorization", "Bearer " + access);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().getString("email")).isEqualTo(email);
    assertThat(me.body()).doesNotContainIgnoringCase("hash").doesNotContain("passphrase");
    assertThat(platform.query("SELECT count(*) FROM identity.refresh_tokens").get(0).getLong(0)).isEqualTo(1);
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'auth.login.succeeded' AND actor_id = $1",
      UUID.fromString(id)).get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("a wrong password and an unknown email get the same 401 body, and both are audited")
  void wrongPasswordAndUnknownEmailLookTheSame() {
    String email = "known-" + UUID.randomUUID() + "@example.com";
    users.register(email);
    Response wrong = http.postJson("/api/v1/auth/login", new JsonObject().put("email", email).put("password", "not the password at all"));
    Response unknown = http.postJson("/api/v1/auth/login", new JsonObject().put("email", "nobody-" + email).put("password", "not the password at all"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(withoutRequestId(wrong.json())).isEqualTo(withoutRequestId(unknown.json()));
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'auth.login.failed'").get(0).getLong(0))
      .isEqualTo(2);
  }

  @Test
  @DisplayName("a refresh token works once: the exchange rotates it, and the old one is refused")
  void refreshRotates() {
    Session session = users.buyer("rotating");
    Response first = refresh(session.refreshToken());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String next = first.json().getString("refreshToken");
    assertThat(next).isNotEqualTo(session.refreshToken());
    assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + first.json().getString("accessToken")).status()).isEqualTo(200);
    assertThat(refresh(next).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("replaying a rotated refresh token ends the whole session at once and is audited")
  void reuseRevokesTheFamily() {
    Session session = users.buyer("victim");
    Response rotated = refresh(session.refreshToken());
    String current = rotated.json().getString("refreshToken");
    String currentAccess = rotated.json().getString("accessToken");

    Response replay = refresh(session.refreshToken());
    assertThat(replay.status()).isEqualTo(401);
    assertThat(refresh(current).status()).as("the newest token of the family is dead too").isEqualTo(401);
    assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + currentAccess).status())
      .as("access tokens of the ended session stop working before they expire").isEqualTo(401);
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'auth.refresh.reused'")
      .get(0).getLong(0)).isEqualTo(1);
    assertThat(platform.query("SELECT revoked_reason FROM identity.sessions").get(0).getString(0)).isEqualTo("refresh-token-reused");
  }

  @Test
  @DisplayName("two concurrent exchanges of one refresh token cannot both win")
  void concurrentRefreshHasOneWinner() {
    Session session = users.buyer("racer");
    JsonObject body = new JsonObject().put("refreshToken", session.refreshToken());
    List<CompletableFuture<Response>> racing = List.of(http.postJsonAsync("/api/v1/auth/refresh", body),
      http.postJsonAsync("/api/v1/auth/refresh", body), http.postJsonAsync("/api/v1/auth/refresh", body));
    List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(Response::status).toList();
    assertThat(statuses).filteredOn(s -> s == 200).hasSizeLessThanOrEqualTo(1);
    assertThat(statuses).filteredOn(s -> s == 401).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("signing out ends the session: its refresh and access tokens are refused at once")
  void signOut() {
    Session session = users.buyer("leaving");
    Response out = http.postJson("/api/v1/auth/logout", new JsonObject().put("refreshToken", session.refreshToken()));
    assertThat(out.status()).isEqualTo(204);
    assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/me", session.bearer()).status()).isEqualTo(401);
    assertThat(http.postJson("/api/v1/auth/logout", new JsonObject().put("refreshToken", "unknown")).status()).isEqualTo(204);
  }

  @Test
  @DisplayName("a deactivated user's tokens stop working at once and the user cannot sign in")
  void deactivation() {
    Session admin = users.admin();
    Session session = users.buyer("deactivated");
    Response deactivated = http.send("POST", "/api/v1/admin/users/" + session.userId() + "/deactivate", null, null, admin.bearer());
    assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(204);
    assertThat(http.get("/api/v1/me", session.bearer()).status()).isEqualTo(401);
    assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
    assertThat(http.postJson("/api/v1/auth/login", new JsonObject().put("email", session.email())
      .put("password", TestUsers.PASSWORD)).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("support staff deactivate buyers but not admins; only an admin deactivates an admin")
  void supportCannotDeactivateAnAdmin() {
    Session admin = users.admin();
    Session otherAdmin = users.admin();
    Session support = users.buyer("support");
    platform.query("UPDATE identity.users SET roles = '{SUPPORT}' WHERE id = $1", UUID.fromString(support.userId()));
    support = users.signIn(support.email(), TestUsers.PASSWORD);
    Session buyer = users.buyer("unruly");
    assertThat(http.send("POST", "/api/v1/admin/users/" + otherAdmin.userId() + "/deactivate", null, null, support.bearer())
      .status()).isEqualTo(403);
    assertThat(http.get("/api/v1/me", otherAdmin.bearer()).status()).isEqualTo(200);
    assertThat(http.send("POST", "/api/v1/admin/users/" + buyer.userId() + "/deactivate", null, null, support.bearer())
      .status()).isEqualTo(204);
    assertThat(http.send("POST", "/api/v1/admin/users/" + otherAdmin.userId() + "/deactivate", null, null, admin.bearer())
      .status()).isEqualTo(204);
  }

  @Test
  @DisplayName("after a key rotation new tokens carry the new kid and tokens signed with the previous key stay valid")
  void keyRotation() {
    Session admin = users.admin();
    Session before = users.buyer("before");
    Response rotated = http.send("POST", "/api/v1/admin/signing-keys/rotate", null, null, admin.bearer());
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    Session after = users.buyer("after");
    String oldKid = part(before.accessToken(), 0).getString("kid");
    String newKid = part(after.accessToken(), 0).getString("kid");
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(jwksKids()).contains(oldKid, newKid);
    assertThat(http.get("/api/v1/me", before.bearer()).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/me", after.bearer()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a hash made with weaker Argon2 parameters is replaced at the next sign-in")
  void rehashOnLogin() {
    String email = "legacy-" + UUID.randomUUID() + "@example.com";
    String id = users.register(email);
    String weak = com.password4j.Password.hash(TestUsers.PASSWORD).addRandomSalt(16)
      .with(com.password4j.Argon2Function.getInstance(8192, 1, 1, 32, com.password4j.types.Argon2.ID)).getResult();
    platform.query("UPDATE identity.users SET password_hash = $1 WHERE id = $2", weak, UUID.fromString(id));
    users.signIn(email, TestUsers.PASSWORD);
    assertThat(platform.query("SELECT password_hash FROM identity.users WHERE id = $1", UUID.fromString(id)).get(0).getString(0))
      .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  private static Response refresh(String token) {
    return http.postJson("/api/v1/auth/refresh", new JsonObject().put("refreshToken", token));
  }

  private static List<String> jwksKids() {
    Response jwks = http.get("/.well-known/jwks.json");
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.body()).doesNotContain("\"d\"");
    return jwks.json().getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")).toList();
  }

  static JsonObject part(String jwt, int index) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index])));
  }

  private static JsonObject withoutRequestId(JsonObject problem) {
    JsonObject copy = problem.copy();
    copy.remove("requestId");
    return copy;
  }
}
