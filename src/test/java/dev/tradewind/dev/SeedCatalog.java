package dev.tradewind.dev;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tradewind.catalog.domain.ImportLimits;
import dev.tradewind.catalog.domain.ProductRow;
import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import dev.tradewind.catalog.domain.SyntheticCatalog;
import dev.tradewind.catalog.domain.SyntheticCatalog.Listing;
import dev.tradewind.catalog.domain.SyntheticCatalog.Seller;
import dev.tradewind.demo.DemoData;
import dev.tradewind.demo.DemoData.DemoAccount;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads {@link SyntheticCatalog} into a running platform for benchmarks, behind {@code scripts/seed}. It goes
 * through the public import API exactly as a merchant's own system would: signed in as each demo merchant's owner,
 * rows in that merchant's currency, in batches below the edge's body limit, a few requests at a time. Products
 * are upserted by product and SKU code, so a second run with the same seed writes the same codes again.
 */
public final class SeedCatalog {
  private static final String USAGE = """
    usage: scripts/seed [--products N] [--seed S] [--base-url URL] [--parallel P] [--progress N]
      Loads N synthetic products (default 100000, seed 42) into a platform already running (start it with
      scripts/run), through POST /api/v1/merchant/products/import?publish=true as the demo merchants' owners.
      --base-url    the platform (default http://127.0.0.1:8080)
      --parallel    import requests in flight at once (default 4)
      --progress    print a progress line every N products (default a tenth of the run, at least 1000)
    Running it again with the same seed upserts the same product and SKU codes.""";

  /** Below the edge's default 1 MiB body limit, with room for the array's brackets. */
  private static final int MAX_BATCH_BYTES = 900 * 1024;
  /**
   * An import writes its products one after another and the edge answers 504 after http.requestTimeoutMs (10 s):
   * 500-row batches took 9 to 12 s on a platform just started, 250-row ones stay well inside it.
   */
  private static final int MAX_BATCH_ROWS = 250;
  private static final int ATTEMPTS = 5;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Tally tally;

  private SeedCatalog(URI base, Tally tally) {
    this.base = base;
    this.tally = tally;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException bad) {
      System.err.println("scripts/seed: " + bad.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(USAGE);
      return;
    }
    try {
      System.exit(new SeedCatalog(options.baseUrl(), new Tally(options.progress())).run(options));
    } catch (SeedFailure failure) {
      System.err.println("scripts/seed: " + failure.getMessage());
      System.exit(1);
    }
  }

  private int run(Options options) throws Exception {
    ensureReady();
    Map<String, Session> sessions = new LinkedHashMap<>();
    for (Seller seller : SyntheticCatalog.DEMO_SELLERS) {
      DemoAccount owner = ownerFor(seller);
      if (owner == null) {
        System.out.printf("skipping seller %s (%s, %s): no demo merchant sells in %s%n", seller.prefix(),
          seller.country(), seller.currency(), seller.currency());
      } else {
        System.out.printf("seller %s (%s, %s) -> %s, signed in as %s%n", seller.prefix(), seller.country(),
          seller.currency(), owner.merchant(), owner.email());
        sessions.put(seller.prefix(), new Session(owner));
      }
    }
    if (sessions.isEmpty()) {
      throw new SeedFailure("no seller of SyntheticCatalog.DEMO_SELLERS matches a demo merchant");
    }
    System.out.printf("importing %,d products (seed %d) into %s, %d requests at a time%n", options.products(),
      options.seed(), base, options.parallel());

    ExecutorService workers = Executors.newFixedThreadPool(options.parallel());
    Semaphore inFlight = new Semaphore(options.parallel());
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Map<String, Batch> open = new LinkedHashMap<>();
    tally.start();
    Iterator<Listing> listings = SyntheticCatalog.listings(options.seed(), options.products(), SyntheticCatalog.DEMO_SELLERS);
    Listing pending = null;
    while (failed.get() == null && (pending != null || listings.hasNext())) {
      Product product = new Product(pending != null ? pending : listings.next());
      pending = null;
      while (pending == null && listings.hasNext()) {
        Listing next = listings.next();
        if (next.row().productCode().equals(product.code())) {
          product.add(next.row());
        } else {
          pending = next;
        }
      }
      String prefix = product.seller().prefix();
      if (sessions.containsKey(prefix)) {
        Batch batch = open.computeIfAbsent(prefix, p -> new Batch());
        if (!batch.fits(product)) {
          submit(workers, inFlight, failed, sessions.get(prefix), batch);
          batch = new Batch();
          open.put(prefix, batch);
        }
        batch.add(product);
      }
    }
    for (Map.Entry<String, Batch> last : open.entrySet()) {
      if (failed.get() == null && !last.getValue().isEmpty()) {
        submit(workers, inFlight, failed, sessions.get(last.getKey()), last.getValue());
      }
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.HOURS);
    if (failed.get() != null) {
      tally.summary();
      throw failed.get() instanceof SeedFailure known ? known : new SeedFailure(failed.get().toString());
    }
    return tally.summary() ? 0 : 1;
  }

  private void submit(ExecutorService workers, Semaphore inFlight, AtomicReference<Throwable> failed, Session session,
                      Batch batch) throws InterruptedException {
    inFlight.acquire();
    workers.execute(() -> {
      try {
        if (failed.get() == null) {
          tally.add(batch, importBatch(session, batch));
        }
      } catch (Exception e) {
        failed.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
    });
  }

  /** Sends one batch, renewing the session on a 401 and retrying what the platform may not have finished. */
  private JsonNode importBatch(Session session, Batch batch) throws IOException, InterruptedException {
    byte[] body = batch.body();
    String problem = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String token = session.token();
      HttpResponse<String> response;
      try {
        response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/merchant/products/import?publish=true"))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException unreachable) {
        problem = unreachable.toString();
        tally.retried(problem);
        pause(attempt);
        continue;
      }
      switch (response.statusCode()) {
        case 200 -> {
          return JSON.readTree(response.body());
        }
        case 401 -> session.renew(token);
        // 409: the catalogue has not yet learnt of the merchant; 503: busy. Upserts may be repeated.
        case 409, 429, 502, 503 -> pause(attempt);
        // The platform is still writing the batch it gave up waiting for: let it finish before sending it again.
        case 504 -> pause(attempt + 3);
        default -> throw new SeedFailure("import of " + batch.describe() + " failed: " + response.statusCode() + " "
          + response.body());
      }
      problem = response.statusCode() + " " + response.body();
      tally.retried(problem);
    }
    throw new SeedFailure("import of " + batch.describe() + " failed " + ATTEMPTS + " times, last: " + problem);
  }

  private static void pause(int attempt) throws InterruptedException {
    Thread.sleep(500L << Math.min(attempt, 5));
  }

  private void ensureReady() throws InterruptedException {
    URI ready = base.resolve("/health/ready");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new SeedFailure(ready + " answered " + response.statusCode() + ": the platform is not ready yet");
      }
    } catch (IOException unreachable) {
      throw new SeedFailure("no platform answers at " + ready + " (" + unreachable
        + "); start one with scripts/run first");
    }
  }

  /** The demo merchant that sells in the seller's currency (and, of several, the one in its country). */
  static DemoAccount ownerFor(Seller seller) {
    List<DemoAccount> sameCurrency = DemoData.ACCOUNTS.stream()
      .filter(a -> a.merchant() != null && a.currency().equals(seller.currency())).toList();
    return sameCurrency.stream().filter(a -> a.country().equals(seller.country())).findFirst()
      .orElse(sameCurrency.isEmpty() ? null : sameCurrency.get(0));
  }

  // ---------------------------------------------------------------------------------------------------------

  /**
   * A demo owner's sign-in, renewed with its refresh token (or a new sign-in) when nine tenths of the access
   * token's life have passed, or on a 401.
   */
  private final class Session {
    private final DemoAccount owner;
    private String accessToken;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;

    Session(DemoAccount owner) throws IOException, InterruptedException {
      this.owner = owner;
      signIn();
      String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
      if (!JSON.readTree(payload).hasNonNull("mid")) {
        throw new SeedFailure(owner.email() + " is not the staff of a merchant");
      }
    }

    synchronized String token() throws IOException, InterruptedException {
      if (Instant.now().isAfter(renewAt)) {
        renew(accessToken);
      }
      return accessToken;
    }

    /** Renews unless another request has already replaced {@code stale}. */
    synchronized void renew(String stale) throws IOException, InterruptedException {
      if (!stale.equals(accessToken)) {
        return;
      }
      HttpResponse<String> refreshed = post("/api/v1/auth/refresh", JSON.createObjectNode().put("refreshToken", refreshToken));
      if (refreshed.statusCode() == 200) {
        accept(refreshed);
      } else {
        signIn();
      }
    }

    private void signIn() throws IOException, InterruptedException {
      HttpResponse<String> response = post("/api/v1/auth/login",
        JSON.createObjectNode().put("email", owner.email()).put("password", owner.password()));
      if (response.statusCode() != 200) {
        throw new SeedFailure("could not sign in as " + owner.email() + ": " + response.statusCode() + " "
          + response.body() + " (is demo data loaded? scripts/run loads it)");
      }
      accept(response);
    }

    private void accept(HttpResponse<String> response) throws IOException {
      JsonNode tokens = JSON.readTree(response.body());
      accessToken = tokens.get("accessToken").asText();
      refreshToken = tokens.get("refreshToken").asText();
      renewAt = Instant.now().plusSeconds(tokens.get("expiresIn").asLong() * 9 / 10);
    }

    private HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** One product's rows, encoded once so a batch knows its size before it is sent. */
  private static final class Product {
    private final Seller seller;
    private final String code;
    private final List<ProductRow> rows = new ArrayList<>();
    private byte[] encoded;

    Product(Listing first) {
      this.seller = first.seller();
      this.code = first.row().productCode();
      rows.add(first.row());
    }

    Seller seller() {
      return seller;
    }

    String code() {
      return code;
    }

    void add(ProductRow row) {
      rows.add(row);
    }

    int rows() {
      return rows.size();
    }

    /** The rows as JSON objects separated by commas, without the array's brackets. */
    byte[] encoded() {
      if (encoded == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048 * rows.size());
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
          for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
              json.writeRaw(',');
            }
            write(json, rows.get(i));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        encoded = out.toByteArray();
      }
      return encoded;
    }

    private static void write(JsonGenerator json, ProductRow row) throws IOException {
      json.writeStartObject();
      json.writeStringField("productCode", row.productCode());
      json.writeStringField("skuCode", row.skuCode());
      json.writeStringField("category", row.categorySlug());
      json.writeStringField("brand", row.brand());
      json.writeStringField("model", row.model());
      json.writeStringField("language", row.defaultLanguage());
      json.writeObjectFieldStart("content");
      for (Map.Entry<String, LocalizedContent> text : row.content().entrySet()) {
        json.writeObjectFieldStart(text.getKey());
        json.writeStringField("title", text.getValue().title());
        json.writeStringField("description", text.getValue().description());
        strings(json, "bullets", text.getValue().bullets());
        json.writeEndObject();
      }
      json.writeEndObject();
      strings(json, "images", row.imageUrls());
      json.writeObjectFieldStart("specifications");
      for (Map.Entry<String, String> specification : row.specifications().entrySet()) {
        json.writeStringField(specification.getKey(), specification.getValue());
      }
      json.writeEndObject();
      optional(json, "colour", row.colour());
      optional(json, "size", row.size());
      json.writeStringField("currency", row.currency());
      json.writeStringField("listPrice", row.listPrice().toPlainString());
      if (row.salePrice() != null) {
        json.writeStringField("salePrice", row.salePrice().toPlainString());
        json.writeStringField("saleStartsAt", row.saleStartsAt().toString());
        json.writeStringField("saleEndsAt", row.saleEndsAt().toString());
      }
      json.writeNumberField("weightGrams", row.weightGrams());
      json.writeNumberField("lengthMm", row.lengthMm());
      json.writeNumberField("widthMm", row.widthMm());
      json.writeNumberField("heightMm", row.heightMm());
      json.writeStringField("countryOfOrigin", row.countryOfOrigin());
      json.writeStringField("hsCode", row.hsCode());
      json.writeNumberField("returnWindowDays", row.returnWindowDays());
      json.writeNumberField("warrantyMonths", row.warrantyMonths());
      json.writeNumberField("stock", row.stock());
      json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
      json.writeArrayFieldStart(field);
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
      if (value != null) {
        json.writeStringField(field, value);
      }
    }
  }

  /** Whole products of one seller, as many as stay below the body limit and the row cap. */
  private static final class Batch {
    private final List<Product> products = new ArrayList<>();
    private int rows;
    private int bytes = 2;

    boolean fits(Product product) {
      return isEmpty() || rows + product.rows() <= Math.min(MAX_BATCH_ROWS, ImportLimits.MAX_ROWS)
        && bytes + 1 + product.encoded().length <= MAX_BATCH_BYTES;
    }

    void add(Product product) {
      bytes += (isEmpty() ? 0 : 1) + product.encoded().length;
      rows += product.rows();
      products.add(product);
    }

    boolean isEmpty() {
      return products.isEmpty();
    }

    int rows() {
      return rows;
    }

    int bytes() {
      return bytes;
    }

    byte[] body() {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
      out.write('[');
      for (int i = 0; i < products.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.writeBytes(products.get(i).encoded());
      }
      out.write(']');
      return out.toByteArray();
    }

    String describe() {
      return "%s..%s (%d rows, %d bytes)".formatted(products.get(0).code(), products.get(products.size() - 1).code(),
        rows, bytes);
    }
  }

  /** What the platform reported, added up across batches; prints progress and the summary. */
  private static final class Tally {
    private final int every;
    private long started;
    private long products;
    private long skus;
    private long rowsSent;
    private long bytesSent;
    private int largestBody;
    private long requests;
    private long productIds;
    private final List<String> rejections = new ArrayList<>();
    private long rejected;
    private long retries;

    Tally(int every) {
      this.every = every;
    }

    void start() {
      started = System.nanoTime();
    }

    synchronized void add(Batch batch, JsonNode report) {
      long before = products;
      products += report.get("products").size();
      skus += report.get("acceptedRows").asLong();
      rowsSent += batch.rows();
      bytesSent += batch.bytes();
      largestBody = Math.max(largestBody, batch.bytes());
      requests++;
      for (JsonNode written : report.get("products")) {
        productIds += (written.get("productCode").asText() + ":" + written.get("id").asText()).hashCode();
      }
      for (JsonNode rejection : report.get("rejected")) {
        rejected++;
        if (rejections.size() < 10) {
          rejections.add(rejection.toString());
        }
      }
      if (products / every > before / every) {
        double seconds = seconds();
        System.out.printf("%,9d products  %,9d SKUs  %,6d rejected  %6.1f s  %,7.0f rows/s%n", products, skus,
          rejected, seconds, rowsSent / seconds);
      }
    }

    synchronized void retried(String problem) {
      retries++;
      System.out.println("retrying after: " + (problem.length() > 300 ? problem.substring(0, 300) + "..." : problem));
    }

    /** Prints the totals; true when no row was rejected. */
    synchronized boolean summary() {
      double seconds = seconds();
      System.out.printf("done: %,d products, %,d SKUs, %,d rejected rows, %d requests (%d retried, %,.0f KiB"
        + " sent, largest body %,d KiB), %.1f s, %,.0f rows/s (%,.0f products/s); product ids checksum %08x%n",
        products, skus, rejected, requests, retries, bytesSent / 1024.0, largestBody / 1024, seconds, rowsSent / seconds,
        products / seconds, productIds & 0xffffffffL);
      rejections.forEach(r -> System.out.println("  rejected: " + r));
      return rejected == 0;
    }

    private double seconds() {
      return (System.nanoTime() - started) / 1e9;
    }
  }

  private record Options(int products, long seed, URI baseUrl, int parallel, int progress) {

    /** The options, or null when only the usage was asked for. */
    static Options parse(String[] args) {
      int products = SyntheticCatalog.DEFAULT_PRODUCTS;
      long seed = 42;
      String baseUrl = "http://127.0.0.1:8080";
      int parallel = 4;
      Integer progress = null;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("-h") || option.equals("--help")) {
          return null;
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("unknown option or missing value: " + option);
        }
        String value = args[++i];
        switch (option) {
          case "--products" -> products = positive(option, value, 0);
          case "--seed" -> seed = number(option, value);
          case "--base-url" -> baseUrl = value.replaceAll("/+$", "");
          case "--parallel" -> parallel = positive(option, value, 1);
          case "--progress" -> progress = positive(option, value, 1);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("--base-url is not a URL: " + baseUrl);
      }
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("--base-url must be like http://127.0.0.1:8080, not " + baseUrl);
      }
      return new Options(products, seed, uri, parallel, progress != null ? progress : Math.max(1000, products / 10));
    }

    private static int positive(String option, String value, int least) {
      long n = number(option, value);
      if (n < least || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(option + " must be a whole number of at least " + least + ", not " + value);
      }
      return (int) n;
    }

    private static long number(String option, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException(option + " must be a whole number, not " + value);
      }
    }
  }

  /** A failure that ends the run with its message and no stack trace. */
  private static final class SeedFailure extends RuntimeException {
    SeedFailure(String message) {
      super(message);
    }
  }
}
