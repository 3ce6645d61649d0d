package dev.tradewind.checkout;

import dev.tradewind.checkout.domain.CartItem;
import dev.tradewind.checkout.api.QuoteCommands;
import dev.tradewind.checkout.application.QuoteRequest;
import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.shared.money.Money;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A buyer gets a landed-cost quote for real catalogue SKUs, priced from the migrated tariff tables")
class QuoteLandedCostIT extends PlatformStory {
  private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
    "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
  private static final List<String> DEMO_CHAPTERS = List.of("09", "14", "15", "16", "20", "33", "34", "42", "44", "48",
    "62", "63", "69", "73", "82", "85", "94", "95", "96");

  private Session owner;
  private Session buyer;
  private UUID merchantId;

  @BeforeEach
  void aMerchantWithTowelsAndABuyer() throws InterruptedException {
    owner = users.merchantOwner("lisbon", users.admin());
    merchantId = UUID.fromString(owner.claims().getString("mid"));
    for (int i = 0; i < 300 && platform.query("SELECT 1 FROM catalog.merchants WHERE id = $1", merchantId).isEmpty(); i++) {
      Thread.sleep(100);
    }
    buyer = users.buyer("ana");
  }

  @Test
  @DisplayName("the migrations seed every EU member, 30+ destinations, a rate per lane and level, and EU duty for every demo chapter")
  void seededReferenceData() {
    List<String> countries = platform.query("SELECT DISTINCT country FROM checkout.tax_rules").stream()
      .map(r -> r.getString(0).trim()).toList();
    assertThat(countries).hasSizeGreaterThanOrEqualTo(30).containsAll(EU)
      .contains("GB", "US", "CA", "AU", "JP", "SG", "KR", "CH", "NO", "NZ");
    assertThat(platform.query("SELECT count(*) FROM checkout.shipping_rates").get(0).getLong(0)).isEqualTo(5 * 5 * 3);
    List<String> euChapters = platform.query("SELECT hs_prefix FROM checkout.duty_rates WHERE rule_id = 'duty:EU'"
      + " AND length(hs_prefix) = 2").stream().map(r -> r.getString(0)).toList();
    assertThat(euChapters).containsAll(DEMO_CHAPTERS);
    assertThat(platform.query("SELECT rate FROM checkout.tax_rules WHERE rule_id = 'vat:EE' ORDER BY version")
      .stream().map(r -> r.getBigDecimal(0).stripTrailingZeros().toPlainString()).toList())
      .as("Estonia raised VAT from 22 % to 24 % on 2025-07-01: both versions are kept").containsExactly("0.22", "0.24");
  }

  @Test
  @DisplayName("two towels (EUR 24.50, 900 g) to Berlin: 1800 g = 4 steps, 6.90 + 4 x 1.10 = 11.30 from PT; EU to EU is"
    + " no import, so 19 % VAT on 60.30 = 11.457 -> 11.46 at sale; 71.76 due now; the owner reads it back, others cannot")
  void quoteAndReadBack() throws Exception {
    UUID towel = importTowel("LIN-TOWEL-1", "24.50");

    Quote quote = quote(request(buyer, List.of(new CartItem(towel, 2)), "EUR", "DE", Incoterm.DDP));

    assertThat(quote.totals().items()).isEqualTo(Money.of("49.00", "EUR"));
    assertThat(quote.totals().shipping()).isEqualTo(Money.of("11.30", "EUR"));
    assertThat(quote.totals().taxes()).isEqualTo(Money.of("11.46", "EUR"));
    assertThat(quote.totals().dueNow()).isEqualTo(Money.of("71.76", "EUR"));
    assertThat(quote.lines().get(0).tax().rule()).startsWith("vat:DE:v1 VAT 19% collected at sale");
    assertThat(quote.shipments().get(0).originCountry()).as("no location: the SKU's country of origin").isEqualTo("PT");
    assertThat(quote.shipments().get(0).fee().rule()).startsWith("ship:EU>EU:STANDARD:v1");
    assertThat(Duration.between(quote.createdAt(), quote.expiresAt())).isEqualTo(Duration.ofSeconds(900));

    Response read = http.get("/api/v1/checkout/quotes/" + quote.id(), buyer.bearer());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().getJsonObject("totals").getJsonObject("dueNow").getString("amount")).isEqualTo("71.76");
    assertThat(read.json().getJsonArray("lines").getJsonObject(0).getJsonObject("tax").getString("rule"))
      .isEqualTo(quote.lines().get(0).tax().rule());
    assertThat(http.get("/api/v1/checkout/quotes/" + quote.id(), users.buyer("eve").bearer()).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/checkout/quotes/" + quote.id()).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/checkout/quotes/" + UUID.randomUUID(), buyer.bearer()).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a merchant with a default location in Japan ships from there: the lane, the FX rate and the GST rule are named and locked")
  void shipsFromTheMerchantsDefaultLocation() throws Exception {
    Response osaka = http.postJson("/api/v1/merchant/locations", new JsonObject().put("name", "Osaka").put("country", "JP"),
      owner.bearer());
    assertThat(osaka.status()).as("the merchant's first location is its default").isEqualTo(201);
    UUID towel = importTowel("LIN-TOWEL-1", "24.50");

    Quote quote = quote(request(buyer, List.of(new CartItem(towel, 1)), "AUD", "AU", Incoterm.DAP));

    assertThat(quote.shipments().get(0).originCountry()).isEqualTo("JP");
    assertThat(quote.shipments().get(0).fee().rule()).startsWith("ship:APAC>APAC:STANDARD:v1");
    assertThat(quote.lines().get(0).tax().rule()).startsWith("gst:AU:v1 GST 10% collected at sale");
    assertThat(quote.fxRates()).extracting(r -> r.base() + "/" + r.quote()).contains("EUR/AUD");
    assertThat(quote.totals().dueOnDelivery().isZero()).as("GST on low-value goods is collected at sale, even under DAP").isTrue();
  }

  @Test
  @DisplayName("lines that are unknown or may not ship there are refused together, each named; so are unknown countries")
  void refusals() throws Exception {
    UUID towel = importTowel("LIN-TOWEL-1", "24.50");
    Response rule = http.postJson("/api/v1/admin/shipping-restrictions", new JsonObject().put("country", "AU")
      .put("hsChapter", "63").put("reason", "Used-textile import ban"), users.admin().bearer());
    assertThat(rule.status()).as(rule.body()).isEqualTo(201);

    assertThat(failure(request(buyer, List.of(new CartItem(towel, 1), new CartItem(UUID.randomUUID(), 1)), "AUD",
      "AU", Incoterm.DDP))).satisfies(f -> {
        assertThat(f.failureCode()).isEqualTo(422);
        assertThat(f.getMessage()).contains("items[0].skuId (shippable)", "Used-textile import ban",
          "items[1].skuId (published)");
      });
    assertThat(failure(request(buyer, List.of(new CartItem(towel, 1)), "EUR", "BR", Incoterm.DDP)))
      .satisfies(f -> assertThat(f.getMessage()).contains("address.country (supported-destination)"));
    assertThat(failure(request(buyer, List.of(new CartItem(towel, 0)), "EUR", "DE", Incoterm.DDP)))
      .satisfies(f -> assertThat(f.getMessage()).contains("items[0].quantity"));
    assertThat(platform.query("SELECT count(*) FROM checkout.quotes").get(0).getLong(0)).as("nothing refused is stored")
      .isZero();
  }

  @Test
  @DisplayName("over HTTP: a bad country is 422 naming address.country, a bad service level 400; a cart that is not the buyer's 404")
  void httpValidation() {
    JsonObject body = new JsonObject().put("cartId", UUID.randomUUID().toString()).put("currency", "EUR")
      .put("address", new JsonObject().put("recipient", "Ana").put("line1", "Unter den Linden 1").put("city", "Berlin")
        .put("postalCode", "10117").put("country", "DE"))
      .put("serviceLevel", "standard").put("incoterm", "DDP");

    Response unknown = http.postJson("/api/v1/checkout/quotes", body.copy().put("address",
      body.getJsonObject("address").copy().put("country", "XX")), buyer.bearer());
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
    assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("address.country");
    Response unsupported = http.postJson("/api/v1/checkout/quotes", body.copy().put("address",
      body.getJsonObject("address").copy().put("country", "BR")), buyer.bearer());
    assertThat(unsupported.status()).isEqualTo(422);
    assertThat(unsupported.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("supported-destination");
    Response badLevel = http.postJson("/api/v1/checkout/quotes", body.copy().put("serviceLevel", "teleport"), buyer.bearer());
    assertThat(badLevel.status()).as(badLevel.body()).isEqualTo(400);
    assertThat(http.postJson("/api/v1/checkout/quotes", body, buyer.bearer()).status()).isEqualTo(404);
  }

  private UUID importTowel(String sku, String price) {
    JsonObject row = new JsonObject().put("productCode", "LIN-TOWEL").put("skuCode", sku).put("category", "bath-towels")
      .put("brand", "Lisbon Linen").put("model", "Towel").put("language", "pt").put("currency", "EUR")
      .put("listPrice", price).put("weightGrams", 900).put("lengthMm", 300).put("widthMm", 250).put("heightMm", 60)
      .put("countryOfOrigin", "PT").put("returnWindowDays", 30).put("warrantyMonths", 0).put("stock", 12)
      .put("images", new JsonArray().add("https://images.tradewind.test/lisbon/" + sku + ".jpg"))
      .put("content", new JsonObject().put("pt", new JsonObject().put("title", "Toalha de banho")
        .put("description", "Algodão.").put("bullets", new JsonArray())))
      .put("hsCode", "630260");
    Response imported = http.postJson("/api/v1/merchant/products/import?publish=true", new JsonArray().add(row),
      owner.bearer());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    return platform.query("SELECT id FROM catalog.skus WHERE sku_code = $1", sku).get(0).getUUID(0);
  }

  private static QuoteRequest request(Session buyer, List<CartItem> items, String currency, String country,
                                      Incoterm incoterm) {
    return new QuoteRequest(UUID.fromString(buyer.userId()), UUID.randomUUID(), items, currency,
      new Address("Ana", "Street 1", null, "City", "1000", null, country), ServiceLevel.STANDARD, incoterm);
  }

  private static Quote quote(QuoteRequest request) throws Exception {
    return platform.platformVertx().eventBus().<Quote>request(QuoteCommands.CREATE_QUOTE, request)
      .map(reply -> reply.body()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static ReplyException failure(QuoteRequest request) {
    try {
      quote(request);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ReplyException.class);
      return (ReplyException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected the quote to be refused");
  }
}
