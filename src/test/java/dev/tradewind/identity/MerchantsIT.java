package dev.tradewind.identity;

import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A merchant applies, an admin decides, the owner builds a team with roles")
class MerchantsIT extends PlatformStory {
  private Session admin;

  @BeforeEach
  void anAdmin() {
    admin = users.admin();
  }

  @Test
  @DisplayName("an application waits as PENDING; only an admin approves it; the owner's next token carries the merchant")
  void applyAndApprove() {
    Session applicant = users.buyer("lisbon");
    Response applied = apply(applicant);
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    String merchantId = applied.json().getString("id");
    assertThat(applied.json().getString("status")).isEqualTo("PENDING");
    assertThat(apply(applicant).status()).as("one open application at a time").isEqualTo(409);

    assertThat(http.send("POST", "/api/v1/admin/merchants/" + merchantId + "/approve", null, null, applicant.bearer()).status())
      .as("an applicant cannot approve themselves").isEqualTo(403);
    Response pending = http.get("/api/v1/admin/merchants?status=PENDING", admin.bearer());
    assertThat(pending.json().getJsonArray("items").stream().map(m -> ((JsonObject) m).getString("id"))).contains(merchantId);

    Response approved = http.send("POST", "/api/v1/admin/merchants/" + merchantId + "/approve", null, null, admin.bearer());
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("APPROVED");
    assertThat(http.send("POST", "/api/v1/admin/merchants/" + merchantId + "/approve", null, null, admin.bearer()).status())
      .as("a decision is final").isEqualTo(409);

    Session owner = users.signIn(applicant.email(), TestUsers.PASSWORD);
    assertThat(owner.claims().getString("mid")).isEqualTo(merchantId);
    assertThat(owner.claims().getJsonArray("roles").getList()).contains("BUYER", "MERCHANT_OWNER");
    assertThat(topics()).contains("identity.merchant-applied.v1", "identity.merchant-approved.v1");
    assertThat(audited("merchant.approved", merchantId)).isEqualTo(1);
  }

  @Test
  @DisplayName("a rejection needs a reason, is audited, and gives no merchant role")
  void reject() {
    Session applicant = users.buyer("shady");
    String merchantId = apply(applicant).json().getString("id");
    Response noReason = http.postJson("/api/v1/admin/merchants/" + merchantId + "/reject", new JsonObject(), admin.bearer());
    assertThat(noReason.status()).isEqualTo(400);
    Response rejected = http.postJson("/api/v1/admin/merchants/" + merchantId + "/reject",
      new JsonObject().put("reason", "Documents do not match the legal name."), admin.bearer());
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().getString("rejectionReason")).isEqualTo("Documents do not match the legal name.");
    assertThat(users.signIn(applicant.email(), TestUsers.PASSWORD).claims().containsKey("mid")).isFalse();
    assertThat(audited("merchant.rejected", merchantId)).isEqualTo(1);
  }

  @Test
  @DisplayName("the owner invites staff in a role; only the invited email can accept; roles limit what staff may do")
  void staffRoles() {
    Session owner = users.merchantOwner("kyoto", admin);
    String merchantId = owner.claims().getString("mid");
    Session editor = users.staff(owner, "CATALOG_EDITOR");
    assertThat(editor.claims().getString("mid")).isEqualTo(merchantId);
    assertThat(editor.claims().getJsonArray("roles").getList()).contains("CATALOG_EDITOR");
    assertThat(audited("staff.invited", merchantId)).isEqualTo(1);

    Response staff = http.get("/api/v1/merchants/" + merchantId + "/staff", editor.bearer());
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.json().getJsonArray("items")).hasSize(2);

    Response editorInvites = http.postJson("/api/v1/merchants/" + merchantId + "/invitations",
      new JsonObject().put("email", "x@example.com").put("role", "ORDER_HANDLER"), editor.bearer());
    assertThat(editorInvites.status()).as("a catalogue editor cannot manage staff").isEqualTo(403);

    Response invited = http.postJson("/api/v1/merchants/" + merchantId + "/invitations",
      new JsonObject().put("email", "meant-for-someone@example.com").put("role", "ORDER_HANDLER"), owner.bearer());
    Session stranger = users.buyer("stranger");
    Response stolen = http.postJson("/api/v1/invitations/accept",
      new JsonObject().put("token", invited.json().getString("acceptToken")), stranger.bearer());
    assertThat(stolen.status()).as("an invitation works only for its email").isEqualTo(404);

    Response changed = http.send("PUT", "/api/v1/merchants/" + merchantId + "/staff/" + editor.userId(), "application/json",
      new JsonObject().put("role", "ORDER_HANDLER").encode(), owner.bearer());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getString("role")).isEqualTo("ORDER_HANDLER");
    assertThat(http.get("/api/v1/merchants/" + merchantId + "/staff", editor.bearer()).status())
      .as("the old token with the old role stops working at once").isEqualTo(401);
    assertThat(audited("staff.role.changed", editor.userId())).isEqualTo(1);

    Response ownerDemoted = http.send("PUT", "/api/v1/merchants/" + merchantId + "/staff/" + owner.userId(), "application/json",
      new JsonObject().put("role", "ORDER_HANDLER").encode(), owner.bearer());
    assertThat(ownerDemoted.status()).as("the owner's role is not for changing").isEqualTo(404);
  }

  private static Response apply(Session applicant) {
    return http.postJson("/api/v1/merchants", new JsonObject().put("legalName", "Lisbon Linen Lda.").put("country", "PT")
      .put("defaultCurrency", "EUR").put("defaultLanguage", "pt"), applicant.bearer());
  }

  private static java.util.List<String> topics() {
    return platform.query("SELECT topic FROM identity.outbox").stream().map(r -> r.getString(0)).toList();
  }

  private static long audited(String action, String targetId) {
    return platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = $1 AND target_id = $2", action, targetId)
      .get(0).getLong(0);
  }
}
