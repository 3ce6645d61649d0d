package dev.tradewind.catalog.api;

import dev.tradewind.catalog.application.EncodedAnswer;
import dev.tradewind.catalog.application.Storefront;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.catalog.application.ImportJobs;
import dev.tradewind.catalog.application.ImportUpload;
import dev.tradewind.catalog.application.ProductImport;
import dev.tradewind.catalog.application.ProductLifecycle;
import dev.tradewind.catalog.domain.ProductStatus;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/** The catalogue's HTTP operations. */
public final class CatalogApi {
  private static final String REVALIDATE = "public, no-cache";

  private static final String PERSONAL = "private, no-cache";

  private final Storefront storefront;
  private final ProductImport productImport;
  private final ImportJobs importJobs;
  private final ProductLifecycle lifecycle;

  public CatalogApi(Storefront storefront, ProductImport productImport, ImportJobs importJobs,
                    ProductLifecycle lifecycle) {
    this.storefront = storefront;
    this.productImport = productImport;
    this.importJobs = importJobs;
    this.lifecycle = lifecycle;
  }

  public void register(ApiDispatcher api) {
    api.on("listCategories", Permission.PUBLIC, r -> storefront.categoryTree(r.header("Accept-Language"))
        .map(tree -> cacheable(r, tree)))
      .on("getProduct", Permission.PUBLIC, r -> storefront.product(r.caller(), r.pathId("productId"),
          (String) r.query().get("currency"), r.header("Accept-Language"), r.requestId())
        .map(page -> personal(cacheable(r, page.body()), page.personal())
          .withHeader("Content-Language", page.body().getString("language"))))
      .on("importProducts", Permission.CATALOG_EDIT, this::importProducts)
      .on("getImportJob", Permission.CATALOG_EDIT, r -> importJobs.find(r.caller(), r.pathId("jobId")).map(ApiReply::ok))
      .on("getMerchantProduct", Permission.MERCHANT_READ, r -> storefront.merchantProduct(r.caller(), productId(r),
          r.header("Accept-Language"))
        .map(product -> ApiReply.ok(product).withHeader("ETag", versionTag(product.getInteger("version")))
          .withHeader("Cache-Control", "private, no-cache")))
      .on("updateProduct", Permission.CATALOG_EDIT, this::updateProduct)
      .on("publishProduct", Permission.CATALOG_EDIT, r -> move(r, ProductStatus.PUBLISHED))
      .on("unpublishProduct", Permission.CATALOG_EDIT, r -> move(r, ProductStatus.UNPUBLISHED))
      .on("archiveProduct", Permission.CATALOG_EDIT, r -> move(r, ProductStatus.ARCHIVED));
  }

  private Future<ApiReply> updateProduct(ApiRequest request) {
    int expected = expectedVersion(request.header("If-Match"));
    Buffer rows = request.body().getJsonArray("value").toBuffer();
    return productImport.update(request.caller(), productId(request), expected, rows, request.requestId())
      .map(written -> ApiReply.ok(written).withHeader("ETag", versionTag(written.version())));
  }

  private Future<ApiReply> move(ApiRequest request, ProductStatus next) {
    UUID id = productId(request);
    return lifecycle.move(request.caller(), id, expectedVersion(request.header("If-Match")), next, request.requestId())
      .map(version -> ApiReply.ok(new JsonObject().put("id", id.toString()).put("status", next.name())
        .put("version", version)).withHeader("ETag", versionTag(version)));
  }

  /** The version a merchant read, from {@code If-Match}; writing without one is refused (428). */
  private static int expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
        "Send If-Match with the ETag you read, so a stale change cannot overwrite a newer one.");
    }
    try {
      return Integer.parseInt(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not name a version of this product.");
    }
  }

  private static String versionTag(int version) {
    return "\"" + version + "\"";
  }

  private static UUID productId(ApiRequest request) {
    return request.pathId("productId");
  }

  private Future<ApiReply> importProducts(ApiRequest request) {
    if (request.caller().merchantId() == null) {
      throw new ProblemException(ProblemType.FORBIDDEN, "Only a merchant's staff import products.");
    }
    Object value = request.body().getValue("value");
    ImportUpload upload = value instanceof JsonArray rows ? ImportUpload.json(rows)
      : ImportUpload.csv(request.body().getBuffer("value"));
    boolean publish = Boolean.TRUE.equals(request.query().get("publish"));
    return importJobs.take(request.caller(), upload, publish, request.requestId()).map(taken -> {
      if (taken instanceof ImportJobs.Taken.Queued queued) {
        return new ApiReply(202, Map.of("Location", "/api/v1/merchant/import-jobs/" + queued.job().getString("id")),
          queued.job());
      }
      return ApiReply.ok(((ImportJobs.Taken.Imported) taken).report());
    });
  }

  /** A page priced in the signed-in buyer's own currency must not be kept by shared caches, nor served to others. */
  private static ApiReply personal(ApiReply reply, boolean personal) {
    return personal ? reply.withHeader("Cache-Control", PERSONAL).withHeader("Vary", "Accept-Language, Authorization")
      : reply;
  }

  /**
   * The ETag is a digest of the exact representation, so it changes whenever anything a buyer sees changes
   * (a price, a sale starting, an FX rate) and 304 is only ever answered for identical bytes.
   */
  /** Encodes the answer once, for its ETag and for the wire: the edge sends an encoded body as it is. */
  static ApiReply cacheable(ApiRequest request, JsonObject body) {
    return cacheable(request, EncodedAnswer.of(body));
  }

  static ApiReply cacheable(ApiRequest request, EncodedAnswer answer) {
    ApiReply reply = matches(request.header("If-None-Match"), answer.etag()) ? new ApiReply(304, java.util.Map.of(), null)
      : ApiReply.ok(answer.body());
    return reply.withHeader("ETag", answer.etag()).withHeader("Cache-Control", REVALIDATE).withHeader("Vary", "Accept-Language");
  }

  /** Weak comparison (RFC 9110 §13.1.2) over a list of tags, tolerant of the quotes a validator may strip. */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = etag.replace("\"", "");
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.replaceFirst("^W/", "").replace("\"", "").equals(opaque)) {
        return true;
      }
    }
    return false;
  }
}
