package dev.tradewind.catalog;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.LoopbackClient;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static dev.tradewind.catalog.CatalogStories.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Merchants upload CSV or JSON; large uploads run as jobs that report progress and survive a restart")
class BulkImportJobsIT extends PlatformStory {
  private static final String HEADER = "productCode,skuCode,category,brand,model,language,title,description,bullets,"
    + "currency,listPrice,weightGrams,lengthMm,widthMm,heightMm,countryOfOrigin,hsCode,returnWindowDays,warrantyMonths,stock\n";

  private Session owner;

  @BeforeEach
  void aMerchantTheCatalogueKnows() {
    owner = CatalogStories.knownMerchant(platform, users, "lisbon");
  }

  @Test
  @DisplayName("a small CSV upload is answered at once: good rows go in, a bad row is named by line and column")
  void smallCsvAtOnce() {
    String csv = HEADER + csvRow("CSV-A", "CSV-A-1", "49.90", "630239", "")
      + csvRow("CSV-B", "CSV-B-1", "19.90", "63", "");
    Response answer = http.post("/api/v1/merchant/products/import?publish=true", "text/csv", csv, owner.bearer());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonObject report = answer.json();
    assertThat(report.getInteger("totalRows")).isEqualTo(2);
    assertThat(report.getInteger("acceptedRows")).isEqualTo(1);
    JsonObject rejected = report.getJsonArray("rejected").getJsonObject(0);
    assertThat(rejected.getInteger("line")).as("the header is line 1").isEqualTo(3);
    assertThat(rejected.getString("field")).isEqualTo("hsCode");
    assertThat(platform.query("SELECT 1 FROM catalog.skus WHERE sku_code = 'CSV-A-1'")).hasSize(1);
  }

  @Test
  @DisplayName("a body of another media type is 415, and only the import may exceed the ordinary 1 MiB body limit")
  void mediaTypesAndBodyLimits() {
    Response xml = http.post("/api/v1/merchant/products/import", "application/xml", "<rows/>", owner.bearer());
    assertThat(xml.status()).isEqualTo(415);
    Response octets = http.post("/api/v1/merchant/products/import", "application/octet-stream", "abc", owner.bearer());
    assertThat(octets.status()).as("the validator's stand-in for CSV is not itself accepted").isEqualTo(415);

    String big = "x".repeat(1_200_000);
    Response review = http.postJson("/api/v1/merchants", new JsonObject().put("legalName", big), owner.bearer());
    assertThat(review.status()).as("every other operation keeps 1 MiB").isEqualTo(413);
  }

  @Test
  @DisplayName("an import from a caller without the merchant permission is refused before any of its 16 MiB is read")
  void largeBodyOnlyAfterAuthentication() {
    int port = java.net.URI.create(platform.baseUrl()).getPort();
    String path = "/api/v1/merchant/products/import";
    long sixteenMiB = 16L * 1024 * 1024;

    assertThat(LoopbackClient.statusBeforeBody(port, "POST", path, "Content-Type: text/csv\r\n", sixteenMiB))
      .as("no token").startsWith("HTTP/1.1 401");
    assertThat(LoopbackClient.statusBeforeBody(port, "POST", path, "Content-Type: text/csv\r\nAuthorization: Bearer "
      + users.buyer("uploader").accessToken() + "\r\n", sixteenMiB)).as("a buyer's token").startsWith("HTTP/1.1 403");
  }

  @Test
  @DisplayName("an upload above the threshold and 1 MiB is a job: 202 with Location, progress, then every rejected row")
  void largeCsvAsJob() {
    StringBuilder csv = new StringBuilder(HEADER);
    String longText = "Stonewashed linen, woven in Guimarães. ".repeat(20);
    for (int i = 1; i <= 1_200; i++) {
      csv.append(csvRow("JOB-" + i, "JOB-" + i + "-1", "25.00", i % 400 == 0 ? "6302" : "630239", longText));
    }
    assertThat(csv.length()).isGreaterThan(1_048_576);

    Response queued = http.post("/api/v1/merchant/products/import?publish=true", "text/csv", csv.toString(), owner.bearer());
    assertThat(queued.status()).as(queued.body()).isEqualTo(202);
    String location = queued.header("Location");
    assertThat(location).isEqualTo("/api/v1/merchant/import-jobs/" + queued.json().getString("id"));
    assertThat(queued.json().getString("status")).isIn("QUEUED", "RUNNING");

    await("the job ends", () -> !"QUEUED RUNNING".contains(job(location, owner).getString("status")));
    JsonObject done = job(location, owner);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("SUCCEEDED");
    assertThat(done.getInteger("rowsTotal")).isEqualTo(1_200);
    assertThat(done.getInteger("rowsProcessed")).isEqualTo(1_200);
    assertThat(done.getInteger("acceptedRows")).isEqualTo(1_197);
    assertThat(done.getInteger("productsWritten")).isEqualTo(1_197);
    JsonArray rejected = done.getJsonArray("rejected");
    assertThat(rejected).hasSize(3);
    assertThat(rejected.getJsonObject(0).getInteger("line")).isEqualTo(401);
    assertThat(rejected.getJsonObject(0).getString("field")).isEqualTo("hsCode");
    assertThat(platform.query("SELECT count(*) FROM catalog.skus").get(0).getLong(0)).isEqualTo(1_197L);

    Session other = CatalogStories.knownMerchant(platform, users, "kyoto");
    assertThat(http.get(location, other.bearer()).status()).as("another merchant's job").isEqualTo(404);
    assertThat(http.get("/api/v1/merchant/import-jobs/" + UUID.randomUUID(), owner.bearer()).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a job left RUNNING by a stopped runner is picked up again; one that keeps failing ends FAILED, never stuck")
  void jobsSurviveARestart() {
    UUID merchantId = UUID.fromString(owner.claims().getString("mid"));
    UUID interrupted = UUID.randomUUID();
    UUID exhausted = UUID.randomUUID();
    JsonArray rows = new JsonArray().add(CatalogStories.row("RESUMED", "RESUMED-1", "30.00", 3));
    Buffer upload = Buffer.buffer(rows.encode().getBytes(StandardCharsets.UTF_8));
    OffsetDateTime lapsed = OffsetDateTime.now().minusMinutes(5);
    String insert = "INSERT INTO catalog.import_jobs (id, merchant_id, created_by, format, publish, upload, status, attempts,"
      + " lease_until, rows_processed, created_at, updated_at) VALUES ($1, $2, $3, 'json', true, $4, 'RUNNING', $5, $6, 0, $6, $6)";
    platform.query(insert, interrupted, merchantId, UUID.fromString(owner.userId()), upload, 1, lapsed);
    platform.query(insert, exhausted, merchantId, UUID.fromString(owner.userId()), upload, 3, lapsed);

    String resumed = "/api/v1/merchant/import-jobs/" + interrupted;
    await("the interrupted job is run again", () -> "SUCCEEDED".equals(job(resumed, owner).getString("status")));
    assertThat(job(resumed, owner).getInteger("acceptedRows")).isEqualTo(1);
    assertThat(platform.query("SELECT 1 FROM catalog.skus WHERE sku_code = 'RESUMED-1'")).hasSize(1);

    String failed = "/api/v1/merchant/import-jobs/" + exhausted;
    await("the exhausted job is failed", () -> "FAILED".equals(job(failed, owner).getString("status")));
    assertThat(job(failed, owner).getString("failure")).contains("attempts");
    assertThat(platform.query("SELECT 1 FROM catalog.import_jobs WHERE upload IS NOT NULL")).isEmpty();
  }

  private static JsonObject job(String location, Session owner) {
    Response r = http.get(location, owner.bearer());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static String csvRow(String product, String sku, String price, String hsCode, String description) {
    return String.join(",", product, sku, "bed-linen", "Lisbon Linen", product, "pt", "\"Capa " + product + "\"",
      "\"" + description + "\"", "100% linho", "EUR", price, "900", "300", "250", "60", "PT", hsCode, "30", "0", "4") + "\n";
  }
}
