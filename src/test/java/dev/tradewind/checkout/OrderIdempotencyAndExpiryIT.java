package dev.tradewind.checkout;

import dev.tradewind.checkout.application.CartSweeper;
import dev.tradewind.checkout.application.CheckoutSettings;
import dev.tradewind.checkout.application.ExpirySweeper;
import dev.tradewind.checkout.application.StockEvents;
import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.kafka.KafkaSettings;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.outbox.Inbox;
import dev.tradewind.shared.outbox.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An order is placed once per Idempotency-Key, and an unpaid one gives its stock back when it expires")
class OrderIdempotencyAndExpiryIT extends PlatformStory {
  private OrderFixtures fixtures;
  private Session owner;
  private TokenForger forger;
  private OrderFixtures.Sku sku;

  @BeforeEach
  void aStockedSku() throws InterruptedException {
    fixtures = new OrderFixtures(platform);
    owner = users.merchantOwner("idem", users.admin());
    forger = new TokenForger(platform.signingKeysFile());
    sku = fixtures.stockedSku(owner, "IDEM-1", 10);
  }

  @Test
  @DisplayName("the same key and body replays the first answer; another body is 422; no key is 400")
  void replayAndMismatch() {
    UUID buyer = UUID.randomUUID();
    String[] auth = OrderFixtures.buyerToken(forger, buyer);
    UUID quote = fixtures.quote(buyer, sku);
    JsonObject body = new JsonObject().put("quoteId", quote.toString());
    Response first = http.postJson("/api/v1/orders", body, FlashSaleIT.with(auth, "Idempotency-Key", "key-1"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.header("location")).isEqualTo("/api/v1/orders/" + first.json().getString("id"));

    Response again = http.postJson("/api/v1/orders", body, FlashSaleIT.with(auth, "Idempotency-Key", "key-1"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(count("SELECT count(*) FROM checkout.orders")).isEqualTo(1);

    Response other = http.postJson("/api/v1/orders", body.copy().put("note", "leave at door"),
      FlashSaleIT.with(auth, "Idempotency-Key", "key-1"));
    assertThat(other.status()).isEqualTo(422);
    assertThat(http.postJson("/api/v1/orders", body, auth).status()).isEqualTo(400);
    assertThat(http.postJson("/api/v1/orders", body, FlashSaleIT.with(auth, "Idempotency-Key", "x".repeat(300))).status())
      .isEqualTo(400);
    Response stranger = http.postJson("/api/v1/orders", body, FlashSaleIT.with(OrderFixtures.buyerToken(forger,
      UUID.randomUUID()), "Idempotency-Key", "key-9"));
    assertThat(stranger.status()).as("another buyer's quote").isEqualTo(404);
  }

  @Test
  @DisplayName("a duplicate sent while the first is still placing is 409; the first then answers 201, and there is one order")
  void concurrentDuplicate() throws Exception {
    UUID buyer = UUID.randomUUID();
    String[] auth = FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "same");
    JsonObject body = new JsonObject().put("quoteId", fixtures.quote(buyer, sku).toString());
    CompletableFuture<Response> first;
    try (HeldLocks competingWriter = HeldLocks.open(platform)) {
      competingWriter.lock("SELECT 1 FROM checkout.stock WHERE sku_id = $1 FOR UPDATE", sku.id());
      first = http.postJsonAsync("/api/v1/orders", body, auth);
      competingWriter.awaitWaiters(1, "the first placement");

      Response duplicate = http.postJson("/api/v1/orders", body, auth);
      assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
      assertThat(duplicate.json().getString("detail")).contains("still in progress");
      assertThat(first).as("the first is still waiting for the stock row").isNotDone();
    }
    Response placed = first.get(30, TimeUnit.SECONDS);
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(http.postJson("/api/v1/orders", body, auth).json()).as("now it replays").isEqualTo(placed.json());
    assertThat(count("SELECT count(*) FROM checkout.orders")).isEqualTo(1);
    assertThat(count("SELECT sum(reserved) FROM checkout.stock")).isEqualTo(1);
  }

  @Test
  @DisplayName("a duplicate whose key another process claimed first waits for it, is 409 and places nothing; sent again it replays that process's answer")
  void duplicateFromAnotherProcess() throws Exception {
    UUID buyer = UUID.randomUUID();
    String[] auth = FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "twice");
    UUID quote = fixtures.quote(buyer, sku);
    JsonObject body = new JsonObject().put("quoteId", quote.toString());
    UUID otherOrder = UUID.randomUUID();
    CompletableFuture<Response> duplicate;
    try (HeldLocks otherProcess = HeldLocks.open(platform)) {
      otherProcess.lock("""
        INSERT INTO checkout.idempotency_keys (buyer_id, key, request_hash, locked_until, status, response, order_id, created_at)
        VALUES ($1, 'twice', encode(sha256(convert_to($2 || E'\n', 'UTF8')), 'hex'), now(), 201, $3, $4, now())""",
        buyer, quote.toString(), new JsonObject().put("id", otherOrder.toString()), otherOrder);
      duplicate = http.postJsonAsync("/api/v1/orders", body, auth);
      otherProcess.awaitWaiters(1, "the duplicate's placement");
      otherProcess.commit();
    }
    Response refused = duplicate.get(30, TimeUnit.SECONDS);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(count("SELECT count(*) FROM checkout.orders")).isZero();
    assertThat(count("SELECT sum(reserved) FROM checkout.stock")).isZero();

    Response again = http.postJson("/api/v1/orders", body, auth);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().getString("id")).isEqualTo(otherOrder.toString());
  }

  @Test
  @DisplayName("a refusal not yet stored is heard again by a retry under its key, even once stock has come back")
  void refusalRepliedUntilStored() throws Exception {
    OrderFixtures.Sku lastOne = fixtures.sku(owner, "IDEM-LAST");
    fixtures.stock(owner, lastOne, 1);
    UUID first = UUID.randomUUID();
    JsonObject firstBody = new JsonObject().put("quoteId", fixtures.quote(first, lastOne).toString());
    UUID late = UUID.randomUUID();
    String[] auth = OrderFixtures.buyerToken(forger, late);
    JsonObject body = new JsonObject().put("quoteId", fixtures.quote(late, lastOne).toString());
    assertThat(http.postJson("/api/v1/orders", firstBody,
      FlashSaleIT.with(OrderFixtures.buyerToken(forger, first), "Idempotency-Key", "last")).status()).isEqualTo(201);
    try (HeldLocks keyStore = HeldLocks.open(platform)) {
      keyStore.lock("LOCK TABLE checkout.idempotency_keys IN EXCLUSIVE MODE");
      Response soldOut = http.postJsonAsync("/api/v1/orders", body, FlashSaleIT.with(auth, "Idempotency-Key", "late"))
        .get(10, TimeUnit.SECONDS);
      assertThat(soldOut.status()).as(soldOut.body()).isEqualTo(409);
      fixtures.stock(owner, lastOne, 5);

      Response retried = http.postJsonAsync("/api/v1/orders", body, FlashSaleIT.with(auth, "Idempotency-Key", "late"))
        .get(10, TimeUnit.SECONDS);
      assertThat(retried.status()).isEqualTo(409);
      assertThat(retried.json().getString("type")).isEqualTo(soldOut.json().getString("type"));
      assertThat(http.postJson("/api/v1/orders", new JsonObject().put("quoteId", UUID.randomUUID().toString()),
        FlashSaleIT.with(auth, "Idempotency-Key", "late")).status()).as("another body").isEqualTo(422);
    }
    OrderFixtures.await("the refusal is stored", () -> count(
      "SELECT count(*) FROM checkout.idempotency_keys WHERE key = 'late' AND status = 409") == 1);
    assertThat(http.postJson("/api/v1/orders", body, FlashSaleIT.with(auth, "Idempotency-Key", "late")).status())
      .isEqualTo(409);
    assertThat(count("SELECT count(*) FROM checkout.orders WHERE buyer_id = '" + late + "'")).isZero();
  }

  @Test
  @DisplayName("an order from a cart another transaction holds is placed without waiting for it, and the cart ordered once that transaction lets go")
  void cartHeldElsewhere() throws Exception {
    UUID heldCart;
    try (HeldLocks cartEdit = HeldLocks.open(platform)) {
      heldCart = orderFromCartHeldBy(cartEdit, "held-cart");
      cartEdit.awaitWaiters(1, "closing the cart after the order");
      assertThat(cartStatus(heldCart)).isEqualTo("OPEN");
    }
    awaitCartStatus(heldCart, "ORDERED");
    assertThat(count("SELECT count(*) FROM checkout.carts_left_open")).as("forgotten once closed").isZero();

    UUID buyer = UUID.randomUUID();
    UUID quote = fixtures.quote(buyer, sku);
    UUID cart = openCartOf(buyer, quote);
    Response placed = http.postJson("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
      FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "free-cart"));
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(cartStatus(cart)).isEqualTo("ORDERED");
  }

  @Test
  @DisplayName("a cart held past the close's lock timeout stays written down after its order; the cart sweep passes it over while it is held and closes it after")
  void cartHeldPastTheClose() throws Exception {
    CartSweeper sweep = new CartSweeper(platform.clientVertx(), platform.pool(), new CartRepository(), Clock.systemUTC());
    UUID cart;
    try (HeldLocks longEdit = HeldLocks.open(platform)) {
      cart = orderFromCartHeldBy(longEdit, "long-edit");
      longEdit.awaitWaiters(1, "closing the cart after the order");
      longEdit.awaitNoWaiters("closing the cart after the order");
      assertThat(cartStatus(cart)).isEqualTo("OPEN");
      assertThat(count("SELECT count(*) FROM checkout.carts_left_open")).isEqualTo(1);

      assertThat(await(sweep.sweep())).as("the sweep does not wait for the held cart").isZero();
      assertThat(cartStatus(cart)).isEqualTo("OPEN");
      assertThat(count("SELECT count(*) FROM checkout.carts_left_open")).isEqualTo(1);
    }

    await(sweep.sweep());

    assertThat(cartStatus(cart)).isEqualTo("ORDERED");
    assertThat(count("SELECT count(*) FROM checkout.carts_left_open")).isZero();
  }

  @Test
  @DisplayName("an order passing over a held cart does not wait for another placement that passed over it too; each one's entry is settled")
  void twoPlacementsPassOverOneCart() throws Exception {
    CartSweeper sweep = new CartSweeper(platform.clientVertx(), platform.pool(), new CartRepository(), Clock.systemUTC());
    UUID buyer = UUID.randomUUID();
    UUID quote = fixtures.quote(buyer, sku);
    UUID cart = openCartOf(buyer, quote);
    try (HeldLocks cartEdit = HeldLocks.open(platform); HeldLocks otherPlacement = HeldLocks.open(platform)) {
      cartEdit.lock("SELECT 1 FROM checkout.carts WHERE id = $1 FOR UPDATE", cart);
      otherPlacement.lock("INSERT INTO checkout.carts_left_open (cart_id, since) VALUES ($1, now())", cart);
      Response placed = http.postJsonAsync("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
        FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "passed-twice")).get(20, TimeUnit.SECONDS);
      assertThat(placed.status()).as(placed.body()).isEqualTo(201);
      otherPlacement.commit();
      cartEdit.awaitWaiters(1, "closing the cart after the order");
    }
    awaitCartStatus(cart, "ORDERED");
    await(sweep.sweep());
    assertThat(count("SELECT count(*) FROM checkout.carts_left_open")).isZero();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A buyer orders from their open cart while {@code edit} holds it: placed all the same. Answers the cart. */
  private UUID orderFromCartHeldBy(HeldLocks edit, String key) throws Exception {
    UUID buyer = UUID.randomUUID();
    UUID quote = fixtures.quote(buyer, sku);
    UUID cart = openCartOf(buyer, quote);
    edit.lock("SELECT 1 FROM checkout.carts WHERE id = $1 FOR UPDATE", cart);
    Response placed = http.postJsonAsync("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
      FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", key)).get(20, TimeUnit.SECONDS);
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    return cart;
  }

  /** The fixture's quote names a cart that does not exist: this makes it the buyer's open cart. */
  private static UUID openCartOf(UUID buyer, UUID quote) {
    return platform.query("""
      INSERT INTO checkout.carts (id, buyer_id, currency, status, created_at, updated_at)
      SELECT cart_id, $1, 'EUR', 'OPEN', now(), now() FROM checkout.quotes WHERE id = $2 RETURNING id""", buyer, quote)
      .get(0).getUUID(0);
  }

  private static void awaitCartStatus(UUID cart, String status) throws InterruptedException {
    for (int i = 0; i < 100 && !status.equals(cartStatus(cart)); i++) {
      Thread.sleep(50);
    }
    assertThat(cartStatus(cart)).isEqualTo(status);
  }

  private static String cartStatus(UUID cart) {
    return platform.query("SELECT status FROM checkout.carts WHERE id = $1", cart).get(0).getString(0);
  }

  @Test
  @DisplayName("two sweepers at once expire each lapsed order exactly once and return its stock exactly once")
  void twoSweepers() throws Exception {
    for (int i = 0; i < 6; i++) {
      UUID buyer = UUID.randomUUID();
      Response placed = http.postJson("/api/v1/orders", new JsonObject().put("quoteId", fixtures.quote(buyer, sku).toString()),
        FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "e-" + i));
      assertThat(placed.status()).isEqualTo(201);
    }
    assertThat(count("SELECT sum(reserved) FROM checkout.stock")).isEqualTo(6);
    platform.query("UPDATE checkout.orders SET reservation_expires_at = now() - interval '1 minute'");

    ExpirySweeper one = sweeper();
    ExpirySweeper two = sweeper();
    List<Integer> expired = Future.all(one.sweep(), two.sweep()).map(all -> List.of(all.<Integer>resultAt(0),
      all.<Integer>resultAt(1))).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(expired.get(0) + expired.get(1)).as("the platform's own sweeper may take some: three sweepers, then")
      .isLessThanOrEqualTo(6);
    assertThat(count("SELECT count(*) FROM checkout.orders WHERE status = 'EXPIRED'")).isEqualTo(6);
    assertThat(count("SELECT sum(reserved) FROM checkout.stock")).isZero();
    assertThat(count("SELECT sum(on_hand) FROM checkout.stock")).isEqualTo(10);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-expired.v1'")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM checkout.order_transitions WHERE to_status = 'EXPIRED' AND fulfilment_id IS NULL"))
      .isEqualTo(6);
  }

  @Test
  @DisplayName("a sweep works through more lapsed orders than one batch holds; an order over two merchants expires whole; an order still in time is left alone")
  void batches() throws Exception {
    Session second = users.merchantOwner("idem-two", users.admin());
    OrderFixtures.Sku other = fixtures.stockedSku(second, "IDEM-2", 10);
    for (int i = 0; i < 5; i++) {
      UUID buyer = UUID.randomUUID();
      UUID quote = i < 3 ? fixtures.quote(buyer, sku, other) : fixtures.quote(buyer, sku);
      Response placed = http.postJson("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
        FlashSaleIT.with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "b-" + i));
      assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }
    // Lapsed only for a sweeper an hour ahead: the platform's own sweeper must not take part of the batches.
    platform.query("UPDATE checkout.orders SET reservation_expires_at = now() + interval '30 minutes'");
    UUID late = UUID.randomUUID();
    UUID stillInTime = UUID.fromString(fixtures.place(late, OrderFixtures.buyerToken(forger, late), sku).getString("id"));
    platform.query("UPDATE checkout.orders SET reservation_expires_at = now() + interval '2 hours' WHERE id = $1", stillInTime);

    sweeper(2, Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).sweep()
      .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(count("SELECT count(*) FROM checkout.orders WHERE status = 'EXPIRED'")).isEqualTo(5);
    assertThat(platform.query("SELECT status FROM checkout.orders WHERE id = $1", stillInTime).get(0).getString(0))
      .isEqualTo("PENDING_PAYMENT");
    assertThat(count("SELECT count(*) FROM checkout.fulfilments WHERE status = 'EXPIRED'")).isEqualTo(8);
    assertThat(count("SELECT count(*) FROM checkout.reservations WHERE status = 'RELEASED'")).isEqualTo(8);
    assertThat(count("SELECT sum(reserved) FROM checkout.stock WHERE sku_id = '" + sku.id() + "'")).as("the order in time")
      .isEqualTo(1);
    assertThat(count("SELECT sum(reserved) FROM checkout.stock WHERE sku_id = '" + other.id() + "'")).isZero();
    assertThat(count("SELECT sum(on_hand) FROM checkout.stock")).isEqualTo(20);
    assertThat(count("SELECT count(*) FROM checkout.order_transitions WHERE reason = 'reservation expired'"))
      .as("one per fulfilment and one per order").isEqualTo(8 + 5);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-expired.v1'")).isEqualTo(5);
  }

  @Test
  @DisplayName("an order whose expiry the database refuses is passed over, and the lapsed orders batched with it expire")
  void poisonedExpiry() throws Exception {
    Session second = users.merchantOwner("idem-poison", users.admin());
    OrderFixtures.Sku broken = fixtures.stockedSku(second, "IDEM-BROKEN", 10);
    UUID unlucky = UUID.randomUUID();
    UUID poisoned = UUID.fromString(fixtures.place(unlucky, OrderFixtures.buyerToken(forger, unlucky), broken)
      .getString("id"));
    List<UUID> healthy = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID buyer = UUID.randomUUID();
      healthy.add(UUID.fromString(fixtures.place(buyer, OrderFixtures.buyerToken(forger, buyer), sku).getString("id")));
    }
    // Lapsed only for a sweeper an hour ahead, the poisoned one first; its stock row no longer holds what it reserved.
    platform.query("UPDATE checkout.orders SET reservation_expires_at = now() + interval '30 minutes'");
    platform.query("UPDATE checkout.orders SET reservation_expires_at = now() + interval '20 minutes' WHERE id = $1", poisoned);
    platform.query("UPDATE checkout.stock SET reserved = 0 WHERE sku_id = $1", broken.id());
    ExpirySweeper ahead = sweeper(2, Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

    assertThat(await(ahead.sweep())).isEqualTo(3);
    assertThat(await(ahead.sweep())).as("passed over, not tried again whole").isZero();

    assertThat(platform.query("SELECT status FROM checkout.orders WHERE id = $1", poisoned).get(0).getString(0))
      .isEqualTo("PENDING_PAYMENT");
    assertThat(count("SELECT count(*) FROM checkout.orders WHERE status = 'EXPIRED'")).isEqualTo(3);
    assertThat(count("SELECT sum(reserved) FROM checkout.stock WHERE sku_id = '" + sku.id() + "'")).isZero();
  }

  private static ExpirySweeper sweeper() {
    return sweeper(CheckoutSettings.from(platform.config()).sweepBatchSize());
  }

  /** A second instance's sweeper: its own pool, against the same database, taking batches of {@code batchSize}. */
  private static ExpirySweeper sweeper(int batchSize) {
    return sweeper(batchSize, Clock.systemUTC());
  }

  private static ExpirySweeper sweeper(int batchSize, Clock clock) {
    JsonObject config = platform.config().copy();
    config.getJsonObject("checkout").put("sweepBatchSize", batchSize);
    ContextRuntime runtime = new ContextRuntime("checkout", platform.clientVertx(), config, platform.pool(),
      new OutboxRepository("checkout"), new Inbox("checkout"), new ApiDispatcher("checkout"), KafkaSettings.from(config));
    StockRepository stock = new StockRepository();
    return new ExpirySweeper(runtime, new OrderRepository(), stock, new StockEvents(stock), CheckoutSettings.from(config),
      clock);
  }

  private static long count(String sql) {
    return platform.query(sql).get(0).getLong(0);
  }
}
