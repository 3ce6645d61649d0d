package dev.tradewind.checkout;

import dev.tradewind.infra.ImportRows;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Guests and buyers fill carts that are re-priced, checked and flagged on every read")
class CartsIT extends PlatformStory {
  private static final String CARTS = "/api/v1/carts";
  private Session admin;
  private Session owner;
  private UUID merchantId;

  @BeforeEach
  void aMerchantWithATowelAndADuvet() throws InterruptedException {
    admin = users.admin();
    owner = users.merchantOwner("lisbon", admin);
    merchantId = UUID.fromString(owner.claims().getString("mid"));
    for (int i = 0; i < 300 && platform.query("SELECT 1 FROM catalog.merchants WHERE id = $1", merchantId).isEmpty(); i++) {
      Thread.sleep(100);
    }
    Response imported = importRows(new JsonArray().add(towel("24.50")).add(duvet("89.90")), true);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().getInteger("acceptedRows")).as(imported.body()).isEqualTo(2);
    for (String code : List.of("LIN-TOWEL-1", "LIN-DUVET-150")) {
      platform.query("DELETE FROM checkout.stock WHERE sku_id = $1", sku(code));
      stock(sku(code), "Warehouse " + code, 100, 0);
    }
  }

  @Test
  @DisplayName("a guest opens a cart, gets a token kept only as a hash, and adds, changes and removes lines with it")
  void guestCartLifecycle() {
    Response opened = http.postJson(CARTS, new JsonObject());
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String cartId = opened.json().getString("id");
    String token = opened.json().getString("cartToken");
    assertThat(opened.json().getString("owner")).isEqualTo("GUEST");
    assertThat(opened.json().getString("currency")).isEqualTo("EUR");
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    byte[] stored = platform.query("SELECT token_hash FROM checkout.carts WHERE id = $1", UUID.fromString(cartId))
      .get(0).getBuffer(0).getBytes();
    assertThat(stored).hasSize(32).isNotEqualTo(token.getBytes());

    Response added = add(cartId, sku("LIN-TOWEL-1"), 2, token(token));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonObject line = onlyLine(added);
    assertThat(line.getString("id")).isEqualTo(added.json().getString("lineId"));
    assertThat(amount(line, "unitPrice")).isEqualTo("24.50");
    assertThat(amount(line, "lineTotal")).isEqualTo("49.00");

    Response again = add(cartId, sku("LIN-TOWEL-1"), 1, token(token));
    assertThat(onlyLine(again).getInteger("quantity")).as("the same SKU adds to its line").isEqualTo(3);
    assertThat(onlyLine(again).getString("id")).isEqualTo(line.getString("id"));
    String lineUrl = CARTS + "/" + cartId + "/items/" + line.getString("id");
    Response changed = http.send("PATCH", lineUrl, "application/json", new JsonObject().put("quantity", 5).encode(), token(token));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(amount(changed.json(), "subtotal")).isEqualTo("122.50");

    assertThat(http.send("DELETE", lineUrl, null, null, token(token)).json().getJsonArray("lines")).isEmpty();
    assertThat(http.send("DELETE", lineUrl, null, null, token(token)).status()).as("removing again is harmless").isEqualTo(200);
    assertThat(http.get(CARTS + "/" + cartId).status()).as("no token, no cart").isEqualTo(404);
    assertThat(http.get(CARTS + "/" + cartId, token(token)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("another buyer's cart, a wrong token, a token on a buyer's cart and a bearer on a guest cart are all 404")
  void strangersSeeNothing() {
    Session alice = users.buyer("alice");
    Session bob = users.buyer("bob");
    Response alices = http.postJson(CARTS, new JsonObject(), alice.bearer());
    assertThat(alices.status()).as(alices.body()).isEqualTo(201);
    String alicesCart = alices.json().getString("id");
    Response guest = http.postJson(CARTS, new JsonObject());
    String guestCart = guest.json().getString("id");
    String guestToken = guest.json().getString("cartToken");
    String otherToken = http.postJson(CARTS, new JsonObject()).json().getString("cartToken");

    assertThat(http.get(CARTS + "/" + alicesCart, alice.bearer()).status()).isEqualTo(200);
    assertThat(http.get(CARTS + "/" + alicesCart, bob.bearer()).status()).isEqualTo(404);
    assertThat(http.get(CARTS + "/" + alicesCart).status()).isEqualTo(404);
    assertThat(http.get(CARTS + "/" + alicesCart, token(guestToken)).status()).isEqualTo(404);
    assertThat(add(alicesCart, sku("LIN-TOWEL-1"), 1, bob.bearer()).status()).isEqualTo(404);
    assertThat(http.get(CARTS + "/" + guestCart, token(otherToken)).status()).isEqualTo(404);
    assertThat(http.get(CARTS + "/" + guestCart, token("not-" + guestToken)).status()).isEqualTo(404);
    assertThat(http.get(CARTS + "/" + guestCart, bob.bearer()).status()).isEqualTo(404);
    assertThat(http.get(CARTS + "/" + UUID.randomUUID(), token(guestToken)).status()).isEqualTo(404);
    assertThat(http.postJson(CARTS, new JsonObject(), alice.bearer()).json().getString("id"))
      .as("one open cart per buyer").isEqualTo(alicesCart);

    platform.query("UPDATE checkout.carts SET expires_at = now() - interval '1 second' WHERE id = $1", UUID.fromString(guestCart));
    assertThat(http.get(CARTS + "/" + guestCart, token(guestToken)).status()).as("an expired guest cart").isEqualTo(404);
    assertThat(add(guestCart, sku("LIN-TOWEL-1"), 1, token(guestToken)).status())
      .as("a change to an expired guest cart").isEqualTo(404);
    assertThat(http.get(CARTS + "/" + guestCart, token(guestToken)).status())
      .as("the refused change did not keep the cart alive").isEqualTo(404);
  }

  @Test
  @DisplayName("caps: units per line and lines per cart are 422 naming the field and rule; unknown and unpublished SKUs are 422 naming skuId")
  void caps() {
    Session buyer = users.buyer("capped");
    String cartId = http.postJson(CARTS, new JsonObject(), buyer.bearer()).json().getString("id");
    assertRule(add(cartId, sku("LIN-TOWEL-1"), 21, buyer.bearer()), "quantity", "max-per-line");
    assertThat(add(cartId, sku("LIN-TOWEL-1"), 0, buyer.bearer()).status()).isEqualTo(400);
    assertThat(add(cartId, sku("LIN-TOWEL-1"), 15, buyer.bearer()).status()).isEqualTo(201);
    assertRule(add(cartId, sku("LIN-TOWEL-1"), 6, buyer.bearer()), "quantity", "max-per-line");
    String lineId = linesOf(cartId, buyer).getJsonObject(0).getString("id");
    assertRule(http.send("PATCH", CARTS + "/" + cartId + "/items/" + lineId, "application/json",
      new JsonObject().put("quantity", 21).encode(), buyer.bearer()), "quantity", "max-per-line");
    assertThat(linesOf(cartId, buyer).getJsonObject(0).getInteger("quantity")).isEqualTo(15);

    assertRule(add(cartId, UUID.randomUUID(), 1, buyer.bearer()), "skuId", "sellable");
    importRows(new JsonArray().add(towel("9.90").put("productCode", "LIN-DRAFT").put("skuCode", "LIN-DRAFT-1")), false);
    assertRule(add(cartId, sku("LIN-DRAFT-1"), 1, buyer.bearer()), "skuId", "sellable");

    for (int i = 0; i < 49; i++) {
      platform.query("INSERT INTO checkout.cart_lines (id, cart_id, sku_id, quantity, added_at, updated_at)"
        + " VALUES ($1, $2, $3, 1, now(), now())", UUID.randomUUID(), UUID.fromString(cartId), UUID.randomUUID());
    }
    assertRule(add(cartId, sku("LIN-DUVET-150"), 1, buyer.bearer()), "skuId", "max-lines");
    assertThat(add(cartId, sku("LIN-TOWEL-1"), 1, buyer.bearer()).status()).as("an existing line still grows").isEqualTo(201);
  }

  @Test
  @DisplayName("a price change in the catalogue shows on the next read of the cart")
  void repricedOnEveryRead() {
    Session buyer = users.buyer("thrifty");
    String cartId = http.postJson(CARTS, new JsonObject(), buyer.bearer()).json().getString("id");
    add(cartId, sku("LIN-TOWEL-1"), 2, buyer.bearer());
    assertThat(amount(onlyLine(http.get(CARTS + "/" + cartId, buyer.bearer())), "unitPrice")).isEqualTo("24.50");

    importRows(new JsonArray().add(towel("19.90")), true);
    Response after = http.get(CARTS + "/" + cartId, buyer.bearer());
    assertThat(amount(onlyLine(after), "unitPrice")).isEqualTo("19.90");
    assertThat(amount(onlyLine(after), "lineTotal")).isEqualTo("39.80");
    assertThat(amount(after.json(), "subtotal")).isEqualTo("39.80");
  }

  @Test
  @DisplayName("prices are converted per unit at the named platform rate, half-even to the currency's minor unit")
  void currencyConversion() {
    Response opened = http.postJson(CARTS, new JsonObject().put("currency", "usd"));
    String cartId = opened.json().getString("id");
    String[] guest = token(opened.json().getString("cartToken"));
    Response added = add(cartId, sku("LIN-DUVET-150"), 3, guest);
    JsonObject line = onlyLine(added);
    // 89.90 EUR × 1.0812 = 97.19988 → 97.20 USD a unit; × 3 = 291.60
    assertThat(amount(line, "unitPrice")).isEqualTo("97.20");
    assertThat(amount(line, "lineTotal")).isEqualTo("291.60");
    assertThat(amount(line, "merchantPrice")).isEqualTo("89.90");
    assertThat(line.getJsonObject("merchantPrice").getString("currency")).isEqualTo("EUR");
    assertThat(line.getJsonObject("fx").getString("rate")).isEqualTo("1.0812");
    assertThat(line.getJsonObject("fx").getString("source")).contains("ECB");
    assertThat(line.getJsonObject("fx").getString("asOf")).isEqualTo("2026-11-20T15:00:00Z");

    Response yen = patchCart(cartId, new JsonObject().put("currency", "JPY"), guest);
    // 89.90 EUR × 162.47 = 14606.053 → 14606 JPY a unit; × 3 = 43818
    assertThat(amount(onlyLine(yen), "unitPrice")).isEqualTo("14606");
    assertThat(amount(yen.json(), "subtotal")).isEqualTo("43818");
    assertThat(patchCart(cartId, new JsonObject().put("currency", "XYZ"), guest).status()).isEqualTo(400);
    assertThat(http.postJson(CARTS, new JsonObject().put("currency", "XAU")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("lines are flagged out of stock (summed over locations), not shippable to the destination, and unavailable once unpublished")
  void flags() {
    UUID towel = sku("LIN-TOWEL-1");
    platform.query("DELETE FROM checkout.stock WHERE sku_id = $1", towel);
    stock(towel, "Lisbon", 5, 3);
    stock(towel, "Porto", 2, 0);
    Session buyer = users.buyer("flagged");
    String cartId = http.postJson(CARTS, new JsonObject(), buyer.bearer()).json().getString("id");
    JsonObject line = onlyLine(add(cartId, towel, 4, buyer.bearer()));
    assertThat(line.getInteger("available")).isEqualTo(4);
    assertThat(line.getJsonArray("flags")).isEmpty();
    assertThat(line.getBoolean("orderable")).isTrue();

    Response more = http.send("PATCH", CARTS + "/" + cartId + "/items/" + line.getString("id"), "application/json",
      new JsonObject().put("quantity", 5).encode(), buyer.bearer());
    assertThat(onlyLine(more).getJsonArray("flags")).containsExactly("OUT_OF_STOCK");
    assertThat(amount(more.json(), "subtotal")).as("only orderable lines count").isEqualTo("0.00");
    assertThat(more.json().getBoolean("orderable")).isFalse();

    Response rule = http.postJson("/api/v1/admin/shipping-restrictions", new JsonObject().put("country", "AU")
      .put("hsChapter", "63").put("reason", "Used-textile import ban"), admin.bearer());
    assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    JsonObject toAustralia = onlyLine(patchCart(cartId, new JsonObject().put("shipTo", "AU"), buyer.bearer()));
    assertThat(toAustralia.getJsonArray("flags")).containsExactly("OUT_OF_STOCK", "NOT_SHIPPABLE");
    assertThat(toAustralia.getString("shippingRestriction")).isEqualTo("Used-textile import ban");
    JsonObject toGermany = onlyLine(patchCart(cartId, new JsonObject().put("shipTo", "de"), buyer.bearer()));
    assertThat(toGermany.getJsonArray("flags")).containsExactly("OUT_OF_STOCK");
    assertThat(patchCart(cartId, new JsonObject().put("shipTo", "XX"), buyer.bearer()).status()).isEqualTo(400);

    String productId = platform.query("SELECT product_id FROM catalog.skus WHERE id = $1", towel).get(0).getUUID(0).toString();
    String base = "/api/v1/merchant/products/" + productId;
    String etag = http.get(base, owner.bearer()).header("etag");
    assertThat(http.send("POST", base + "/unpublish", null, null, "Authorization", "Bearer " + owner.accessToken(),
      "If-Match", etag).status()).isEqualTo(200);
    assertThat(onlyLine(http.get(CARTS + "/" + cartId, buyer.bearer())).getJsonArray("flags")).contains("UNAVAILABLE");
  }

  @Test
  @DisplayName("at sign-in the guest cart merges into the buyer's: quantities add up to the cap, the token dies, and a retry merges nothing twice")
  void mergeAtSignIn() {
    Session buyer = users.buyer("returning");
    String buyersCart = http.postJson(CARTS, new JsonObject(), buyer.bearer()).json().getString("id");
    add(buyersCart, sku("LIN-TOWEL-1"), 10, buyer.bearer());
    Response guest = http.postJson(CARTS, new JsonObject());
    String guestCart = guest.json().getString("id");
    String token = guest.json().getString("cartToken");
    add(guestCart, sku("LIN-TOWEL-1"), 15, token(token));
    add(guestCart, sku("LIN-DUVET-150"), 1, token(token));

    Response merged = http.postJson(CARTS, new JsonObject(), withToken(buyer, token));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(merged.json().getString("id")).isEqualTo(buyersCart);
    assertThat(merged.json().getBoolean("merged")).isTrue();
    assertThat(quantities(merged.json().getJsonArray("lines"))).containsExactly(20, 1);
    assertThat(http.get(CARTS + "/" + guestCart, token(token)).status()).as("the guest token no longer works").isEqualTo(404);

    Response retried = http.postJson(CARTS, new JsonObject(), withToken(buyer, token));
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().getBoolean("merged")).isFalse();
    assertThat(quantities(retried.json().getJsonArray("lines"))).containsExactly(20, 1);

    Session newcomer = users.buyer("newcomer");
    Response other = http.postJson(CARTS, new JsonObject());
    add(other.json().getString("id"), sku("LIN-DUVET-150"), 2, token(other.json().getString("cartToken")));
    Response first = http.postJson(CARTS, new JsonObject(), withToken(newcomer, other.json().getString("cartToken")));
    assertThat(first.status()).as("a buyer without a cart gets one, with the guest's lines").isEqualTo(201);
    assertThat(quantities(first.json().getJsonArray("lines"))).containsExactly(2);
  }

  @Test
  @DisplayName("25 simultaneous adds of one SKU end in one line holding exactly the cap, the rest refused cleanly")
  void concurrentAdds() {
    Session buyer = users.buyer("eager");
    String cartId = http.postJson(CARTS, new JsonObject(), buyer.bearer()).json().getString("id");
    UUID towel = sku("LIN-TOWEL-1");
    List<CompletableFuture<Response>> racing = IntStream.range(0, 25).mapToObj(i -> http.postJsonAsync(
      CARTS + "/" + cartId + "/items", new JsonObject().put("skuId", towel.toString()).put("quantity", 1), buyer.bearer()))
      .toList();
    List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(Response::status).toList();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
    assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
    assertThat(platform.query("SELECT quantity FROM checkout.cart_lines WHERE cart_id = $1", UUID.fromString(cartId)))
      .singleElement().satisfies(row -> assertThat(row.getInteger(0)).isEqualTo(20));
  }

  @Test
  @DisplayName("an add retried with its Idempotency-Key adds once, even when the retries race; the key with another body is 422")
  void idempotentAdd() {
    Response opened = http.postJson(CARTS, new JsonObject());
    String cartId = opened.json().getString("id");
    String token = opened.json().getString("cartToken");
    UUID towel = sku("LIN-TOWEL-1");
    Response first = add(cartId, towel, 2, "X-Cart-Token", token, "Idempotency-Key", "add-1");
    Response replay = add(cartId, towel, 2, "X-Cart-Token", token, "Idempotency-Key", "add-1");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("idempotent-replayed")).isEqualTo("true");
    assertThat(replay.json().getString("lineId")).isEqualTo(first.json().getString("lineId"));
    assertThat(onlyLine(replay).getInteger("quantity")).isEqualTo(2);
    assertRule(add(cartId, towel, 3, "X-Cart-Token", token, "Idempotency-Key", "add-1"), "Idempotency-Key", "same-request");

    List<Integer> racing = IntStream.range(0, 6).mapToObj(i -> http.postJsonAsync(CARTS + "/" + cartId + "/items",
        new JsonObject().put("skuId", towel.toString()).put("quantity", 3), "X-Cart-Token", token, "Idempotency-Key", "add-2"))
      .toList().stream().map(CompletableFuture::join).map(Response::status).toList();
    assertThat(racing).containsOnly(201);
    assertThat(onlyLine(http.get(CARTS + "/" + cartId, token(token))).getInteger("quantity")).isEqualTo(5);
  }

  private Response importRows(JsonArray rows, boolean publish) {
    return http.postJson("/api/v1/merchant/products/import?publish=" + publish, rows, owner.bearer());
  }

  private UUID sku(String code) {
    return platform.query("SELECT id FROM catalog.skus WHERE sku_code = $1 AND merchant_id = $2", code, merchantId)
      .get(0).getUUID(0);
  }

  private void stock(UUID skuId, String location, int onHand, int reserved) {
    UUID locationId = UUID.randomUUID();
    platform.query("INSERT INTO checkout.locations (id, merchant_id, name, country, created_at) VALUES ($1, $2, $3, 'PT', now())",
      locationId, merchantId, location);
    platform.query("INSERT INTO checkout.stock (sku_id, location_id, merchant_id, on_hand, reserved, updated_at)"
      + " VALUES ($1, $2, $3, $4, $5, $6)", skuId, locationId, merchantId, onHand, reserved, OffsetDateTime.now());
  }

  private static Response add(String cartId, UUID skuId, int quantity, String... headers) {
    return http.postJson(CARTS + "/" + cartId + "/items",
      new JsonObject().put("skuId", skuId.toString()).put("quantity", quantity), headers);
  }

  private static Response patchCart(String cartId, JsonObject change, String... headers) {
    return http.send("PATCH", CARTS + "/" + cartId, "application/json", change.encode(), headers);
  }

  private static JsonArray linesOf(String cartId, Session buyer) {
    return http.get(CARTS + "/" + cartId, buyer.bearer()).json().getJsonArray("lines");
  }

  private static JsonObject onlyLine(Response cart) {
    assertThat(cart.status()).as(cart.body()).isIn(200, 201);
    JsonArray lines = cart.json().getJsonArray("lines");
    assertThat(lines).hasSize(1);
    return lines.getJsonObject(0);
  }

  private static List<Integer> quantities(JsonArray lines) {
    return lines.stream().map(JsonObject.class::cast).map(l -> l.getInteger("quantity")).toList();
  }

  private static String amount(JsonObject holder, String field) {
    return holder.getJsonObject(field).getString("amount");
  }

  private static void assertRule(Response response, String field, String rule) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    JsonObject error = response.json().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo(field);
    assertThat(error.getString("rule")).isEqualTo(rule);
  }

  private static String[] token(String token) {
    return new String[]{"X-Cart-Token", token};
  }

  private static String[] withToken(Session session, String token) {
    return new String[]{"Authorization", "Bearer " + session.accessToken(), "X-Cart-Token", token};
  }

  private static JsonObject towel(String price) {
    return row("LIN-TOWEL", "LIN-TOWEL-1", "bath-towels", price).put("hsCode", "630260").put("content", new JsonObject()
      .put("pt", new JsonObject().put("title", "Toalha de banho").put("description", "Algodão.").put("bullets", new JsonArray())));
  }

  private static JsonObject duvet(String price) {
    return row("LIN-DUVET", "LIN-DUVET-150", "bed-linen", price).put("hsCode", "630239").put("content", new JsonObject()
      .put("pt", new JsonObject().put("title", "Capa de edredão").put("description", "Linho.").put("bullets", new JsonArray())));
  }

  private static JsonObject row(String product, String sku, String category, String price) {
    return ImportRows.pictured(product, sku, category, price);
  }
}
