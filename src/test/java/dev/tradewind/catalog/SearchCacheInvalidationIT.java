package dev.tradewind.catalog;

import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.catalog.contract.ProductChanged;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.StockChanged;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.tradewind.catalog.CatalogStories.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Search answers come from memory, yet a change the catalogue commits shows on the very next search")
class SearchCacheInvalidationIT extends PlatformStory {
  private static final String FILTERED = "/api/v1/products?category=bed-linen&brand=lisbon%20linen&currency=USD";
  
  private Session owner;
  private String productId;
  private String skuId;

  @BeforeEach
  void aPublishedProductSomeoneSearchedFor() {
    owner = CatalogStories.knownMerchant(platform, users, "lisbon");
    String[] ids = CatalogStories.oneProduct(http, platform, owner, "CACHED", "40.00");
    productId = ids[0];
    skuId = ids[1];
    await("checkout's figure for the imported stock is in the catalogue", () -> available() == 5);
    assertThat(titles(search(FILTERED))).containsExactly("Capa de edredão CACHED");
  }

  @Test
  @DisplayName("a new price from an import is on the next search, in the buyer's currency")
  void priceChange() {
    assertThat(price(search(FILTERED))).as("40 € in dollars").isEqualTo("43.25");
    assertThat(price(search(FILTERED))).as("asked again").isEqualTo("43.25");

    Response imported = CatalogStories.importJson(http, owner, new JsonArray().add(CatalogStories.row("CACHED", "CACHED-1", "20.00", 5)));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);

    assertThat(price(search(FILTERED))).as("20 € in dollars").isEqualTo("21.62");
  }

  @Test
  @DisplayName("an unpublished product leaves the next search, and publishing it again brings it back")
  void publishState() {
    String base = "/api/v1/merchant/products/" + productId;
    Response unpublished = http.send("POST", base + "/unpublish", null, null, with(owner, "If-Match", etag(base)));
    assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
    assertThat(titles(search(FILTERED))).isEmpty();
    assertThat(search("/api/v1/products?q=CACHED").getJsonArray("items")).isEmpty();

    Response published = http.send("POST", base + "/publish", null, null, with(owner, "If-Match", etag(base)));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(titles(search(FILTERED))).containsExactly("Capa de edredão CACHED");
  }

  @Test
  @DisplayName("checkout's stock figure shows in an inStock search as soon as the catalogue has taken it")
  void stockChange() {
    String inStock = FILTERED + "&inStock=true";
    assertThat(titles(search(inStock))).containsExactly("Capa de edredão CACHED");

    stock(0, 1_000);
    await("the catalogue takes the sold-out figure", () -> available() == 0);
    assertThat(titles(search(inStock))).isEmpty();

    stock(3, 1_001);
    await("the catalogue takes the new figure", () -> available() == 3);
    assertThat(titles(search(inStock))).containsExactly("Capa de edredão CACHED");
  }

  @Test
  @DisplayName("a change committed behind this process's back is served from memory until the process commits one itself")
  void anotherProcessesChange() {
    platform.query("UPDATE catalog.products SET brand = 'Porto Linen' WHERE id = $1", UUID.fromString(productId));
    assertThat(titles(search(FILTERED))).as("this process saw no commit: the cached answer stands (for at most 2 × TTL)")
      .containsExactly("Capa de edredão CACHED");

    CatalogStories.oneProduct(http, platform, owner, "OTHER", "15.00");
    assertThat(titles(search(FILTERED))).as("its own commit emptied the cache").containsExactly("Capa de edredão OTHER");
  }

  @Test
  @DisplayName("another process's product event, read from Kafka, empties this process's cache as soon as it arrives")
  void anotherProcessesEvent() {
    platform.query("UPDATE catalog.products SET brand = 'Porto Linen' WHERE id = $1", UUID.fromString(productId));
    assertThat(titles(search(FILTERED))).as("nothing told this process yet").containsExactly("Capa de edredão CACHED");

    platform.events().publish(CatalogContract.PRODUCT_CHANGED, new ProductChanged(UUID.randomUUID(), Instant.now(),
      productId, 1, UUID.fromString(productId), UUID.fromString(owner.claims().getString("mid")), "PUBLISHED", 2));
    await("the other process's change shows", () -> titles(search(FILTERED)).isEmpty());
  }

  @Test
  @DisplayName("a stock figure that leaves the SKU in stock keeps the cached searches; running out empties them")
  void stockFiguresThatChangeNothingASearchShows() {
    platform.query("UPDATE catalog.products SET brand = 'Porto Linen' WHERE id = $1", UUID.fromString(productId));
    String rowVersion = productRowVersion();
    stock(4, 1_000);
    await("the product page shows the new figure", () -> available() == 4);
    assertThat(titles(search(FILTERED))).as("still in stock: the cached answer stands").containsExactly("Capa de edredão CACHED");
    assertThat(productRowVersion()).as("nor were the product's search columns rewritten").isEqualTo(rowVersion);

    stock(0, 1_001);
    await("the catalogue takes the sold-out figure", () -> available() == 0);
    assertThat(titles(search(FILTERED))).as("read again, with the brand changed behind its back").isEmpty();
  }

  @Test
  @DisplayName("a sale starting empties the cached searches at that instant, though nothing is committed then")
  void saleStarting() {
    Instant starts = Instant.now().plusSeconds(3);
    Response imported = CatalogStories.importJson(http, owner, new JsonArray().add(CatalogStories.row("CACHED", "CACHED-1",
      "40.00", 5).put("salePrice", "20.00").put("saleStartsAt", starts.toString())));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(price(search(FILTERED))).as("before the sale, and now cached").isEqualTo("43.25");

    await("the sale price shows once the sale has begun", () -> "21.62".equals(price(search(FILTERED))));
    assertThat(Instant.now()).isAfterOrEqualTo(starts);
  }

  @Test
  @DisplayName("many buyers asking the same new question at once all get the fresh answer")
  void concurrentMisses() {
    CatalogStories.importJson(http, owner, new JsonArray().add(CatalogStories.row("CACHED", "CACHED-1", "30.00", 5)));
    List<CompletableFuture<String>> answers = IntStream.range(0, 32)
      .mapToObj(i -> CompletableFuture.supplyAsync(() -> price(search(FILTERED)))).toList();
    List<String> prices = answers.stream().map(CompletableFuture::join).distinct().toList();
    assertThat(prices).hasSize(1);
    assertThat(new BigDecimal(prices.get(0))).as("30 € in dollars").isEqualByComparingTo(new BigDecimal("32.44"));
  }

  private void stock(int available, long version) {
    platform.events().publish(CheckoutContract.STOCK_CHANGED, new StockChanged(UUID.randomUUID(), Instant.now(), skuId, 1,
      UUID.fromString(skuId), UUID.fromString(owner.claims().getString("mid")), available, version));
  }

  private String productRowVersion() {
    return platform.query("SELECT xmin::text FROM catalog.products WHERE id = $1", UUID.fromString(productId)).get(0)
      .getString(0);
  }

  private int available() {
    return http.get("/api/v1/products/" + productId).json().getJsonArray("variants").getJsonObject(0).getInteger("available");
  }

  private String etag(String merchantProduct) {
    return http.get(merchantProduct, owner.bearer()).header("etag");
  }

  private static JsonObject search(String path) {
    Response response = http.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> titles(JsonObject page) {
    return page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("title")).toList();
  }

  private static String price(JsonObject page) {
    return page.getJsonArray("items").getJsonObject(0).getJsonObject("price").getString("amount");
  }

  private static String[] with(Session session, String header, String value) {
    return new String[]{"Authorization", "Bearer " + session.accessToken(), header, value};
  }
}
