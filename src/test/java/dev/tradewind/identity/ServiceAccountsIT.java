package dev.tradewind.identity;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A logistics partner signs in with machine credentials, never a password")
class ServiceAccountsIT extends PlatformStory {

  @Test
  @DisplayName("an admin issues a client id and a secret shown once; the client gets an access token with its role and no refresh token")
  void clientCredentials() {
    Session admin = users.admin();
    Response created = http.postJson("/api/v1/admin/service-accounts",
      new JsonObject().put("name", "Nordic Parcel AB").put("role", "LOGISTICS_PARTNER"), admin.bearer());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String clientId = created.json().getString("clientId");
    String secret = created.json().getString("clientSecret");
    assertThat(platform.query("SELECT count(*) FROM identity.service_accounts WHERE secret_hash::text LIKE $1",
      "%" + secret + "%").get(0).getLong(0)).as("only a hash is stored").isZero();

    Response token = token(clientId, secret);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    assertThat(token.json().containsKey("refreshToken")).isFalse();
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.json().getString("accessToken").split("\\.")[1])));
    assertThat(claims.getString("sub")).isEqualTo(clientId);
    assertThat(claims.getJsonArray("roles").getList()).containsExactly("LOGISTICS_PARTNER");
    String bearer = "Bearer " + token.json().getString("accessToken");
    assertThat(http.get("/api/v1/admin/audit", "Authorization", bearer).status()).isEqualTo(403);

    assertThat(token(clientId, secret + "x").status()).isEqualTo(401);
    assertThat(token("not-a-uuid", secret).status()).isEqualTo(401);
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'service-account.created'")
      .get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("disabling a service account refuses its current token at once and every new one")
  void disable() {
    Session admin = users.admin();
    Response created = http.postJson("/api/v1/admin/service-accounts",
      new JsonObject().put("name", "Acme Pay").put("role", "PAYMENT_PROVIDER"), admin.bearer());
    String clientId = created.json().getString("clientId");
    String secret = created.json().getString("clientSecret");
    String bearer = "Bearer " + token(clientId, secret).json().getString("accessToken");
    assertThat(http.get("/api/v1/admin/audit", "Authorization", bearer).status()).as("signed in, not allowed").isEqualTo(403);
    assertThat(http.get("/api/v1/me", "Authorization", bearer).status()).as("a machine has no profile").isEqualTo(403);

    Response disabled = http.send("POST", "/api/v1/admin/service-accounts/" + clientId + "/disable", null, null, admin.bearer());
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);
    assertThat(http.get("/api/v1/admin/audit", "Authorization", bearer).status()).isEqualTo(401);
    assertThat(token(clientId, secret).status()).isEqualTo(401);
  }

  private static Response token(String clientId, String secret) {
    return http.postJson("/api/v1/auth/token", new JsonObject().put("clientId", clientId).put("clientSecret", secret));
  }
}
