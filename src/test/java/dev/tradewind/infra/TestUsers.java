package dev.tradewind.infra;

import dev.tradewind.infra.Http.Response;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.UUID;

/** Signs people up and in over HTTP, as a storefront would; staff roles are granted the way an operator would. */
public final class TestUsers {
  public static final String PASSWORD = "correct horse battery passphrase";

  private final TestPlatform platform;
  private final Http http;

  public TestUsers(TestPlatform platform) {
    this.platform = platform;
    this.http = platform.http();
  }

  /** A signed-in user: the tokens of one session. */
  public record Session(String userId, String email, String accessToken, String refreshToken) {
    public String[] bearer() {
      return new String[]{"Authorization", "Bearer " + accessToken};
    }

    public JsonObject claims() {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1])));
    }
  }

  public static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Test Person")
      .put("country", "DE").put("currency", "EUR").put("language", "de");
  }

  public String register(String email) {
    Response r = http.postJson("/api/v1/auth/register", registration(email));
    if (r.status() != 201) {
      throw new AssertionError("registration failed: " + r.status() + " " + r.body());
    }
    return r.json().getString("id");
  }

  public Session buyer(String name) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    register(email);
    return signIn(email, PASSWORD);
  }

  public Session signIn(String email, String password) {
    Response r = http.postJson("/api/v1/auth/login", new JsonObject().put("email", email).put("password", password));
    if (r.status() != 200) {
      throw new AssertionError("sign-in failed: " + r.status() + " " + r.body());
    }
    JsonObject tokens = r.json();
    String access = tokens.getString("accessToken");
    String sub = new JsonObject(new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]))).getString("sub");
    return new Session(sub, email, access, tokens.getString("refreshToken"));
  }

  /** A platform admin: registered like anyone, then given the role directly, as an operator bootstraps one. */
  public Session admin() {
    String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String id = register(email);
    platform.query("UPDATE identity.users SET roles = '{ADMIN}' WHERE id = $1", UUID.fromString(id));
    return signIn(email, PASSWORD);
  }

  /** An approved merchant's owner, signed in again after approval so the token carries the merchant. */
  public Session merchantOwner(String name, Session admin) {
    Session applicant = buyer(name);
    Response applied = http.postJson("/api/v1/merchants", new JsonObject().put("legalName", name + " Ltd")
      .put("country", "PT").put("defaultCurrency", "EUR").put("defaultLanguage", "pt"), applicant.bearer());
    if (applied.status() != 201) {
      throw new AssertionError("application failed: " + applied.status() + " " + applied.body());
    }
    String merchantId = applied.json().getString("id");
    Response approved = http.send("POST", "/api/v1/admin/merchants/" + merchantId + "/approve", null, null, admin.bearer());
    if (approved.status() != 200) {
      throw new AssertionError("approval failed: " + approved.status() + " " + approved.body());
    }
    return signIn(applicant.email(), PASSWORD);
  }

  /** Invites a new person into the owner's merchant in a role; answers their session after they accept. */
  public Session staff(Session owner, String role) {
    String merchantId = owner.claims().getString("mid");
    Session person = buyer("staff");
    Response invited = http.postJson("/api/v1/merchants/" + merchantId + "/invitations",
      new JsonObject().put("email", person.email()).put("role", role), owner.bearer());
    if (invited.status() != 201) {
      throw new AssertionError("invitation failed: " + invited.status() + " " + invited.body());
    }
    Response accepted = http.postJson("/api/v1/invitations/accept",
      new JsonObject().put("token", invited.json().getString("acceptToken")), person.bearer());
    if (accepted.status() != 200) {
      throw new AssertionError("acceptance failed: " + accepted.status() + " " + accepted.body());
    }
    return signIn(person.email(), PASSWORD);
  }
}
