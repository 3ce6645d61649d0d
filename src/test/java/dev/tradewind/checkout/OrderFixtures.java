package dev.tradewind.checkout;

import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.checkout.infra.QuoteRepository;
import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Real catalogue SKUs (through the import API), stock set through checkout's merchant API, and quotes stored as
 * the carts helper's quote endpoint will store them, until that endpoint exists.
 */
final class OrderFixtures {
  private static final CurrencyCode EUR = CurrencyCode.of("EUR");

  private final TestPlatform platform;
  private final Http http;

  OrderFixtures(TestPlatform platform) {
    this.platform = platform;
    this.http = platform.http();
  }

  /** A SKU as the quote needs it. */
  record Sku(UUID id, UUID productId, UUID merchantId) {
  }

  void awaitMerchantKnown(Session owner) throws InterruptedException {
    UUID merchantId = UUID.fromString(owner.claims().getString("mid"));
    await("the catalogue knows the merchant",
      () -> !platform.query("SELECT 1 FROM catalog.merchants WHERE id = $1", merchantId).isEmpty());
  }

  /** The merchant, once the catalogue knows it, with its first (so default) location in Lisbon. */
  void inLisbon(Session owner) throws InterruptedException {
    awaitMerchantKnown(owner);
    location(owner, "Lisbon", "PT");
  }

  /** A merchant in Lisbon with one published SKU holding {@code units} on hand. */
  Sku stockedSku(Session owner, String code, int units) throws InterruptedException {
    inLisbon(owner);
    Sku sku = sku(owner, code);
    stock(owner, sku, units);
    return sku;
  }

  /** Polls for what an asynchronous path (Kafka, the outbox relay) brings about, for up to 30 seconds. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited 30 s for: " + what);
  }

  Sku sku(Session owner, String code) {
    JsonObject row = new JsonObject().put("productCode", "P-" + code).put("skuCode", code).put("category", "bath-towels")
      .put("brand", "Lisbon Linen").put("model", code).put("language", "en").put("currency", "EUR")
      .put("listPrice", "20.00").put("weightGrams", 500).put("lengthMm", 300).put("widthMm", 250).put("heightMm", 60)
      .put("countryOfOrigin", "PT").put("returnWindowDays", 30).put("warrantyMonths", 0).put("stock", 0)
      .put("images", new JsonArray().add("https://images.tradewind.test/" + code + ".jpg"))
      .put("content", new JsonObject().put("en", new JsonObject().put("title", "Towel " + code).put("description", "Cotton.")
        .put("bullets", new JsonArray())))
      .put("hsCode", "630260");
    Response imported = http.postJson("/api/v1/merchant/products/import?publish=true", new JsonArray().add(row), owner.bearer());
    if (imported.status() != 200 || imported.json().getInteger("acceptedRows") != 1) {
      throw new AssertionError("import failed: " + imported.body());
    }
    Row sku = platform.query("SELECT id, product_id, merchant_id FROM catalog.skus WHERE sku_code = $1", code).get(0);
    return new Sku(sku.getUUID("id"), sku.getUUID("product_id"), sku.getUUID("merchant_id"));
  }

  void location(Session owner, String name, String country) {
    Response r = http.postJson("/api/v1/merchant/locations", new JsonObject().put("name", name).put("country", country),
      owner.bearer());
    if (r.status() != 201) {
      throw new AssertionError("location failed: " + r.status() + " " + r.body());
    }
  }

  void stock(Session owner, Sku sku, int onHand) {
    Response r = http.send("PUT", "/api/v1/merchant/stock/" + sku.id(), "application/json",
      new JsonObject().put("onHand", onHand).toString(), owner.bearer());
    if (r.status() != 200) {
      throw new AssertionError("stock failed: " + r.status() + " " + r.body());
    }
  }

  /** A DDP quote for the buyer of one unit of each SKU to Germany, valid for 15 minutes. */
  UUID quote(UUID buyerId, Sku... skus) {
    Money price = Money.of("20.00", "EUR");
    Money zero = Money.zero(EUR);
    List<Quote.Line> lines = java.util.Arrays.stream(skus).map(s -> new Quote.Line(s.id(), s.productId(), s.merchantId(),
      "Towel", "630260", 1, price, price, price, zero, new Quote.Charge(zero, "duty:EU:v1 de minimis", BigDecimal.ZERO),
      new Quote.Charge(Money.of("3.80", "EUR"), "vat:DE:v1 standard 19%", new BigDecimal("0.19")), false)).toList();
    Money items = price.times(skus.length);
    Money taxes = Money.of("3.80", "EUR").times(skus.length);
    Instant now = Instant.now();
    Quote quote = new Quote(UUID.randomUUID(), UUID.randomUUID(), buyerId, EUR,
      new Address("Ana Buyer", "Hauptstr. 1", null, "Berlin", "10115", null, "DE"), ServiceLevel.STANDARD, Incoterm.DDP,
      lines, List.of(new Quote.Shipment(skus[0].merchantId(), "PT", new Quote.Charge(zero, "rate:PT→EU standard v1", null),
        2, 4)), new Quote.Totals(items, zero, zero, taxes, items.plus(taxes), zero), List.of(), now, now.plusSeconds(900));
    try {
      new QuoteRepository().insert(platform.pool(), quote).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return quote.id();
  }

  /** Places an order for one unit of the SKU under a fresh Idempotency-Key; the order as answered (201). */
  JsonObject place(UUID buyerId, String[] auth, Sku sku) {
    Response placed = http.postJson("/api/v1/orders", new JsonObject().put("quoteId", quote(buyerId, sku).toString()),
      FlashSaleIT.with(auth, "Idempotency-Key", UUID.randomUUID().toString()));
    if (placed.status() != 201) {
      throw new AssertionError("placing failed: " + placed.status() + " " + placed.body());
    }
    return placed.json();
  }

  /** A buyer's bearer header signed with identity's real key: many buyers without many Argon2 sign-ups. */
  static String[] buyerToken(TokenForger forger, UUID buyerId) {
    String token = forger.signedWithRealKey(forger.header(),
      TokenForger.claims(buyerId.toString(), UUID.randomUUID().toString(), "BUYER"));
    return new String[]{"Authorization", "Bearer " + token};
  }
}
