package dev.tradewind.identity;

import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A buyer keeps a profile and address book, exports and erases their data; admins read a tamper-evident audit trail")
class ProfilePrivacyAndAuditIT extends PlatformStory {


  @Test
  @DisplayName("mass assignment is refused: roles, status or merchant in a registration or profile change change nothing")
  void massAssignment() {
    String email = "sneaky-" + UUID.randomUUID() + "@example.com";
    Response register = http.postJson("/api/v1/auth/register", TestUsers.registration(email).put("roles", new JsonArray().add("ADMIN")));
    assertThat(register.status()).isEqualTo(400);
    assertThat(platform.query("SELECT count(*) FROM identity.users").get(0).getLong(0)).isZero();

    Session buyer = users.buyer("sneaky");
    for (JsonObject change : List.of(new JsonObject().put("roles", new JsonArray().add("ADMIN")),
      new JsonObject().put("status", "ACTIVE").put("name", "X"), new JsonObject().put("merchantId", UUID.randomUUID().toString()),
      new JsonObject().put("email", "other@example.com"))) {
      Response r = http.send("PATCH", "/api/v1/me", "application/json", change.encode(), buyer.bearer());
      assertThat(r.status()).as(change.encode()).isEqualTo(400);
    }
    Response me = http.get("/api/v1/me", buyer.bearer());
    assertThat(me.json().getJsonArray("roles").getList()).containsExactly("BUYER");
    assertThat(me.json().getString("name")).isEqualTo("Test Person");
    assertThat(users.signIn(buyer.email(), TestUsers.PASSWORD).claims().getJsonArray("roles").getList()).containsExactly("BUYER");
  }

  @Test
  @DisplayName("a profile change is validated and the phone number is stored in E.164")
  void profileChange() {
    Session buyer = users.buyer("mover");
    Response changed = http.send("PATCH", "/api/v1/me", "application/json",
      new JsonObject().put("country", "jp").put("currency", "jpy").put("phone", "03-1234-5678").encode(), buyer.bearer());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getString("country")).isEqualTo("JP");
    assertThat(changed.json().getString("phone")).isEqualTo("+81312345678");
    Response bad = http.send("PATCH", "/api/v1/me", "application/json", new JsonObject().put("phone", "12").encode(), buyer.bearer());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field")).contains("phone");
  }

  @Test
  @DisplayName("addresses are checked per country: every broken rule is named, postal codes and phones are normalised")
  void addressBook() {
    Session buyer = users.buyer("shipper");
    Response bad = http.postJson("/api/v1/me/addresses", new JsonObject().put("recipient", "Bob").put("line1", "1 Main St")
      .put("city", "Springfield").put("country", "US").put("region", "ZZ").put("postalCode", "1234").put("phone", "555"),
      buyer.bearer());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).contains("/region", "/postalCode", "/phone");

    Response uk = http.postJson("/api/v1/me/addresses", new JsonObject().put("recipient", "Bob").put("line1", "10 Downing St")
      .put("city", "London").put("country", "gb").put("postalCode", "sw1a2aa").put("phone", "020 7946 0958")
      .put("isDefault", true), buyer.bearer());
    assertThat(uk.status()).as(uk.body()).isEqualTo(201);
    assertThat(uk.json().getString("postalCode")).isEqualTo("SW1A 2AA");
    assertThat(uk.json().getString("phone")).isEqualTo("+442079460958");
    Response second = http.postJson("/api/v1/me/addresses", BrokenObjectLevelAuthorizationIT.address(), buyer.bearer());
    assertThat(second.json().getBoolean("isDefault")).isTrue();
    List<Boolean> defaults = http.get("/api/v1/me/addresses", buyer.bearer()).json().getJsonArray("items").stream()
      .map(a -> ((JsonObject) a).getBoolean("isDefault")).toList();
    assertThat(defaults).containsExactly(false, true);
  }

  @Test
  @DisplayName("a data export holds the profile and addresses and is audited")
  void export() {
    Session buyer = users.buyer("curious");
    http.postJson("/api/v1/me/addresses", BrokenObjectLevelAuthorizationIT.address(), buyer.bearer());
    Response export = http.get("/api/v1/me/data-export", buyer.bearer());
    assertThat(export.status()).as(export.body()).isEqualTo(200);
    JsonObject identity = export.json().getJsonObject("contexts").getJsonObject("identity");
    assertThat(identity.getJsonObject("profile").getString("email")).isEqualTo(buyer.email());
    assertThat(identity.getJsonArray("addresses")).hasSize(1);
    assertThat(export.body()).doesNotContain("argon2").doesNotContainIgnoringCase("passwordHash");
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'privacy.exported'").get(0).getLong(0))
      .isEqualTo(1);
  }

  @Test
  @DisplayName("erasure needs the password, anonymises the person, ends every session, emits UserErased and is audited")
  void erasure() {
    Session buyer = users.buyer("leaving");
    http.postJson("/api/v1/me/addresses", BrokenObjectLevelAuthorizationIT.address(), buyer.bearer());
    Response wrong = http.postJson("/api/v1/me/erasure", new JsonObject().put("password", "not my password"), buyer.bearer());
    assertThat(wrong.status()).isEqualTo(400);

    Response erased = http.postJson("/api/v1/me/erasure", new JsonObject().put("password", TestUsers.PASSWORD), buyer.bearer());
    assertThat(erased.status()).as(erased.body()).isEqualTo(204);
    var row = platform.query("SELECT email, name, phone, status FROM identity.users WHERE id = $1", UUID.fromString(buyer.userId())).get(0);
    assertThat(row.getString(0)).doesNotContain(buyer.email()).endsWith("@erased.invalid");
    assertThat(row.getString(1)).isEqualTo("Erased user");
    assertThat(row.getString(3)).isEqualTo("ERASED");
    assertThat(platform.query("SELECT count(*) FROM identity.addresses").get(0).getLong(0)).isZero();
    assertThat(http.get("/api/v1/me", buyer.bearer()).status()).isEqualTo(401);
    assertThat(http.postJson("/api/v1/auth/login", new JsonObject().put("email", buyer.email()).put("password", TestUsers.PASSWORD))
      .status()).isEqualTo(401);
    assertThat(platform.query("SELECT count(*) FROM identity.outbox WHERE topic = 'identity.user-erased.v1' AND aggregate_id = $1",
      buyer.userId()).get(0).getLong(0)).isEqualTo(1);
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'privacy.erased' AND target_id = $1",
      buyer.userId()).get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("admins page through the audit trail newest first with filters, and verification detects an edited row")
  void auditTrail() {
    Session admin = users.admin();
    for (int i = 0; i < 3; i++) {
      http.postJson("/api/v1/auth/login", new JsonObject().put("email", "ghost@example.com").put("password", "guess number " + i));
    }
    Response page1 = http.get("/api/v1/admin/audit?action=auth.login.failed&limit=2", admin.bearer());
    assertThat(page1.status()).as(page1.body()).isEqualTo(200);
    List<Object> seen = new ArrayList<>(page1.json().getJsonArray("items").getList());
    String cursor = page1.json().getString("nextCursor");
    assertThat(seen).hasSize(2);
    Response page2 = http.get("/api/v1/admin/audit?action=auth.login.failed&limit=2&cursor=" + cursor, admin.bearer());
    seen.addAll(page2.json().getJsonArray("items").getList());
    assertThat(seen).hasSize(3);
    assertThat(page2.json().getString("nextCursor")).isNull();
    JsonObject newest = page1.json().getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("clientAddress")).isEqualTo("127.0.0.1");
    assertThat(newest.getString("requestId")).isNotBlank();
    assertThat(http.get("/api/v1/admin/audit?cursor=not-a-cursor", admin.bearer()).status()).isEqualTo(400);

    assertThat(http.get("/api/v1/admin/audit/verification", admin.bearer()).json().getBoolean("intact")).isTrue();
    platform.query("ALTER TABLE identity.audit_entries DISABLE TRIGGER USER");
    try {
      platform.query("UPDATE identity.audit_entries SET client_address = '10.6.6.6' WHERE seq = 2");
    } finally {
      platform.query("ALTER TABLE identity.audit_entries ENABLE TRIGGER USER");
    }
    JsonObject verification = http.get("/api/v1/admin/audit/verification", admin.bearer()).json();
    assertThat(verification.getBoolean("intact")).isFalse();
    assertThat(verification.getLong("firstBrokenSeq")).isEqualTo(2);
  }

  private static List<String> fields(Response problem) {
    return problem.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }
}
