package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.NewReview;
import dev.tradewind.catalog.domain.ProductStatus;
import dev.tradewind.catalog.domain.RatingSummary;
import dev.tradewind.catalog.domain.ReviewCursor;
import dev.tradewind.catalog.infra.PurchaseRepository;
import dev.tradewind.catalog.infra.ReviewRepository;
import dev.tradewind.catalog.infra.ReviewRepository.LockedReview;
import dev.tradewind.catalog.infra.ReviewRepository.ReviewedProduct;
import dev.tradewind.catalog.infra.ReviewRepository.StoredReview;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Product reviews. Only a buyer who paid for the product reviews it, once; the product's rating summary moves in
 * the same transaction as the review, by atomic increments, so concurrent reviews never lose one. The product's
 * merchant may reply once; an admin may hide a review, which takes its rating out of the summary. Readers never
 * learn who wrote a review.
 */
public final class Reviews {
  /** How every reviewer is shown: the catalogue knows buyers only by id. */
  public static final String REVIEWER = "Verified buyer";
  private static final String PUBLISHED = ProductStatus.PUBLISHED.name();

  private final ContextRuntime runtime;
  private final ReviewRepository reviews;
  private final PurchaseRepository purchases;
  private final Clock clock;
  private final HotReads hotReads;

  public Reviews(ContextRuntime runtime, ReviewRepository reviews, PurchaseRepository purchases, Clock clock,
                 HotReads hotReads) {
    this.runtime = runtime;
    this.reviews = reviews;
    this.purchases = purchases;
    this.clock = clock;
    this.hotReads = hotReads;
  }

  /** The new review and the product's summary after it. */
  public Future<JsonObject> add(Caller caller, UUID productId, NewReview review) {
    review.violation().ifPresent(v -> {
      throw new ProblemException(Problem.invalidField(v.field(), v.rule(), v.message()));
    });
    UUID buyerId = UUID.fromString(caller.userId());
    UUID id = UUID.randomUUID();
    Instant now = now();
    return runtime.pool().withTransaction(tx -> reviews.product(tx, productId)
      .compose(product -> {
        if (product == null || !PUBLISHED.equals(product.status())) {
          throw ObjectAccess.notFound("product");
        }
        return purchases.bought(tx, buyerId, productId);
      })
      .compose(bought -> {
        if (!bought) {
          throw new ProblemException(ProblemType.FORBIDDEN,
            "Only a buyer who has bought this product (a paid order) may review it.");
        }
        return reviews.insert(tx, id, productId, buyerId, review, now);
      })
      .compose(inserted -> {
        if (!inserted) {
          throw new ProblemException(ProblemType.CONFLICT, "You have already reviewed this product; a buyer reviews a product once.");
        }
        return reviews.rate(tx, productId, review.rating());
      })
      .map(summary -> {
        if (summary == null) {
          throw ObjectAccess.notFound("product");
        }
        StoredReview stored = new StoredReview(id, review.rating(), review.title(), review.body(), now, null, null);
        return view(stored).put("summary", summary(summary));
      }))
      .onSuccess(added -> hotReads.productChanged(productId));
  }

  /** A page of the product's visible reviews, newest first, with the summary and the next page's cursor. */
  public Future<JsonObject> list(Caller caller, UUID productId, String cursor, int limit) {
    ReviewCursor after = cursor == null ? null : cursor(cursor);
    return reviews.product(runtime.pool(), productId).compose(product -> {
      if (product == null || !visibleTo(caller, product)) {
        throw ObjectAccess.notFound("product");
      }
      return reviews.page(runtime.pool(), productId, after, limit + 1).map(page -> page(product, page, limit));
    });
  }

  /** The review with the merchant's reply; only the product's merchant staff reply, and only once. */
  public Future<JsonObject> reply(Caller caller, UUID productId, UUID reviewId, String text, String clientAddress,
                                  String requestId) {
    String reply = text == null ? "" : text.strip();
    if (reply.isEmpty()) {
      throw new ProblemException(Problem.invalidField("/text", "minLength", "the reply needs some text"));
    }
    UUID by = UUID.fromString(caller.userId());
    return runtime.pool().withTransaction(tx -> reviews.lock(tx, reviewId).compose(review -> {
        if (review == null || !review.productId().equals(productId)) {
          throw ObjectAccess.notFound("review");
        }
        ObjectAccess.requireMerchant(caller, review.merchantId(), Permission.CATALOG_EDIT, "review");
        if (review.hidden()) {
          throw new ProblemException(ProblemType.CONFLICT, "The platform hid this review; it can no longer be replied to.");
        }
        if (review.replied()) {
          throw alreadyReplied();
        }
        return reviews.reply(tx, reviewId, reply, by, now());
      }))
      .map(stored -> {
        if (stored == null) {
          throw alreadyReplied();
        }
        return stored;
      })
      .compose(stored -> audit(caller, "catalog.review.replied", reviewId,
        new JsonObject().put("productId", productId.toString()), clientAddress, requestId).map(v -> view(stored)));
  }

  /** Hides a review from everyone and takes its rating out of the product's summary. */
  public Future<JsonObject> hide(Caller caller, UUID reviewId, String reason, String clientAddress, String requestId) {
    UUID by = UUID.fromString(caller.userId());
    Instant now = now();
    return runtime.pool().withTransaction(tx -> reviews.lock(tx, reviewId).compose(review -> {
        if (review == null) {
          throw ObjectAccess.notFound("review");
        }
        if (review.hidden()) {
          throw new ProblemException(ProblemType.CONFLICT, "This review is already hidden.");
        }
        return reviews.hide(tx, reviewId, by, reason.strip(), now)
          .compose(v -> reviews.unrate(tx, review.productId(), review.rating()))
          .map(summary -> hidden(review, now, summary));
      }))
      .onSuccess(body -> hotReads.productChanged(UUID.fromString(body.getString("productId"))))
      .compose(body -> audit(caller, "catalog.review.hidden", reviewId,
        new JsonObject().put("productId", body.getString("productId")), clientAddress, requestId).map(body));
  }

  /**
   * Reports the change to identity's audit trail once it has committed. The change stands if the report fails,
   * so the failure is logged (with the request id) rather than answered as an error the client would retry.
   */
  private Future<Void> audit(Caller caller, String action, UUID reviewId, JsonObject details, String clientAddress,
                             String requestId) {
    return StaffAudit.record(runtime.vertx(), caller, action, "review", reviewId, details, clientAddress, requestId);
  }

  private static boolean visibleTo(Caller caller, ReviewedProduct product) {
    return PUBLISHED.equals(product.status()) || Objects.equals(caller.merchantId(), product.merchantId().toString());
  }

  private static ReviewCursor cursor(String cursor) {
    try {
      return ReviewCursor.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField("cursor", "cursor", e.getMessage()));
    }
  }

  private static JsonObject page(ReviewedProduct product, List<StoredReview> page, int limit) {
    JsonArray items = new JsonArray();
    page.stream().limit(limit).forEach(review -> items.add(view(review)));
    String next = null;
    if (page.size() > limit) {
      StoredReview last = page.get(limit - 1);
      next = new ReviewCursor(last.createdAt(), last.id()).encode();
    }
    return new JsonObject().put("summary", summary(product.summary())).put("items", items).put("nextCursor", next);
  }

  private static JsonObject hidden(LockedReview review, Instant at, RatingSummary summary) {
    return new JsonObject().put("id", review.id().toString()).put("productId", review.productId().toString())
      .put("hiddenAt", at.toString()).put("summary", summary(summary));
  }

  private static JsonObject view(StoredReview review) {
    return new JsonObject().put("id", review.id().toString()).put("rating", review.rating())
      .put("title", review.title()).put("body", review.body()).put("reviewer", REVIEWER)
      .put("createdAt", review.createdAt().toString()).put("reply", review.reply())
      .put("repliedAt", review.repliedAt() == null ? null : review.repliedAt().toString());
  }

  private static JsonObject summary(RatingSummary summary) {
    return new JsonObject().put("count", summary.count()).put("average", summary.average());
  }

  private static ProblemException alreadyReplied() {
    return new ProblemException(ProblemType.CONFLICT, "This review already has the merchant's reply; it can be given once.");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
