package dev.tradewind.checkout;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A flash sale: hundreds of buyers at once never oversell, never deadlock, and hear sold-out cleanly")
class FlashSaleIT extends PlatformStory {
  private OrderFixtures fixtures;
  private Session owner;
  private TokenForger forger;

  @BeforeEach
  void aMerchantWithALocation() throws InterruptedException {
    fixtures = new OrderFixtures(platform);
    owner = users.merchantOwner("flash", users.admin());
    fixtures.inLisbon(owner);
    forger = new TokenForger(platform.signingKeysFile());
  }

  @Test
  @DisplayName("200 buyers at once for a SKU with stock 50: exactly 50 orders, 150 sold-out problems, stock conserved")
  void twoHundredBuyersFiftyUnits() {
    OrderFixtures.Sku hot = fixtures.sku(owner, "HOT-1");
    fixtures.stock(owner, hot, 50);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      UUID buyer = UUID.randomUUID();
      UUID quote = fixtures.quote(buyer, hot);
      calls.add(http.postJsonAsync("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
        with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "k-" + i)));
    }
    List<Response> responses = calls.stream().map(CompletableFuture::join).toList();

    Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
    assertThat(byStatus).as(byStatus.toString()).containsOnlyKeys(201, 409);
    assertThat(byStatus.get(201)).isEqualTo(50);
    responses.stream().filter(r -> r.status() == 409).forEach(r -> {
      assertThat(r.json().getString("type")).endsWith("sold-out");
      assertThat(r.json().getString("detail")).contains(hot.id().toString());
    });
    assertConserved(hot, 50);
    assertThat(count("SELECT count(*) FROM checkout.orders")).isEqualTo(50);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-placed.v1'")).isEqualTo(50);
  }

  @Test
  @DisplayName("once a SKU is known sold out, a new buyer hears it without a commit, and a replay of that key repeats it even after a restock")
  void soldOutAtOnceAndReplayed() throws InterruptedException {
    OrderFixtures.Sku last = fixtures.sku(owner, "LAST-1");
    fixtures.stock(owner, last, 1);
    assertThat(order(UUID.randomUUID(), last, "first").status()).isEqualTo(201);
    assertThat(order(UUID.randomUUID(), last, "second").status()).as("the batch learns it is sold out").isEqualTo(409);

    UUID late = UUID.randomUUID();
    UUID lateQuote = fixtures.quote(late, last);
    Response refused = order(late, lateQuote, "late");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("type")).endsWith("sold-out");
    OrderFixtures.await("the sold-out answer is stored with its key", () -> count(
      "SELECT count(*) FROM checkout.idempotency_keys WHERE key = 'late' AND status = 409") == 1);

    fixtures.stock(owner, last, 6);
    Thread.sleep(1_100);
    assertThat(order(late, lateQuote, "late").status()).as("the key replays its answer").isEqualTo(409);
    assertThat(order(late, lateQuote, "late-again").status()).as("a new key is decided afresh").isEqualTo(201);
    assertConserved(last, 6);
  }

  @Test
  @DisplayName("orders decided on stock that shrinks before they take its row are decided again under the lock")
  void stockShrinkingUnderAnOptimisticBatch() throws InterruptedException {
    OrderFixtures.Sku sku = fixtures.sku(owner, "SHRINK-1");
    fixtures.stock(owner, sku, 3);
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID firstQuote = fixtures.quote(first, sku);
    UUID secondQuote = fixtures.quote(second, sku);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    try (HeldLocks merchant = HeldLocks.open(platform)) {
      merchant.lock("UPDATE checkout.stock SET on_hand = 1 WHERE sku_id = $1", sku.id());
      calls.add(orderAsync(first, firstQuote, "first"));
      calls.add(orderAsync(second, secondQuote, "second"));
      merchant.awaitWaiters(1, "the placement");
      assertThat(count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = "
        + merchant.waiter() + " AND c.relname = 'orders' AND l.mode = 'RowExclusiveLock'"))
        .as("the orders are written before the stock row is taken").isEqualTo(1);
      merchant.commit();
    }
    List<Response> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
    assertThat(count("SELECT count(*) FROM checkout.order_lines WHERE sku_id = '" + sku.id() + "'")).isEqualTo(1);
    assertConserved(sku, 1);
  }

  @Test
  @DisplayName("a quote ordered under a second key while the first batch is still open: the second hears 409, not 503")
  void quoteOrderedByABatchStillOpen() throws InterruptedException {
    OrderFixtures.Sku sku = fixtures.sku(owner, "ONCE-1");
    fixtures.stock(owner, sku, 10);
    UUID buyer = UUID.randomUUID();
    UUID quote = fixtures.quote(buyer, sku);
    CompletableFuture<Response> first;
    CompletableFuture<Response> second;
    try (HeldLocks merchant = HeldLocks.open(platform)) {
      merchant.lock("SELECT 1 FROM checkout.stock WHERE sku_id = $1 FOR UPDATE", sku.id());
      first = orderAsync(buyer, quote, "first");
      merchant.awaitWaiters(1, "the first placement");
      int firstBatch = merchant.waiter();
      second = orderAsync(buyer, quote, "second");
      OrderFixtures.await("the second batch waits on the first one's order of the quote", () -> count(
        "SELECT count(*) FROM pg_stat_activity WHERE " + firstBatch + " = ANY(pg_blocking_pids(pid))") == 1);
    }

    assertThat(first.join().status()).isEqualTo(201);
    Response again = second.join();
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().getString("detail")).contains("already been ordered");
    assertThat(count("SELECT count(*) FROM checkout.orders WHERE quote_id = '" + quote + "'")).isEqualTo(1);
    assertConserved(sku, 10);
  }

  private CompletableFuture<Response> orderAsync(UUID buyer, UUID quote, String key) {
    return http.postJsonAsync("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
      with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", key));
  }

  private Response order(UUID buyer, OrderFixtures.Sku sku, String key) {
    return order(buyer, fixtures.quote(buyer, sku), key);
  }

  private Response order(UUID buyer, UUID quote, String key) {
    return orderAsync(buyer, quote, key).join();
  }

  @Test
  @DisplayName("buyers taking two hot SKUs in opposite orders all finish: no deadlock, no oversell")
  void oppositeOrdersNoDeadlock() {
    OrderFixtures.Sku a = fixtures.sku(owner, "HOT-A");
    OrderFixtures.Sku b = fixtures.sku(owner, "HOT-B");
    fixtures.stock(owner, a, 30);
    fixtures.stock(owner, b, 30);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      UUID buyer = UUID.randomUUID();
      UUID quote = i % 2 == 0 ? fixtures.quote(buyer, a, b) : fixtures.quote(buyer, b, a);
      calls.add(http.postJsonAsync("/api/v1/orders", new JsonObject().put("quoteId", quote.toString()),
        with(OrderFixtures.buyerToken(forger, buyer), "Idempotency-Key", "k-" + i)));
    }
    List<Response> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).extracting(Response::status).containsOnly(201, 409);
    assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(30);
    assertConserved(a, 30);
    assertConserved(b, 30);
  }

  private void assertConserved(OrderFixtures.Sku sku, int initial) {
    Row stock = platform.query("SELECT sum(on_hand) AS on_hand, sum(reserved) AS reserved, sum(sold) AS sold,"
      + " min(on_hand - reserved) AS least FROM checkout.stock WHERE sku_id = $1", sku.id()).get(0);
    long active = count("SELECT coalesce(sum(quantity), 0) FROM checkout.reservations WHERE sku_id = '" + sku.id()
      + "' AND status = 'ACTIVE'");
    assertThat(stock.getLong("on_hand") + stock.getLong("sold")).as("initial = on hand + sold").isEqualTo(initial);
    assertThat(stock.getLong("reserved")).as("reserved = active reservations").isEqualTo(active);
    assertThat(stock.getLong("least")).as("available never negative").isGreaterThanOrEqualTo(0);
  }

  static String[] with(String[] bearer, String header, String value) {
    return new String[]{bearer[0], bearer[1], header, value};
  }

  private static long count(String sql) {
    return platform.query(sql).get(0).getLong(0);
  }

}
