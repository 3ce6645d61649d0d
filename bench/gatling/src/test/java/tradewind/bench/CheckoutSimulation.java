package tradewind.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Checkout under an open model: buyers arrive at a fixed rate whatever the service's latency, so a slow service
 * meets a growing queue instead of a politely waiting load generator (no coordinated omission).
 *
 * <ul>
 *   <li>{@code mode=uniform}: each arrival fills a cart with one random SKU, asks for a landed-cost quote and
 *       places the order; the group "checkout" is quote + order.</li>
 *   <li>{@code mode=hot}: each arrival places an order from a quote prepared beforehand for the one hot SKU; 201 is
 *       a sale, 409 sold-out is reported as KO so that its latency shows on its own.</li>
 * </ul>
 * Before the measured arrivals, {@code warmup} seconds at {@code warmupRate} arrivals/s warm the load generator itself (its
 * JIT and connections; a cold Gatling JVM on these 2 cores otherwise shows as the service's first seconds): the same
 * requests in uniform mode, in hot mode a rehearsal: orders at {@code warmupRate} for quotes of
 * another SKU ({@code rehearsal-quotes.csv}, one per arrival), which sells out part of the way through, so that the
 * sale's paths, sold-out included, are compiled in the platform and in the load generator before the measured sale.
 * Warm-up requests are named "warm-up: …" and left out of the summary, and sign in as other buyers than the measured
 * arrivals ({@code warmup-buyers.csv}). The measured arrivals start {@code settle} seconds after the warm-up ends, once
 * its backlog has drained.
 * System properties: baseUrl, mode, rate (arrivals/s), duration (s), warmup (s, default 0), warmupRate (default rate), settle (s, default 0), dataDir (what scripts/bench-checkout prepared),
 * connections: {@code per-user} (default: every arrival opens its own connection, like a browser calling the API
 * directly) or {@code shared} (arrivals share a pool of kept-alive connections, like a storefront's servers or a load
 * balancer in front of the API).
 */
public class CheckoutSimulation extends Simulation {
  private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  private static final String MODE = System.getProperty("mode", "uniform");
  private static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
  private static final int DURATION = Integer.getInteger("duration", 30);
  private static final int WARMUP = Integer.getInteger("warmup", 0);
  private static final int SETTLE = Integer.getInteger("settle", 0);
  private static final double WARMUP_RATE = Double.parseDouble(System.getProperty("warmupRate", String.valueOf(RATE)));
  private static final String WARMING = "warm-up: ";
  private static final String DATA = System.getProperty("dataDir", "../../target/bench-checkout");
  private static final boolean SHARED = "shared".equals(System.getProperty("connections", "per-user"));

  private static final String ADDRESS = """
    {"recipient":"Load Tester","line1":"Unter den Linden 1","city":"Berlin","postalCode":"10117","country":"DE"}""";

  private final HttpProtocolBuilder protocol = connections(http.baseUrl(BASE_URL)
    .acceptHeader("application/json")
    .contentTypeHeader("application/json")
    .header("Authorization", "Bearer #{token}"));

  private static HttpProtocolBuilder connections(HttpProtocolBuilder http) {
    return SHARED ? http.shareConnections() : http;
  }

  private ChainBuilder uniformCheckout(String prefix) {
    FeederBuilder<String> buyers = csv(DATA + (prefix.isEmpty() ? "/buyers.csv" : "/warmup-buyers.csv")).circular();
    FeederBuilder<String> skus = csv(DATA + "/skus.csv").random();
    return exec(feed(buyers), feed(skus))
      .exec(http(prefix + "cart").post("/api/v1/carts").body(StringBody("{\"currency\":\"EUR\",\"shipTo\":\"DE\"}"))
        .check(status().in(200, 201), jsonPath("$.id").saveAs("cartId")))
      .exitHereIfFailed() // an arrival refused at one step stops there: its later steps would only fail for it again
      .exec(http(prefix + "add item").post("/api/v1/carts/#{cartId}/items")
        .body(StringBody("{\"skuId\":\"#{skuId}\",\"quantity\":1}")).check(status().in(200, 201)))
      .exitHereIfFailed()
      .exec(group(prefix + "checkout").on(
        exec(http(prefix + "quote").post("/api/v1/checkout/quotes")
          .body(StringBody("{\"cartId\":\"#{cartId}\",\"currency\":\"EUR\",\"address\":" + ADDRESS
            + ",\"serviceLevel\":\"standard\",\"incoterm\":\"DDP\"}"))
          .check(status().is(201), jsonPath("$.id").saveAs("quoteId")))
        .exitHereIfFailed()
        .exec(placeOrder(prefix + "order", "#{quoteId}", 201))));
  }

  private ChainBuilder hotSkuOrder() {
    FeederBuilder<String> quotes = csv(DATA + "/hot-quotes.csv").queue();
    return exec(feed(quotes)).exec(placeOrder("order (hot SKU)", "#{quoteId}", 201));
  }

  /** The rehearsal: a sale of another SKU, sold out part of the way through (201 or 409). */
  private ChainBuilder hotWarmUp() {
    return exec(feed(csv(DATA + "/rehearsal-quotes.csv").queue()))
      .exec(placeOrder(WARMING + "order (rehearsal SKU)", "#{quoteId}", 201, 409));
  }

  private static ChainBuilder placeOrder(String name, String quoteId, Integer... expected) {
    return exec(http(name).post("/api/v1/orders").header("Idempotency-Key", "#{randomUuid()}")
      .body(StringBody("{\"quoteId\":\"" + quoteId + "\"}")).check(status().in(expected)));
  }

  private static ChainBuilder feed(FeederBuilder<String> feeder) {
    return exec(io.gatling.javaapi.core.CoreDsl.feed(feeder));
  }

  /** When the measured arrivals start (epoch ms), so that the script can tell how the cores were shared while they ran. */
  @Override
  public void before() {
    long start = System.currentTimeMillis() + (WARMUP + SETTLE) * 1000L;
    try {
      Files.writeString(Path.of(DATA, "measured-window.txt"), start + " " + (start + DURATION * 1000L) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  {
    boolean hot = "hot".equals(MODE);
    ScenarioBuilder measured = scenario(MODE).exec(hot ? hotSkuOrder() : uniformCheckout(""));
    ScenarioBuilder warmUp = scenario(WARMING + MODE).exec(hot ? hotWarmUp() : uniformCheckout(WARMING));
    var arrivals = measured.injectOpen(nothingFor(Duration.ofSeconds(WARMUP + SETTLE)),
      constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION)));
    setUp(WARMUP == 0 ? List.of(arrivals)
      : List.of(warmUp.injectOpen(constantUsersPerSec(WARMUP_RATE).during(Duration.ofSeconds(WARMUP))), arrivals))
      .protocols(protocol);
  }
}
