package dev.tradewind.catalog;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.OrderPaid;
import dev.tradewind.checkout.contract.OrderPaid.PaidLine;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.shared.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Buyers who paid for a product review it once; merchants reply once; admins hide")
class ReviewsIT extends PlatformStory {
  
  private Session admin;
  private Session owner;
  private String merchantId;
  private String product;
  private String otherProduct;

  @BeforeEach
  void aMerchantWithTwoPublishedProducts() throws InterruptedException {
    admin = users.admin();
    owner = users.merchantOwner("lisbon", admin);
    merchantId = owner.claims().getString("mid");
    await("the catalogue knows the merchant",
      () -> !platform.query("SELECT 1 FROM catalog.merchants WHERE id = $1", UUID.fromString(merchantId)).isEmpty());
    Response imported = http.postJson("/api/v1/merchant/products/import?publish=true",
      new JsonArray().add(row("LIN-DUVET")).add(row("LIN-TOWEL")), owner.bearer());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    JsonArray products = imported.json().getJsonArray("products");
    product = products.getJsonObject(0).getString("id");
    otherProduct = products.getJsonObject(1).getString("id");
  }

  @Test
  @DisplayName("a buyer without a paid order is refused; after paying they review once, and the summary moves")
  void onlyPayingBuyersReviewOnce() throws InterruptedException {
    Session buyer = users.buyer("ana");
    Response unpaid = review(buyer, product, 5);
    assertThat(unpaid.status()).as(unpaid.body()).isEqualTo(403);
    assertThat(unpaid.json().getString("detail")).contains("bought this product");

    paid(buyer, product);
    Response invalid = http.postJson(reviews(product), new JsonObject().put("rating", 6).put("body", "Great"), buyer.bearer());
    assertThat(invalid.status()).isEqualTo(400);
    Response created = review(buyer, product, 4);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("reviewer")).isEqualTo("Verified buyer");
    assertThat(created.json().getJsonObject("summary")).isEqualTo(new JsonObject().put("count", 1).put("average", "4.00"));
    assertThat(http.get("/api/v1/products/" + product).json().getJsonObject("rating").getInteger("count")).isEqualTo(1);

    Response again = review(buyer, product, 1);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(review(buyer, otherProduct, 3).status()).as("paying for one product is no right to review another")
      .isEqualTo(403);
    assertThat(review(buyer, UUID.randomUUID().toString(), 3).status()).isEqualTo(404);
    assertThat(review(owner, product, 5).status()).as("merchant staff are not shoppers").isEqualTo(403);

    Session twin = users.buyer("twin");
    paid(twin, product);
    List<CompletableFuture<Response>> doubleClick = List.of(
      http.postJsonAsync(reviews(product), body(5), twin.bearer()), http.postJsonAsync(reviews(product), body(5), twin.bearer()));
    assertThat(doubleClick.stream().map(f -> f.join().status())).as("racing twice, one review wins")
      .containsExactlyInAnyOrder(201, 409);
    assertThat(http.get(reviews(product)).json().getJsonObject("summary").getInteger("count")).isEqualTo(2);
    assertThat(count("SELECT units_sold FROM catalog.products WHERE id = $1", UUID.fromString(product)))
      .as("paid units feed the best-selling sort").isEqualTo(2);
  }

  @Test
  @DisplayName("twenty eligible buyers reviewing at once leave an exact count and sum")
  void concurrentReviewsKeepTheSummaryExact() throws Exception {
    List<Session> buyers = IntStream.range(0, 20).mapToObj(i -> users.buyer("crowd" + i)).toList();
    buyers.forEach(b -> publish(orderPaid(UUID.randomUUID(), UUID.randomUUID(), b, product)));
    await("every purchase is recorded", () -> count("SELECT count(*) FROM catalog.purchases WHERE product_id = $1",
      UUID.fromString(product)) == 20);

    List<CompletableFuture<Response>> racing = new ArrayList<>();
    int expectedSum = 0;
    for (int i = 0; i < buyers.size(); i++) {
      int rating = i % 5 + 1;
      expectedSum += rating;
      racing.add(http.postJsonAsync(reviews(product), body(rating), buyers.get(i).bearer()));
    }
    CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(racing.stream().map(f -> f.join().status())).containsOnly(201);

    var row = platform.query("SELECT rating_count, rating_sum FROM catalog.products WHERE id = $1", UUID.fromString(product)).get(0);
    assertThat(row.getInteger(0)).isEqualTo(20);
    assertThat(row.getInteger(1)).isEqualTo(expectedSum);
    assertThat(http.get(reviews(product)).json().getJsonObject("summary").getString("average")).isEqualTo("3.00");
  }

  @Test
  @DisplayName("an OrderPaid delivered twice (same event id) has its effect once")
  void duplicateEventsAreIgnored() throws InterruptedException {
    Session buyer = users.buyer("bea");
    UUID orderId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    publish(orderPaid(eventId, orderId, buyer, product));
    publish(orderPaid(eventId, orderId, buyer, otherProduct));
    publish(orderPaid(UUID.randomUUID(), orderId, buyer, product));
    await("the last event (same key, so same partition, so after the duplicate) is processed",
      () -> count("SELECT count(*) FROM catalog.processed_events WHERE consumer = 'catalog.purchase-ledger'") == 2);

    assertThat(count("SELECT count(*) FROM catalog.purchases WHERE buyer_id = $1", UUID.fromString(buyer.userId()))).isEqualTo(1);
    assertThat(review(buyer, otherProduct, 5).status()).as("the duplicate's product was never recorded").isEqualTo(403);
    assertThat(count("SELECT units_sold FROM catalog.products WHERE id = $1", UUID.fromString(otherProduct))).isZero();
    assertThat(review(buyer, product, 5).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("the merchant replies once, another merchant cannot; an admin hides a review from the list and the summary")
  void replyOnceAndHide() throws InterruptedException {
    Session happy = users.buyer("happy");
    Session angry = users.buyer("angry");
    paid(happy, product);
    paid(angry, product);
    String praise = review(happy, product, 5).json().getString("id");
    String rant = review(angry, product, 1).json().getString("id");

    String replyPath = reviews(product) + "/" + praise + "/reply";
    Session competitor = users.merchantOwner("porto", admin);
    assertThat(http.postJson(replyPath, text("Mine now"), competitor.bearer()).status()).isEqualTo(404);
    assertThat(http.postJson(replyPath, text("Thanks"), happy.bearer()).status()).isEqualTo(403);
    assertThat(http.postJson(reviews(otherProduct) + "/" + praise + "/reply", text("Wrong product"), owner.bearer()).status())
      .isEqualTo(404);
    Response replied = http.postJson(replyPath, text("Thank you, Obrigado!"), owner.bearer());
    assertThat(replied.status()).as(replied.body()).isEqualTo(200);
    assertThat(replied.json().getString("reply")).isEqualTo("Thank you, Obrigado!");
    assertThat(replied.json().getString("repliedAt")).isNotNull();
    assertThat(http.postJson(replyPath, text("Again"), owner.bearer()).status()).isEqualTo(409);

    String hidePath = "/api/v1/admin/reviews/" + rant + "/hide";
    JsonObject reason = new JsonObject().put("reason", "Abusive language");
    assertThat(http.postJson(hidePath, reason, owner.bearer()).status()).isEqualTo(403);
    Response hidden = http.postJson(hidePath, reason, admin.bearer());
    assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
    assertThat(hidden.json().getJsonObject("summary")).isEqualTo(new JsonObject().put("count", 1).put("average", "5.00"));
    assertThat(http.postJson(hidePath, reason, admin.bearer()).status()).isEqualTo(409);

    JsonObject list = http.get(reviews(product)).json();
    assertThat(list.getJsonArray("items")).hasSize(1);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(praise);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("reply")).isEqualTo("Thank you, Obrigado!");
    assertThat(list.getJsonObject("summary").getInteger("count")).isEqualTo(1);
    assertThat(http.get("/api/v1/products/" + product).json().getJsonObject("rating").getString("average")).isEqualTo("5.00");

    assertThat(count("SELECT count(*) FROM identity.audit_entries WHERE context = 'catalog' AND action = 'catalog.review.replied'"
      + " AND target_id = $1 AND actor_id = $2", praise, UUID.fromString(owner.userId()))).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM identity.audit_entries WHERE context = 'catalog' AND action = 'catalog.review.hidden'"
      + " AND target_id = $1 AND actor_id = $2", rant, UUID.fromString(admin.userId()))).isEqualTo(1);
  }

  @Test
  @DisplayName("anyone pages through reviews newest first, and no page ever shows who wrote them")
  void anonymousPagesWithoutEmails() throws InterruptedException {
    List<Session> buyers = IntStream.range(0, 5).mapToObj(i -> users.buyer("pager" + i)).toList();
    List<String> written = new ArrayList<>();
    for (Session buyer : buyers) {
      paid(buyer, product);
      Response created = review(buyer, product, 3);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      written.add(0, created.json().getString("id"));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page = http.get(reviews(product) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (Session buyer : buyers) {
        assertThat(page.body()).doesNotContain(buyer.email()).doesNotContain(buyer.userId());
      }
      page.json().getJsonArray("items").forEach(item -> seen.add(((JsonObject) item).getString("id")));
      cursor = page.json().getString("nextCursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).as("newest first, each once").containsExactlyElementsOf(written);
    assertThat(http.get(reviews(product) + "?cursor=not-a-cursor").status()).isEqualTo(400);
    assertThat(http.get(reviews(product) + "?limit=51").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a buyer's reviews are in their data export; erasure keeps the rating but removes the words and the author")
  void privacy() throws InterruptedException {
    Session buyer = users.buyer("private");
    paid(buyer, product);
    String reviewId = review(buyer, product, 4).json().getString("id");
    JsonObject catalog = http.get("/api/v1/me/data-export", buyer.bearer()).json().getJsonObject("contexts").getJsonObject("catalog");
    assertThat(catalog.getJsonArray("reviews").getJsonObject(0).getString("id")).isEqualTo(reviewId);
    assertThat(catalog.getJsonArray("purchases")).hasSize(1);

    assertThat(http.postJson("/api/v1/me/erasure", new JsonObject().put("password", TestUsers.PASSWORD), buyer.bearer()).status())
      .isEqualTo(204);
    await("the review is anonymised", () -> count("SELECT count(*) FROM catalog.reviews WHERE id = $1 AND buyer_id <> $2"
      + " AND title IS NULL AND body LIKE '[removed%'", UUID.fromString(reviewId), UUID.fromString(buyer.userId())) == 1);
    assertThat(count("SELECT count(*) FROM catalog.purchases WHERE buyer_id = $1", UUID.fromString(buyer.userId()))).isZero();
    assertThat(count("SELECT rating_count FROM catalog.products WHERE id = $1", UUID.fromString(product))).isEqualTo(1);
  }

  private void paid(Session buyer, String productId) throws InterruptedException {
    publish(orderPaid(UUID.randomUUID(), UUID.randomUUID(), buyer, productId));
    await("the purchase is recorded", () -> count("SELECT count(*) FROM catalog.purchases WHERE buyer_id = $1 AND product_id = $2",
      UUID.fromString(buyer.userId()), UUID.fromString(productId)) == 1);
  }

  private OrderPaid orderPaid(UUID eventId, UUID orderId, Session buyer, String productId) {
    PaidLine line = new PaidLine(UUID.randomUUID(), UUID.fromString(productId), UUID.fromString(merchantId), 1);
    return new OrderPaid(eventId, Instant.now(), orderId.toString(), 1, orderId, UUID.fromString(buyer.userId()), List.of(line));
  }

  private static void publish(OrderPaid event) {
    platform.events().publish(CheckoutContract.ORDER_PAID, event);
  }

  private static Response review(Session buyer, String productId, int rating) {
    return http.postJson(reviews(productId), body(rating), buyer.bearer());
  }

  private static JsonObject body(int rating) {
    return new JsonObject().put("rating", rating).put("title", rating + " stars").put("body", "Bought it, used it, " + rating + "/5.");
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("text", text);
  }

  private static String reviews(String productId) {
    return "/api/v1/products/" + productId + "/reviews";
  }

  private static long count(String sql, Object... params) {
    return platform.query(sql, params).get(0).getLong(0);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited 30 s for: " + what);
  }

  private static JsonObject row(String code) {
    return new JsonObject().put("productCode", code).put("skuCode", code + "-1").put("category", "bed-linen")
      .put("brand", "Lisbon Linen").put("language", "pt").put("currency", "EUR").put("listPrice", "49.90")
      .put("weightGrams", 900).put("lengthMm", 300).put("widthMm", 250).put("heightMm", 60).put("countryOfOrigin", "PT")
      .put("returnWindowDays", 30).put("warrantyMonths", 0).put("stock", 12).put("hsCode", "630239")
      .put("images", new JsonArray().add("https://images.tradewind.test/lisbon/" + code + ".jpg"))
      .put("content", new JsonObject().put("pt", new JsonObject().put("title", "Linho " + code)
        .put("description", "Linho lavado.").put("bullets", new JsonArray())));
  }
}
