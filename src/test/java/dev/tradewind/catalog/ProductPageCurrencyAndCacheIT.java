package dev.tradewind.catalog;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A product page is priced in the asked, else the buyer's, else the merchant's currency, and never stale")
class ProductPageCurrencyAndCacheIT extends PlatformStory {
  private Session owner;
  private String productId;

  @BeforeEach
  void aPublishedProduct() {
    owner = CatalogStories.knownMerchant(platform, users, "lisbon");
    productId = CatalogStories.oneProduct(http, platform, owner, "PAGE", "100.00")[0];
  }

  @Test
  @DisplayName("?currency wins; else a signed-in buyer's preferred currency (kept private); else the merchant's")
  void currencyOrder() {
    Session buyer = users.buyer("ana");
    Response changed = http.send("PATCH", "/api/v1/me", "application/json",
      new JsonObject().put("currency", "USD").encode(), buyer.bearer());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    Response asked = page("?currency=JPY", buyer.bearer());
    assertThat(asked.json().getString("currency")).isEqualTo("JPY");
    assertThat(asked.header("Cache-Control")).isEqualTo("public, no-cache");

    Response preferred = page("", buyer.bearer());
    assertThat(preferred.json().getString("currency")).isEqualTo("USD");
    assertThat(price(preferred)).as("100 EUR at 1.0812").isEqualTo("108.12");
    assertThat(preferred.json().getJsonObject("fx").getString("rate")).isEqualTo("1.0812");
    assertThat(preferred.header("Cache-Control")).isEqualTo("private, no-cache");
    assertThat(preferred.header("Vary")).contains("Authorization");

    Response anonymous = page("");
    assertThat(anonymous.json().getString("currency")).isEqualTo("EUR");
    assertThat(price(anonymous)).isEqualTo("100.00");
    assertThat(anonymous.header("Cache-Control")).isEqualTo("public, no-cache");

    Response merchantStaff = page("", owner.bearer());
    assertThat(merchantStaff.json().getString("currency")).as("the owner's own profile says EUR").isEqualTo("EUR");
  }

  @Test
  @DisplayName("a price change, an unpublish and a review show on the very next read; an unchanged page is 304")
  void cacheIsInvalidatedByTheCatalogue() {
    Response first = page("");
    assertThat(price(first)).isEqualTo("100.00");
    Response again = page("", "If-None-Match", first.header("ETag"));
    assertThat(again.status()).isEqualTo(304);

    Response reimported = CatalogStories.importJson(http, owner,
      new JsonArray().add(CatalogStories.row("PAGE", "PAGE-1", "80.00", 5)));
    assertThat(reimported.status()).isEqualTo(200);
    Response repriced = page("", "If-None-Match", first.header("ETag"));
    assertThat(repriced.status()).as("the old ETag no longer matches").isEqualTo(200);
    assertThat(price(repriced)).isEqualTo("80.00");

    Response merchantView = http.get("/api/v1/merchant/products/" + productId, owner.bearer());
    Response unpublished = http.send("POST", "/api/v1/merchant/products/" + productId + "/unpublish", null, null,
      bearerWith(owner, "If-Match", merchantView.header("ETag")));
    assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
    assertThat(page("").status()).as("unpublished is gone at once").isEqualTo(404);
  }

  @Test
  @DisplayName("a shipping restriction added by an admin shows on the next read of a page read before")
  void restrictionsEvictEverything() {
    assertThat(page("").json().getJsonArray("restrictions")).isEmpty();
    Session admin = users.admin();
    Response added = http.postJson("/api/v1/admin/shipping-restrictions",
      new JsonObject().put("country", "US").put("category", "home-textiles").put("reason", "test rule"), admin.bearer());
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(page("").json().getJsonArray("restrictions")).hasSize(1);
  }

  private Response page(String query, String... headers) {
    return http.get("/api/v1/products/" + productId + query, headers);
  }

  private static String[] bearerWith(Session session, String name, String value) {
    String[] bearer = session.bearer();
    String[] out = new String[bearer.length + 2];
    System.arraycopy(bearer, 0, out, 0, bearer.length);
    out[bearer.length] = name;
    out[bearer.length + 1] = value;
    return out;
  }

  private static String price(Response page) {
    return page.json().getJsonArray("variants").getJsonObject(0).getJsonObject("price").getString("amount");
  }

  static UUID id(String value) {
    return UUID.fromString(value);
  }
}
