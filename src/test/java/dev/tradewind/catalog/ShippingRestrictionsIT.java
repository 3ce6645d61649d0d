package dev.tradewind.catalog;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Admins keep goods from the countries that refuse them, and product pages say so")
class ShippingRestrictionsIT extends PlatformStory {
  private static final String RESTRICTIONS = "/api/v1/admin/shipping-restrictions";
  private Session admin;

  @BeforeEach
  void anAdmin() {
    admin = users.admin();
  }

  @Test
  @DisplayName("a rule on a parent category and a rule on an HS chapter both show on the page of a product they reach")
  void productPageListsTheRulesThatReachIt() throws InterruptedException {
    String productId = aLinenDuvet(aMerchantTheCatalogueKnows());
    assertThat(add(rule("US").put("category", "home-textiles").put("reason", "Textile quota")).status()).isEqualTo(201);
    assertThat(add(rule("AU").put("hsChapter", "63").put("reason", "Used-textile import ban")).status()).isEqualTo(201);
    assertThat(add(rule("JP").put("category", "audio").put("reason", "Radio equipment certification")).status()).isEqualTo(201);
    assertThat(add(rule("CA").put("hsChapter", "85").put("reason", "Electrical safety")).status()).isEqualTo(201);

    Response page = http.get("/api/v1/products/" + productId);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.json().getJsonArray("restrictions")).containsExactly(
      new JsonObject().put("country", "AU").put("reason", "Used-textile import ban").put("rule", "hs-chapter:63"),
      new JsonObject().put("country", "US").put("reason", "Textile quota").put("rule", "category:home-textiles"));

    Response us = http.get(RESTRICTIONS + "?country=us", admin.bearer());
    assertThat(us.status()).as(us.body()).isEqualTo(200);
    JsonArray items = us.json().getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getString("category")).isEqualTo("home-textiles");
    assertThat(items.getJsonObject(0).getString("hsChapter")).isNull();
    assertThat(items.getJsonObject(0).getString("createdAt")).isNotBlank();
    assertThat(http.get(RESTRICTIONS, admin.bearer()).json().getJsonArray("items")).hasSize(4);
  }

  @Test
  @DisplayName("buyers and merchants get 403 on every admin operation")
  void onlyAdminsManageRules() {
    String id = add(rule("US").put("hsChapter", "93").put("reason", "Arms")).json().getString("id");
    Session buyer = users.buyer("curious");
    Session merchant = users.merchantOwner("lisbon", admin);
    for (Session outsider : List.of(buyer, merchant)) {
      assertThat(http.get(RESTRICTIONS, outsider.bearer()).status()).isEqualTo(403);
      assertThat(http.postJson(RESTRICTIONS, rule("DE").put("hsChapter", "93").put("reason", "x"), outsider.bearer()).status())
        .isEqualTo(403);
      assertThat(http.send("DELETE", RESTRICTIONS + "/" + id, null, null, outsider.bearer()).status()).isEqualTo(403);
    }
    assertThat(http.get(RESTRICTIONS).status()).isEqualTo(401);
    assertThat(http.get(RESTRICTIONS, admin.bearer()).json().getJsonArray("items")).hasSize(1);
  }

  @Test
  @DisplayName("invalid input is 400 naming the field, and the same rule twice is 409")
  void invalidAndDuplicateRules() {
    assertInvalid(rule("US").put("category", "home-textiles").put("hsChapter", "63").put("reason", "both"), "hsChapter");
    assertInvalid(rule("US").put("reason", "neither"), "category");
    assertInvalid(rule("US").put("category", "no-such-category").put("reason", "unknown"), "category");
    assertInvalid(rule("XX").put("hsChapter", "63").put("reason", "not a country"), "country");
    assertInvalid(rule("US").put("hsChapter", "7").put("reason", "one digit"), "hsChapter");
    assertInvalid(rule("US").put("hsChapter", "98").put("reason", "past the last chapter"), "hsChapter");
    assertThat(http.get(RESTRICTIONS + "?country=XX", admin.bearer()).status()).isEqualTo(400);

    assertThat(add(rule("US").put("hsChapter", "93").put("reason", "Arms")).status()).isEqualTo(201);
    Response again = add(rule("us").put("hsChapter", "93").put("reason", "Arms, again"));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(add(rule("DE").put("hsChapter", "93").put("reason", "Arms")).status()).as("another country").isEqualTo(201);
    assertThat(platform.query("SELECT count(*) FROM catalog.shipping_restrictions").get(0).getLong(0)).isEqualTo(2);
  }

  @Test
  @DisplayName("a removed rule is gone, and every change is in the audit trail under the admin's name")
  void removeAndAudit() throws InterruptedException {
    Response added = add(rule("NZ").put("category", "tea").put("reason", "Biosecurity"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.header("location")).endsWith(RESTRICTIONS + "/" + added.json().getString("id"));
    String id = added.json().getString("id");

    assertThat(http.send("DELETE", RESTRICTIONS + "/" + id, null, null, admin.bearer()).status()).isEqualTo(204);
    assertThat(http.send("DELETE", RESTRICTIONS + "/" + id, null, null, admin.bearer()).status()).isEqualTo(404);
    assertThat(http.get(RESTRICTIONS + "?country=NZ", admin.bearer()).json().getJsonArray("items")).isEmpty();

    List<Row> trail = auditEntriesFor(id, 2);
    assertThat(trail).extracting(r -> r.getString("action"))
      .containsExactly("catalog.restriction.added", "catalog.restriction.removed");
    for (Row entry : trail) {
      assertThat(entry.getString("context")).isEqualTo("catalog");
      assertThat(entry.getString("actor_kind")).isEqualTo("USER");
      assertThat(entry.getUUID("actor_id")).isEqualTo(UUID.fromString(admin.userId()));
      assertThat(entry.getString("target_type")).isEqualTo("shipping-restriction");
    }
  }

  private void assertInvalid(JsonObject body, String field) {
    Response response = add(body);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
      .as(response.body()).contains(field);
  }

  private Response add(JsonObject body) {
    return http.postJson(RESTRICTIONS, body, admin.bearer());
  }

  private static JsonObject rule(String country) {
    return new JsonObject().put("country", country);
  }

  /** The audit hook answers after the change commits; give it a moment. */
  private static List<Row> auditEntriesFor(String targetId, int expected) throws InterruptedException {
    String sql = "SELECT action, context, actor_kind, actor_id, target_type FROM identity.audit_entries"
      + " WHERE target_id = $1 ORDER BY seq";
    List<Row> rows = platform.query(sql, targetId);
    for (int i = 0; i < 50 && rows.size() < expected; i++) {
      Thread.sleep(100);
      rows = platform.query(sql, targetId);
    }
    return rows;
  }

  private Session aMerchantTheCatalogueKnows() throws InterruptedException {
    Session owner = users.merchantOwner("lisbon", admin);
    UUID merchantId = UUID.fromString(owner.claims().getString("mid"));
    for (int i = 0; i < 300 && platform.query("SELECT 1 FROM catalog.merchants WHERE id = $1", merchantId).isEmpty(); i++) {
      Thread.sleep(100);
    }
    return owner;
  }

  /** A published product in bed-linen (under home-textiles) whose SKU is in HS chapter 63. */
  private static String aLinenDuvet(Session owner) {
    JsonObject row = new JsonObject().put("productCode", "LIN-DUVET").put("skuCode", "LIN-DUVET-150")
      .put("category", "bed-linen").put("brand", "Lisbon Linen").put("model", "Duvet").put("language", "pt")
      .put("currency", "EUR").put("listPrice", "89.90").put("weightGrams", 900).put("lengthMm", 300)
      .put("widthMm", 250).put("heightMm", 60).put("countryOfOrigin", "PT").put("returnWindowDays", 30)
      .put("warrantyMonths", 0).put("stock", 12).put("hsCode", "630239")
      .put("images", new JsonArray().add("https://images.tradewind.test/lisbon/LIN-DUVET-150.jpg"))
      .put("content", new JsonObject().put("pt", new JsonObject().put("title", "Capa de edredão")
        .put("description", "Linho.").put("bullets", new JsonArray())));
    Response imported = http.postJson("/api/v1/merchant/products/import?publish=true", new JsonArray().add(row),
      owner.bearer());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    return imported.json().getJsonArray("products").getJsonObject(0).getString("id");
  }
}
