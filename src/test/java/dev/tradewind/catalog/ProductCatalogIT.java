package dev.tradewind.catalog;

import dev.tradewind.infra.ImportRows;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A merchant uploads products; buyers read them in their language and currency")
class ProductCatalogIT extends PlatformStory {
  private Session owner;

  @BeforeEach
  void aMerchantTheCatalogueKnows() {
    owner = CatalogStories.knownMerchant(platform, users, "lisbon");
  }

  @Test
  @DisplayName("valid rows go in, each bad row is reported with its line and reason, and uploading again changes nothing twice")
  void importRowByRow() {
    JsonArray rows = new JsonArray().add(duvet("LIN-DUVET-SAGE-150", "Sage", "89.90")).add(duvet("LIN-DUVET-SAGE-200", "Sage", "119.90"))
      .add(towel("LIN-TOWEL-1", "24.50")).add(towel("LIN-TOWEL-2", "24.50").put("hsCode", "63"));
    Response first = importRows(rows, true);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonObject report = first.json();
    assertThat(report.getInteger("totalRows")).isEqualTo(4);
    assertThat(report.getInteger("acceptedRows")).isEqualTo(3);
    JsonObject rejected = report.getJsonArray("rejected").getJsonObject(0);
    assertThat(rejected.getInteger("line")).isEqualTo(4);
    assertThat(rejected.getString("field")).isEqualTo("hsCode");
    assertThat(report.getJsonArray("products")).hasSize(2);

    Response again = importRows(rows, true);
    assertThat(again.json().getJsonArray("products").getJsonObject(0).getString("id"))
      .isEqualTo(report.getJsonArray("products").getJsonObject(0).getString("id"));
    assertThat(count("SELECT count(*) FROM catalog.skus")).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM catalog.price_history")).as("unchanged prices are not history").isEqualTo(3);

    importRows(new JsonArray().add(duvet("LIN-DUVET-SAGE-150", "Sage", "79.90")), true);
    assertThat(count("SELECT count(*) FROM catalog.price_history")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM catalog.outbox WHERE topic = 'catalog.price-changed.v1'")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM catalog.outbox WHERE topic = 'catalog.product-published.v1'")).isEqualTo(2);
  }

  @Test
  @DisplayName("the product page falls back to the merchant's language, converts prices with a named rate, and answers 304 to a matching ETag")
  void productPage() {
    String id = importRows(new JsonArray().add(duvet("LIN-DUVET-SAGE-150", "Sage", "89.90")), true)
      .json().getJsonArray("products").getJsonObject(0).getString("id");
    CatalogStories.await("checkout's stock figure is mirrored on the page", () -> http.get("/api/v1/products/" + id)
      .json().getJsonArray("variants").getJsonObject(0).getInteger("available") == 12);

    Response english = http.get("/api/v1/products/" + id, "Accept-Language", "en-GB,en;q=0.9");
    assertThat(english.status()).as(english.body()).isEqualTo(200);
    assertThat(english.json().getString("title")).isEqualTo("Linen duvet cover, sage");
    Response french = http.get("/api/v1/products/" + id, "Accept-Language", "fr-FR");
    assertThat(french.json().getString("language")).isEqualTo("pt");
    assertThat(french.json().getString("title")).isEqualTo("Capa de edredão em linho, salva");

    Response dollars = http.get("/api/v1/products/" + id + "?currency=usd");
    JsonObject price = dollars.json().getJsonArray("variants").getJsonObject(0).getJsonObject("price");
    assertThat(price.getString("currency")).isEqualTo("USD");
    assertThat(price.getString("amount")).isEqualTo("97.20");
    assertThat(dollars.json().getJsonObject("fx").getString("rate")).isEqualTo("1.0812");
    assertThat(dollars.json().getJsonObject("fx").getString("source")).contains("ECB");
    assertThat(http.get("/api/v1/products/" + id + "?currency=XYZ").status()).isEqualTo(400);

    String etag = english.header("etag");
    assertThat(english.header("cache-control")).contains("no-cache");
    assertThat(http.get("/api/v1/products/" + id, "Accept-Language", "en-GB,en;q=0.9", "If-None-Match", etag).status()).isEqualTo(304);
    importRows(new JsonArray().add(duvet("LIN-DUVET-SAGE-150", "Sage", "79.90")), true);
    Response changed = http.get("/api/v1/products/" + id, "Accept-Language", "en-GB,en;q=0.9", "If-None-Match", etag);
    assertThat(changed.status()).as("a price change is visible on the next read").isEqualTo(200);
    assertThat(changed.json().getJsonArray("variants").getJsonObject(0).getJsonObject("price").getString("amount")).isEqualTo("79.90");
  }

  @Test
  @DisplayName("a draft exists only for its own merchant's staff; anyone else gets 404")
  void draftsStayPrivate() {
    String id = importRows(new JsonArray().add(towel("LIN-TOWEL-1", "24.50")), false)
      .json().getJsonArray("products").getJsonObject(0).getString("id");
    Session competitor = users.merchantOwner("porto", users.admin());
    assertThat(http.get("/api/v1/products/" + id).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/products/" + id, competitor.bearer()).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/products/" + id, owner.bearer()).status()).isEqualTo(200);
    Response buyerImport = http.postJson("/api/v1/merchant/products/import", new JsonArray().add(towel("X-1", "1.00")),
      users.buyer("sneaky").bearer());
    assertThat(buyerImport.status()).isEqualTo(403);
  }

  @Test
  @DisplayName("changes carry the version read: a stale If-Match is 412, none is 428, and of two racing editors one wins")
  void lifecycleWithIfMatch() {
    String id = importRows(new JsonArray().add(towel("LIN-TOWEL-1", "24.50")), false)
      .json().getJsonArray("products").getJsonObject(0).getString("id");
    String base = "/api/v1/merchant/products/" + id;
    String etag = http.get(base, owner.bearer()).header("etag");
    assertThat(http.send("POST", base + "/publish", null, null, owner.bearer()).status()).isEqualTo(428);

    Response published = http.send("POST", base + "/publish", null, null, with(owner, "If-Match", etag));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(http.get("/api/v1/products/" + id).status()).isEqualTo(200);
    assertThat(http.send("POST", base + "/unpublish", null, null, with(owner, "If-Match", etag)).status())
      .as("the version read before publishing is stale now").isEqualTo(412);
    String current = published.header("etag");
    assertThat(http.send("POST", base + "/publish", null, null, with(owner, "If-Match", current)).status())
      .as("already published").isEqualTo(409);

    Session competitor = users.merchantOwner("porto", users.admin());
    assertThat(http.send("POST", base + "/unpublish", null, null, with(competitor, "If-Match", current)).status()).isEqualTo(404);
    assertThat(http.get(base, competitor.bearer()).status()).isEqualTo(404);

    Session editor = users.staff(owner, "CATALOG_EDITOR");
    Session handler = users.staff(owner, "ORDER_HANDLER");
    assertThat(http.send("POST", base + "/unpublish", null, null, with(handler, "If-Match", current)).status()).isEqualTo(403);
    List<Integer> racing = List.of(owner, editor).parallelStream()
      .map(s -> http.send("POST", base + "/unpublish", null, null, with(s, "If-Match", current)).status()).toList();
    assertThat(racing).containsExactlyInAnyOrder(200, 412);
    assertThat(http.get("/api/v1/products/" + id).status()).isEqualTo(404);

    String afterRace = http.get(base, owner.bearer()).header("etag");
    assertThat(http.send("POST", base + "/archive", null, null, with(owner, "If-Match", afterRace)).status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM catalog.outbox WHERE topic = 'catalog.product-archived.v1'")).isEqualTo(1);
  }

  @Test
  @DisplayName("an edit names the version it read: a stale one is 412 and changes nothing, a bad row changes nothing")
  void editWithIfMatch() {
    String id = importRows(new JsonArray().add(towel("LIN-TOWEL-1", "24.50")), true)
      .json().getJsonArray("products").getJsonObject(0).getString("id");
    String base = "/api/v1/merchant/products/" + id;
    String read = http.get(base, owner.bearer()).header("etag");

    Response edited = http.send("PATCH", base, "application/json",
      new JsonArray().add(towel("LIN-TOWEL-1", "19.90")).encode(), with(owner, "If-Match", read));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.header("etag")).isNotEqualTo(read);
    Response stale = http.send("PATCH", base, "application/json",
      new JsonArray().add(towel("LIN-TOWEL-1", "9.90")).encode(), with(owner, "If-Match", read));
    assertThat(stale.status()).isEqualTo(412);
    Response bad = http.send("PATCH", base, "application/json",
      new JsonArray().add(towel("LIN-TOWEL-1", "9.999")).encode(), with(owner, "If-Match", edited.header("etag")));
    assertThat(bad.status()).isEqualTo(400);
    Response otherProduct = http.send("PATCH", base, "application/json",
      new JsonArray().add(duvet("LIN-DUVET-SAGE-150", "Sage", "9.90")).encode(), with(owner, "If-Match", edited.header("etag")));
    assertThat(otherProduct.status()).isEqualTo(400);
    Session competitor = CatalogStories.knownMerchant(platform, users, "porto");
    assertThat(http.send("PATCH", base, "application/json", new JsonArray().add(towel("LIN-TOWEL-1", "1.00")).encode(),
      with(competitor, "If-Match", edited.header("etag"))).status()).isEqualTo(404);

    JsonObject variant = http.get("/api/v1/products/" + id).json().getJsonArray("variants").getJsonObject(0);
    assertThat(variant.getJsonObject("price").getString("amount")).isEqualTo("19.90");
  }

  @Test
  @DisplayName("an id the contract admits but that names nothing here (urn:uuid:…) is 404, never a 500")
  void oddIdsAreNotFound() {
    Response r = http.get("/api/v1/products/urn:uuid:" + UUID.randomUUID());
    assertThat(r.status()).as(r.body()).isIn(400, 404);
    assertThat(http.get("/api/v1/admin/audit?from=2026-01-01T00:00:00", users.admin().bearer()).status()).isEqualTo(200);
  }

  private static String[] with(Session session, String header, String value) {
    return new String[]{"Authorization", "Bearer " + session.accessToken(), header, value};
  }

  @Test
  @DisplayName("the category tree is named in the buyer's language")
  void categories() {
    Response tree = http.get("/api/v1/categories", "Accept-Language", "pt-PT");
    assertThat(tree.status()).isEqualTo(200);
    JsonObject bedLinen = tree.json().getJsonArray("items").stream().map(JsonObject.class::cast)
      .filter(c -> c.getString("slug").equals("bed-linen")).findFirst().orElseThrow();
    assertThat(bedLinen.getString("parent")).isEqualTo("home-textiles");
    assertThat(bedLinen.getString("language")).isEqualTo("pt");
  }

  private Response importRows(JsonArray rows, boolean publish) {
    return http.postJson("/api/v1/merchant/products/import?publish=" + publish, rows, owner.bearer());
  }

  private static long count(String sql) {
    return platform.query(sql).get(0).getLong(0);
  }

  private static JsonObject duvet(String sku, String colour, String price) {
    return row("LIN-DUVET", sku, "bed-linen", price).put("colour", colour).put("size", sku.endsWith("150") ? "150x200" : "200x200")
      .put("content", new JsonObject()
        .put("pt", new JsonObject().put("title", "Capa de edredão em linho, salva").put("description", "Linho lavado.")
          .put("bullets", new JsonArray().add("100% linho")))
        .put("en", new JsonObject().put("title", "Linen duvet cover, sage").put("description", "Stonewashed linen.")
          .put("bullets", new JsonArray().add("100% linen"))))
      .put("hsCode", "630239");
  }

  private static JsonObject towel(String sku, String price) {
    return row("LIN-TOWEL", sku, "bath-towels", price).put("content", new JsonObject()
        .put("pt", new JsonObject().put("title", "Toalha de banho").put("description", "Algodão.").put("bullets", new JsonArray())))
      .put("hsCode", "630260");
  }

  private static JsonObject row(String product, String sku, String category, String price) {
    return ImportRows.pictured(product, sku, category, price);
  }
}
