package dev.tradewind.dev;

import dev.tradewind.demo.DemoData;
import dev.tradewind.demo.DemoData.DemoAccount;
import dev.tradewind.infra.ImportRows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares a running platform for {@code scripts/bench-checkout}, through the public API only: stock for the
 * demo catalogue's SKUs (set by each merchant's owner), signed-in buyers, and optionally a pile of quotes for the
 * one hot SKU. Writes the CSV feeders the Gatling simulation reads.
 *
 * <pre>
 *   stock    --base-url URL --out DIR [--skus N] [--stock S] [--hot-stock H]   → skus.csv, hot-sku.txt
 *   buyers   --base-url URL --out DIR [--buyers N]                              → buyers.csv
 *   hot      --base-url URL --out DIR --quotes Q                                → hot-quotes.csv
 *   rehearsal --base-url URL --out DIR --stock R --quotes Q                     → rehearsal-quotes.csv
 * </pre>
 * The rehearsal is a second new SKU with its own stock, sold to the buyers of {@code warmup-buyers.csv} before the
 * measured sale, so that the sale's code paths (and the load generator) are compiled before it starts.
 * <pre>
 * </pre>
 */
public final class PrepareCheckoutBench {
  private static final String BUYER_PASSWORD = "bench-buyer-2026!";
  private static final String BERLIN = """
    {"recipient":"Load Tester","line1":"Unter den Linden 1","city":"Berlin","postalCode":"10117","country":"DE"}""";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final String base;
  private final Path out;

  private PrepareCheckoutBench(String base, Path out) {
    this.base = base;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    PrepareCheckoutBench prepare = new PrepareCheckoutBench(options.getOrDefault("base-url", "http://127.0.0.1:8080"),
      Path.of(options.getOrDefault("out", "target/bench-checkout")));
    Files.createDirectories(prepare.out);
    try {
      switch (args[0]) {
        case "stock" -> prepare.stock(Integer.parseInt(options.getOrDefault("skus", "400")),
          Integer.parseInt(options.getOrDefault("stock", "1000000")), Integer.parseInt(options.getOrDefault("hot-stock", "10000")));
        case "buyers" -> prepare.buyers(Integer.parseInt(options.getOrDefault("buyers", "300")));
        case "hot" -> prepare.quotes(Files.readString(prepare.out.resolve("hot-sku.txt")).trim(), "buyers.csv",
          Integer.parseInt(options.getOrDefault("quotes", "10000")), "hot-quotes.csv");
        case "rehearsal" -> prepare.rehearsal(Integer.parseInt(options.getOrDefault("stock", "5000")),
          Integer.parseInt(options.getOrDefault("quotes", "10000")));
        default -> throw new IllegalArgumentException("unknown step " + args[0]);
      }
    } finally {
      prepare.pool.shutdownNow();
    }
  }

  /** Every listed SKU gets {@code stock} units at its merchant's default location; the hot SKU, new, gets {@code hotStock}. */
  private void stock(int skuCount, int stock, int hotStock) throws Exception {
    Map<String, String> ownerTokens = new HashMap<>();
    for (DemoAccount account : DemoData.ACCOUNTS) {
      if (account.merchant() != null) {
        String token = signIn(account.email(), account.password());
        ownerTokens.put(claim(token, "mid"), token);
        call("POST", "/api/v1/merchant/locations", token, new JsonObject().put("name", "Main warehouse")
          .put("country", account.country()).encode(), 201, 409);
      }
    }
    List<String[]> skus = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = call("GET", "/api/v1/products?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), null, null, 200);
      for (Object item : page.getJsonArray("items")) {
        JsonObject product = call("GET", "/api/v1/products/" + ((JsonObject) item).getString("id"), null, null, 200);
        for (Object variant : product.getJsonArray("variants")) {
          skus.add(new String[]{((JsonObject) variant).getString("id"), product.getString("merchantId")});
        }
      }
      cursor = page.getString("nextCursor");
    } while (cursor != null && skus.size() < skuCount);
    List<String[]> chosen = new ArrayList<>(skus.subList(0, Math.min(skuCount, skus.size())));
    // The hot SKU is a product made for this run, so that nothing an earlier run reserved (and the expiry sweeper
    // returns meanwhile) touches its stock row: 10,000 means 10,000.
    DemoAccount lisbon = DemoData.ACCOUNTS.stream().filter(a -> "Lisbon Linen Lda.".equals(a.merchant())).findFirst()
      .orElseThrow();
    String lisbonToken = signIn(lisbon.email(), lisbon.password());
    chosen.add(0, new String[]{hotSku(lisbonToken, hotStock), claim(lisbonToken, "mid")});
    ownerTokens.put(claim(lisbonToken, "mid"), lisbonToken);
    all(chosen.stream().map(sku -> (Callable<Void>) () -> {
      int units = sku == chosen.get(0) ? hotStock : stock;
      call("PUT", "/api/v1/merchant/stock/" + sku[0], ownerTokens.get(sku[1]), "{\"onHand\":" + units + "}", 200);
      return null;
    }).toList());
    Files.writeString(out.resolve("hot-sku.txt"), chosen.get(0)[0] + "\n");
    write("skus.csv", "skuId", chosen.subList(1, chosen.size()).stream().map(s -> s[0]).toList());
    System.out.printf("stock set on %d SKUs (%d units each; hot SKU %s, new, has %d)%n", chosen.size(), stock,
      chosen.get(0)[0], hotStock);
  }

  /** A published product with one SKU, new for this run; answers the SKU's id. */
  private String hotSku(String ownerToken, int units) throws IOException, InterruptedException {
    String code = "BENCH-HOT-" + System.currentTimeMillis();
    JsonObject row = ImportRows.linen(code, code + "-1", "bed-linen", "49.00").put("hsCode", "630239").put("stock", units)
      .put("content", new JsonObject().put("pt", new JsonObject().put("title", "Capa " + code)
        .put("description", "Para o teste de carga.").put("bullets", new JsonArray().add("100% linho"))));
    JsonObject imported = call("POST", "/api/v1/merchant/products/import?publish=true", ownerToken,
      new JsonArray().add(row).encode(), 200);
    String productId = imported.getJsonArray("products").getJsonObject(0).getString("id");
    return call("GET", "/api/v1/products/" + productId, null, null, 200).getJsonArray("variants").getJsonObject(0)
      .getString("id");
  }

  /** Registers (once) and signs in {@code count} buyers in Germany paying in EUR. */
  private void buyers(int count) throws Exception {
    List<String> tokens = all(java.util.stream.IntStream.range(0, count).mapToObj(i -> (Callable<String>) () -> {
      String email = "bench-buyer-" + i + "@tradewind.test";
      call("POST", "/api/v1/auth/register", null, new JsonObject().put("email", email).put("password", BUYER_PASSWORD)
        .put("name", "Bench Buyer " + i).put("country", "DE").put("currency", "EUR").put("language", "de").encode(), 201, 409);
      return signIn(email, BUYER_PASSWORD);
    }).toList());
    write("buyers.csv", "token", tokens);
    System.out.printf("%d buyers signed in%n", tokens.size());
  }

  /** A new SKU of {@code stock} units and {@code count} quotes of it for the warm-up's buyers. */
  private void rehearsal(int stock, int count) throws Exception {
    DemoAccount lisbon = DemoData.ACCOUNTS.stream().filter(a -> "Lisbon Linen Lda.".equals(a.merchant())).findFirst()
      .orElseThrow();
    String token = signIn(lisbon.email(), lisbon.password());
    String sku = hotSku(token, stock);
    call("PUT", "/api/v1/merchant/stock/" + sku, token, "{\"onHand\":" + stock + "}", 200);
    quotes(sku, "warmup-buyers.csv", count, "rehearsal-quotes.csv");
  }

  /** Each buyer's cart holds one unit of the SKU; {@code count} quotes of it are spread over the buyers. */
  private void quotes(String hotSku, String buyersFile, int count, String quotesFile) throws Exception {
    List<String> tokens = Files.readAllLines(out.resolve(buyersFile)).stream().skip(1).toList();
    List<String> rows = Collections.synchronizedList(new ArrayList<>());
    all(java.util.stream.IntStream.range(0, tokens.size()).mapToObj(b -> (Callable<Void>) () -> {
      String token = tokens.get(b);
      JsonObject cart = call("POST", "/api/v1/carts", token, "{\"currency\":\"EUR\",\"shipTo\":\"DE\"}", 200, 201);
      String cartId = cart.getString("id");
      for (Object line : cart.getJsonArray("lines", new JsonArray())) {
        call("DELETE", "/api/v1/carts/" + cartId + "/items/" + ((JsonObject) line).getString("id"), token, null, 200, 204);
      }
      call("POST", "/api/v1/carts/" + cartId + "/items", token, "{\"skuId\":\"" + hotSku + "\",\"quantity\":1}", 200, 201);
      for (int q = b; q < count; q += tokens.size()) {
        JsonObject quote = call("POST", "/api/v1/checkout/quotes", token, "{\"cartId\":\"" + cartId
          + "\",\"currency\":\"EUR\",\"address\":" + BERLIN + ",\"serviceLevel\":\"standard\",\"incoterm\":\"DDP\"}", 201);
        rows.add(token + "," + quote.getString("id"));
      }
      return null;
    }).toList());
    List<String> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(7));
    write(quotesFile, "token,quoteId", shuffled);
    System.out.printf("%d quotes for the SKU %s in %s%n", shuffled.size(), hotSku, quotesFile);
  }

  private String signIn(String email, String password) throws IOException, InterruptedException {
    return call("POST", "/api/v1/auth/login", null, new JsonObject().put("email", email).put("password", password).encode(),
      200).getString("accessToken");
  }

  private JsonObject call(String method, String path, String token, String body, int... expected)
    throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
      .header("Accept", "application/json")
      .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response.body().isBlank() || !response.body().startsWith("{") ? new JsonObject() : new JsonObject(response.body());
      }
    }
    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
  }

  private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
    List<T> results = new ArrayList<>();
    for (Future<T> future : pool.invokeAll(tasks)) {
      results.add(future.get());
    }
    return results;
  }

  private void write(String file, String header, List<String> rows) throws IOException {
    List<String> lines = new ArrayList<>(rows.size() + 1);
    lines.add(header);
    lines.addAll(rows);
    Files.write(out.resolve(file), lines, StandardCharsets.UTF_8);
  }

  private static String claim(String token, String name) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
      .getString(name);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
