package dev.tradewind.checkout;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An order goes from payment to receipt; each actor moves only what is theirs, and only forward")
class OrderLifecycleIT extends PlatformStory {
  private OrderFixtures fixtures;
  private Session admin;
  private Session owner;
  private TokenForger forger;
  private OrderFixtures.Sku sku;

  @BeforeEach
  void aStockedSku() throws InterruptedException {
    fixtures = new OrderFixtures(platform);
    admin = users.admin();
    owner = users.merchantOwner("life", admin);
    forger = new TokenForger(platform.signingKeysFile());
    sku = fixtures.stockedSku(owner, "LIFE-1", 5);
  }

  @Test
  @DisplayName("paid by an admin (audited), packed, shipped, delivered and confirmed; stock sold; illegal moves are 409")
  void happyPath() throws InterruptedException {
    UUID buyer = UUID.randomUUID();
    String[] auth = OrderFixtures.buyerToken(forger, buyer);
    JsonObject order = place(buyer, auth);
    String id = order.getString("id");
    String fulfilment = order.getJsonArray("fulfilments").getJsonObject(0).getString("id");
    String merchantBase = "/api/v1/merchant/orders/" + fulfilment;

    assertThat(post(merchantBase + "/pack", null, owner.bearer()).status()).as("not paid yet").isEqualTo(409);
    assertThat(post("/api/v1/admin/orders/" + id + "/mark-paid", reason(), auth).status()).isEqualTo(403);
    Response paid = post("/api/v1/admin/orders/" + id + "/mark-paid", reason(), admin.bearer());
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(paid.json().getString("status")).isEqualTo("PAID");
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.audit-entry-reported.v1'"))
      .as("the audit entry committed with the move").isEqualTo(1);
    assertThat(count("SELECT sold FROM checkout.stock")).isEqualTo(1);
    assertThat(count("SELECT on_hand FROM checkout.stock")).isEqualTo(4);
    assertThat(post("/api/v1/admin/orders/" + id + "/mark-paid", reason(), admin.bearer()).status()).isEqualTo(409);
    OrderFixtures.await("identity appends the audit entry",
      () -> count("SELECT count(*) FROM identity.audit_entries WHERE action = 'order.mark-paid'") == 1);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.audit-entry-reported.v1'"))
      .as("a refused move reports nothing").isEqualTo(1);
    assertThat(count("""
      SELECT count(*) FROM identity.audit_entries a JOIN checkout.outbox o ON o.topic = 'checkout.audit-entry-reported.v1'
      WHERE a.action = 'order.mark-paid' AND a.occurred_at = o.occurred_at""")).as("dated when the move happened").isEqualTo(1);

    assertThat(post(merchantBase + "/ship", new JsonObject().put("carrier", "DHL").put("trackingNumber", "1Z"),
      owner.bearer()).status()).as("not packed").isEqualTo(409);
    assertThat(post(merchantBase + "/pack", null, owner.bearer()).json().getString("status")).isEqualTo("PACKING");
    Response shipped = post(merchantBase + "/ship", new JsonObject().put("carrier", "DHL").put("trackingNumber", "1Z"),
      owner.bearer());
    assertThat(shipped.json().getString("trackingNumber")).isEqualTo("1Z");
    assertThat(post("/api/v1/orders/" + id + "/cancel", null, auth).status()).as("shipped").isEqualTo(409);
    assertThat(post("/api/v1/orders/" + id + "/confirm-receipt", null, auth).status()).as("not delivered").isEqualTo(409);
    assertThat(post("/api/v1/admin/fulfilments/" + fulfilment + "/mark-delivered", reason(), admin.bearer()).json()
      .getString("status")).isEqualTo("DELIVERED");
    Response completed = post("/api/v1/orders/" + id + "/confirm-receipt", null, auth);
    assertThat(completed.json().getString("status")).isEqualTo("COMPLETED");

    Response read = http.get("/api/v1/orders/" + id, auth);
    assertThat(read.json().getJsonArray("transitions").size()).isGreaterThanOrEqualTo(10);
    for (String topic : new String[]{"order-placed", "order-paid", "fulfilment-ready-to-ship", "fulfilment-shipped",
      "order-delivered"}) {
      assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout." + topic + ".v1'")).as(topic).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("cancels return stock: before payment the reservation, after payment the sold units (refund due)")
  void cancels() {
    UUID buyer = UUID.randomUUID();
    String[] auth = OrderFixtures.buyerToken(forger, buyer);
    String unpaid = place(buyer, auth).getString("id");
    assertThat(post("/api/v1/orders/" + unpaid + "/cancel", null, auth).json().getString("status")).isEqualTo("CANCELLED");
    assertThat(count("SELECT reserved FROM checkout.stock")).isZero();

    JsonObject order = place(buyer, auth);
    String fulfilment = order.getJsonArray("fulfilments").getJsonObject(0).getString("id");
    post("/api/v1/admin/orders/" + order.getString("id") + "/mark-paid", reason(), admin.bearer());
    assertThat(post("/api/v1/merchant/orders/" + fulfilment + "/cancel", new JsonObject(), owner.bearer()).status())
      .as("a merchant gives a reason").isEqualTo(400);
    Response cancelled = post("/api/v1/merchant/orders/" + fulfilment + "/cancel", reason(), owner.bearer());
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(count("SELECT on_hand FROM checkout.stock")).isEqualTo(5);
    assertThat(count("SELECT sold FROM checkout.stock")).isZero();
    JsonObject event = platform.query("SELECT payload FROM checkout.outbox WHERE topic = 'checkout.order-cancelled.v1'"
      + " AND payload->>'by' = 'MERCHANT'").get(0).getJsonObject(0);
    assertThat(event.getJsonObject("refundDue").getString("amount")).isEqualTo("23.80");
  }

  @Test
  @DisplayName("another buyer's order and another merchant's fulfilment are 404; each side lists only its own")
  void visibility() {
    UUID buyer = UUID.randomUUID();
    String[] auth = OrderFixtures.buyerToken(forger, buyer);
    JsonObject order = place(buyer, auth);
    String id = order.getString("id");
    String fulfilment = order.getJsonArray("fulfilments").getJsonObject(0).getString("id");
    String[] stranger = OrderFixtures.buyerToken(forger, UUID.randomUUID());
    Session rival = users.merchantOwner("rival", admin);

    assertThat(http.get("/api/v1/orders/" + id, stranger).status()).isEqualTo(404);
    assertThat(post("/api/v1/orders/" + id + "/cancel", null, stranger).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/orders", stranger).json().getJsonArray("items")).isEmpty();
    assertThat(http.get("/api/v1/orders", auth).json().getJsonArray("items")).hasSize(1);
    assertThat(http.get("/api/v1/merchant/orders/" + fulfilment, rival.bearer()).status()).isEqualTo(404);
    assertThat(post("/api/v1/merchant/orders/" + fulfilment + "/pack", null, rival.bearer()).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/merchant/orders", rival.bearer()).json().getJsonArray("items")).isEmpty();
    assertThat(http.get("/api/v1/merchant/orders", owner.bearer()).json().getJsonArray("items")).hasSize(1);
    assertThat(http.get("/api/v1/merchant/orders/" + fulfilment, owner.bearer()).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/admin/orders/" + id, admin.bearer()).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/admin/orders", admin.bearer()).json().getJsonArray("items")).hasSize(1);
    assertThat(http.get("/api/v1/admin/orders", auth).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/merchant/stock/" + sku.id(), rival.bearer()).status()).isEqualTo(404);
    Response below = http.send("PUT", "/api/v1/merchant/stock/" + sku.id(), "application/json",
      new JsonObject().put("onHand", 0).toString(), owner.bearer());
    assertThat(below.status()).as("one unit is reserved").isEqualTo(409);
  }

  @Test
  @DisplayName("a move the database aborts to break a deadlock is tried once more and succeeds")
  void deadlockVictimIsRetried() throws Exception {
    // PostgreSQL aborts whichever waiter checks first once the cycle exists: the move, if the cycle closes within
    // deadlock_timeout (1 s) of its wait. On a machine too slow for that the competing writer is aborted instead, and
    // the story is told again with a new order.
    for (int attempt = 1; ; attempt++) {
      UUID buyer = UUID.randomUUID();
      UUID id = UUID.fromString(place(buyer, OrderFixtures.buyerToken(forger, buyer)).getString("id"));
      CompletableFuture<Response> paid;
      try (HeldLocks competingWriter = HeldLocks.open(platform)) {
        competingWriter.lock("SELECT 1 FROM checkout.stock WHERE sku_id = $1 FOR UPDATE", sku.id());
        paid = http.postJsonAsync("/api/v1/admin/orders/" + id + "/mark-paid", reason(), admin.bearer());
        competingWriter.awaitWaiters(1, "the move");
        // The move holds the order row and waits for the stock row; asking for the order row closes the cycle.
        try {
          competingWriter.lock("SELECT 1 FROM checkout.orders WHERE id = $1 FOR UPDATE", id);
        } catch (IllegalStateException abortedInstead) {
          assertThat(abortedInstead).hasMessageContaining("40P01");
          assertThat(attempt).as("the move was never the one aborted").isLessThan(3);
          continue;
        }
        competingWriter.awaitWaiters(1, "the move, tried once more,");
        assertThat(paid).as("the retry waits for the order row").isNotDone();
      }
      Response response = paid.get(30, TimeUnit.SECONDS);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().getString("status")).isEqualTo("PAID");
      assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-paid.v1' AND aggregate_id = '"
        + id + "'")).isEqualTo(1);
      assertThat(count("SELECT count(*) FROM checkout.order_transitions WHERE order_id = '" + id
        + "' AND to_status = 'PAID' AND fulfilment_id IS NULL")).as("moved once").isEqualTo(1);
      return;
    }
  }

  @Test
  @DisplayName("an admin's reason the trail could not hold whole is cut in the audit entry, never lost with it")
  void longReasonIsAudited() throws InterruptedException {
    UUID buyer = UUID.randomUUID();
    String id = place(buyer, OrderFixtures.buyerToken(forger, buyer)).getString("id");
    String reason = "\u0001".repeat(1000);
    Response paid = post("/api/v1/admin/orders/" + id + "/mark-paid", new JsonObject().put("reason", reason), admin.bearer());
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    OrderFixtures.await("identity appends the audit entry", () -> count(
      "SELECT count(*) FROM identity.audit_entries WHERE action = 'order.mark-paid' AND target_id = '" + id + "'") == 1);
  }

  private JsonObject place(UUID buyer, String[] auth) {
    return fixtures.place(buyer, auth, sku);
  }

  private static JsonObject reason() {
    return new JsonObject().put("reason", "checked by hand");
  }

  private static Response post(String path, JsonObject body, String... headers) {
    return http.send("POST", path, body == null ? null : "application/json", body == null ? null : body.toString(), headers);
  }

  private static long count(String sql) {
    return platform.query(sql).get(0).getLong(0);
  }
}
