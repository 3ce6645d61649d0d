package dev.tradewind.checkout;

import dev.tradewind.checkout.OrderFixtures.Sku;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A buyer fills a cart, asks for a landed-cost quote and orders from it; the cart closes with the order")
class CheckoutJourneyIT extends PlatformStory {
  private static final JsonObject BERLIN = new JsonObject().put("recipient", "Ana Buyer").put("line1", "Hauptstr. 1")
    .put("city", "Berlin").put("postalCode", "10115").put("country", "DE");

  @Test
  @DisplayName("cart → quote → order over HTTP: the order keeps the quote's figures and reserves the stock")
  void cartQuoteOrder() throws InterruptedException {
    OrderFixtures fixtures = new OrderFixtures(platform);
    Session owner = users.merchantOwner("lisbon", users.admin());
    fixtures.awaitMerchantKnown(owner);
    Sku towel = fixtures.sku(owner, "JOURNEY-TOWEL");
    fixtures.stock(owner, towel, 3);
    Session buyer = users.buyer("ana");

    Response cart = http.postJson("/api/v1/carts", new JsonObject().put("currency", "EUR").put("shipTo", "DE"),
      buyer.bearer());
    assertThat(cart.status()).as(cart.body()).isEqualTo(201);
    String cartId = cart.json().getString("id");
    Response added = http.postJson("/api/v1/carts/" + cartId + "/items",
      new JsonObject().put("skuId", towel.id().toString()).put("quantity", 2), buyer.bearer());
    assertThat(added.status()).as(added.body()).isIn(200, 201);

    Response quote = http.postJson("/api/v1/checkout/quotes", new JsonObject().put("cartId", cartId)
      .put("currency", "EUR").put("address", BERLIN).put("serviceLevel", "standard").put("incoterm", "DDP"),
      buyer.bearer());
    assertThat(quote.status()).as(quote.body()).isEqualTo(201);
    JsonObject dueNow = quote.json().getJsonObject("totals").getJsonObject("dueNow");

    Response order = http.send("POST", "/api/v1/orders", "application/json",
      new JsonObject().put("quoteId", quote.json().getString("id")).toString(), buyer.bearer()[0], buyer.bearer()[1],
      "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    assertThat(order.json().getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(order.json().getJsonObject("dueNow")).isEqualTo(dueNow);
    assertThat(platform.query("SELECT reserved FROM checkout.stock WHERE sku_id = $1", towel.id()).get(0).getInteger(0))
      .isEqualTo(2);

    Response nextCart = http.postJson("/api/v1/carts", new JsonObject().put("currency", "EUR"), buyer.bearer());
    assertThat(nextCart.status()).as("the ordered cart is closed, so the buyer starts a new one").isEqualTo(201);
    assertThat(nextCart.json().getString("id")).isNotEqualTo(cartId);
    assertThat(nextCart.json().getJsonArray("lines")).isEmpty();
  }
}
