package dev.tradewind.checkout;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("What checkout could not store is refused at the door, naming the field, and takes no other buyer down with it")
class CheckoutInputLimitsIT extends PlatformStory {
  private OrderFixtures fixtures;
  private Session owner;
  private TokenForger forger;
  private OrderFixtures.Sku sku;

  @BeforeEach
  void aStockedSku() throws InterruptedException {
    fixtures = new OrderFixtures(platform);
    owner = users.merchantOwner("limits", users.admin());
    forger = new TokenForger(platform.signingKeysFile());
    sku = fixtures.stockedSku(owner, "LIMIT-1", 20);
  }

  @Test
  @DisplayName("a note holding NUL is 400 naming it, and the orders placed beside it at that moment are placed")
  void nulInANote() {
    UUID attacker = UUID.randomUUID();
    UUID poisoned = fixtures.quote(attacker, sku);
    List<UUID> buyers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<CompletableFuture<Response>> honest = buyers.stream().map(b -> http.postJsonAsync("/api/v1/orders",
      new JsonObject().put("quoteId", fixtures.quote(b, sku).toString()).put("note", "leave at the door"),
      FlashSaleIT.with(OrderFixtures.buyerToken(forger, b), "Idempotency-Key", "honest"))).toList();
    Response refused = http.postJson("/api/v1/orders", new JsonObject().put("quoteId", poisoned.toString())
      .put("note", "ring twice\u0000"), FlashSaleIT.with(OrderFixtures.buyerToken(forger, attacker), "Idempotency-Key", "nul"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("note");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("no-nul-character");
    assertThat(honest.stream().map(f -> f.join().status()).toList()).containsOnly(201);
    assertThat(platform.query("SELECT count(*) FROM checkout.orders").get(0).getLong(0)).isEqualTo(4);
  }

  @Test
  @DisplayName("a placement whose value the database refuses, sent past the edge, fails alone (422): the buyers batched with it are placed")
  void refusedValueFailsAlone() throws Exception {
    List<CompletableFuture<Response>> slots;
    List<CompletableFuture<Response>> batchedWithIt;
    Future<ApiReply> poisoned;
    try (HeldLocks stockRow = HeldLocks.open(platform)) {
      stockRow.lock("SELECT 1 FROM checkout.stock WHERE sku_id = $1 FOR UPDATE", sku.id());
      slots = orders(4, "slot");
      awaitWaitingForLocks(4, "the four placement batches checkout runs at once");
      UUID attacker = UUID.randomUUID();
      poisoned = Bus.request(platform.platformVertx(), ApiDispatcher.address(CheckoutContract.CONTEXT),
        new ApiRequest("placeOrder", Map.of(), Map.of(), Map.of("idempotency-key", "poison"),
          new JsonObject().put("quoteId", fixtures.quote(attacker, sku).toString()).put("note", "\u0000"),
          new Caller(attacker.toString(), UUID.randomUUID().toString(), Set.of("BUYER"), null), "127.0.0.1", "poison"),
        "poison");
      batchedWithIt = orders(3, "queued");
      Thread.sleep(500);
    }

    assertThat(Stream.concat(slots.stream(), batchedWithIt.stream()).map(f -> f.join().status()).toList()).containsOnly(201);
    assertThat(poisoned.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).status())
      .as("retrying would fail the same way").isEqualTo(422);
    assertThat(platform.query("SELECT count(*) FROM checkout.orders").get(0).getLong(0)).isEqualTo(7);
  }

  /** Counts sessions waiting for any lock: behind a held row the first waits for its holder, the others for the first. */
  private static void awaitWaitingForLocks(int sessions, String who) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (platform.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").get(0).getLong(0)
        >= sessions) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(who + " never came to wait");
  }

  private List<CompletableFuture<Response>> orders(int buyers, String key) {
    return IntStream.range(0, buyers).mapToObj(i -> UUID.randomUUID()).map(b -> http.postJsonAsync("/api/v1/orders",
      new JsonObject().put("quoteId", fixtures.quote(b, sku).toString()),
      FlashSaleIT.with(OrderFixtures.buyerToken(forger, b), "Idempotency-Key", key))).toList();
  }

  @Test
  @DisplayName("a quote's address holding NUL is 400 naming the nested field")
  void nulInAnAddress() {
    Response r = http.postJson("/api/v1/checkout/quotes", new JsonObject().put("cartId", UUID.randomUUID().toString())
      .put("currency", "EUR").put("serviceLevel", "STANDARD").put("incoterm", "DDP")
      .put("address", new JsonObject().put("recipient", "A\u0000B").put("line1", "Hauptstr. 1").put("city", "Berlin")
        .put("postalCode", "10115").put("country", "DE")), users.buyer("nul-address").bearer());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("address.recipient");
  }

  @Test
  @DisplayName("an id the schema admits in its urn:uuid: spelling is 400 naming the member, never a 500")
  void urnSpelledIds() {
    UUID buyer = UUID.randomUUID();
    Response order = http.postJson("/api/v1/orders", new JsonObject().put("quoteId", "urn:uuid:" + fixtures.quote(buyer, sku)),
      FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "urn"));
    assertThat(order.status()).as(order.body()).isEqualTo(400);
    assertThat(order.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("quoteId");

    Response stock = http.send("PUT", "/api/v1/merchant/stock/" + sku.id(), "application/json",
      new JsonObject().put("locationId", "urn:uuid:" + UUID.randomUUID()).put("onHand", 1).encode(), owner.bearer());
    assertThat(stock.status()).as(stock.body()).isEqualTo(400);
    assertThat(stock.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("locationId");
  }

  @Test
  @DisplayName("on hand across a SKU's locations stops at 1,000,000,000 (422 naming onHand, nothing changed), and a location's country must exist")
  void stockAcrossLocations() {
    Response nowhere = http.postJson("/api/v1/merchant/locations", new JsonObject().put("name", "Nowhere").put("country", "ZZ"),
      owner.bearer());
    assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
    assertThat(nowhere.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("country");

    List<String> locations = List.of("Porto", "Braga", "Faro").stream().map(name -> http.postJson("/api/v1/merchant/locations",
      new JsonObject().put("name", name).put("country", "PT"), owner.bearer()).json().getString("id")).toList();
    assertThat(setStock(locations.get(0), 600_000_000).status()).isEqualTo(200);
    assertThat(setStock(locations.get(1), 399_999_980).status()).isEqualTo(200);
    Response over = setStock(locations.get(2), 1_000);
    assertThat(over.status()).as(over.body()).isEqualTo(422);
    assertThat(over.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("onHand");
    assertThat(http.get("/api/v1/merchant/stock/" + sku.id(), owner.bearer()).json().getLong("available"))
      .isEqualTo(1_000_000_000L);
    assertThat(setStock(locations.get(0), 1_000_000_000).status()).as("the other locations count, not this one's old figure")
      .isEqualTo(422);
    assertThat(setStock(locations.get(0), 599_999_000).status()).isEqualTo(200);
  }

  private Response setStock(String locationId, int onHand) {
    return http.send("PUT", "/api/v1/merchant/stock/" + sku.id(), "application/json",
      new JsonObject().put("locationId", locationId).put("onHand", onHand).encode(), owner.bearer());
  }
}
