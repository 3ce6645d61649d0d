package dev.tradewind.catalog.application;

import dev.tradewind.catalog.domain.ShippingRule;
import dev.tradewind.catalog.infra.ShippingRestrictionRepository;
import dev.tradewind.catalog.infra.ShippingRestrictionRepository.StoredRestriction;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problem.FieldError;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The admins' rules about goods that cannot be shipped to a country. Every change is reported to the audit
 * trail once it has committed, so the trail never names a rule that was rolled back.
 */
public final class ShippingRestrictions {
  private static final String ADDED = "catalog.restriction.added";
  private static final String REMOVED = "catalog.restriction.removed";
  private static final String TARGET = "shipping-restriction";

  private final Vertx vertx;
  private final Pool pool;
  private final ShippingRestrictionRepository restrictions;
  private final Clock clock;
  private final HotReads hotReads;

  public ShippingRestrictions(Vertx vertx, Pool pool, ShippingRestrictionRepository restrictions, Clock clock,
                              HotReads hotReads) {
    this.vertx = vertx;
    this.pool = pool;
    this.restrictions = restrictions;
    this.clock = clock;
    this.hotReads = hotReads;
  }

  /** Where the change came from, for the audit trail. */
  public record Origin(Caller caller, String clientAddress, String requestId) {
  }

  public Future<List<StoredRestriction>> list(String country) {
    return restrictions.list(pool, country == null ? null : countryFilter(country));
  }

  public Future<StoredRestriction> add(ShippingRule.Parsed parsed, Origin origin) {
    if (!parsed.valid()) {
      return Future.failedFuture(new ProblemException(Problem.invalid("The shipping restriction is not valid.",
        parsed.errors())));
    }
    StoredRestriction restriction = new StoredRestriction(UUID.randomUUID(), parsed.rule(),
      clock.instant().truncatedTo(ChronoUnit.MICROS), UUID.fromString(origin.caller().userId()));
    return pool.withTransaction(tx -> requireCategory(tx, parsed.rule())
        .compose(v -> restrictions.insert(tx, restriction)))
      .map(inserted -> requireNew(inserted, restriction))
      .onSuccess(added -> hotReads.everythingChanged())
      .compose(added -> audit(ADDED, added, origin).map(added));
  }

  public Future<Void> remove(UUID id, Origin origin) {
    return pool.withTransaction(tx -> restrictions.delete(tx, id))
      .map(ShippingRestrictions::requireFound)
      .onSuccess(removed -> hotReads.everythingChanged())
      .compose(removed -> audit(REMOVED, removed, origin));
  }

  private Future<Void> requireCategory(SqlClient tx, ShippingRule rule) {
    if (rule.categorySlug() == null) {
      return Future.succeededFuture();
    }
    return restrictions.categoryExists(tx, rule.categorySlug()).map(exists -> {
      if (!exists) {
        throw new ProblemException(Problem.invalidField("category", "exists", "no category " + rule.categorySlug()));
      }
      return null;
    });
  }

  private static StoredRestriction requireNew(boolean inserted, StoredRestriction restriction) {
    if (!inserted) {
      throw new ProblemException(ProblemType.CONFLICT,
        "A rule for " + restriction.rule().rule() + " already exists for " + restriction.rule().country() + ".");
    }
    return restriction;
  }

  private static StoredRestriction requireFound(StoredRestriction removed) {
    if (removed == null) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No such shipping restriction.");
    }
    return removed;
  }

  private static String countryFilter(String country) {
    List<FieldError> errors = new ArrayList<>();
    String code = ShippingRule.destination(country, errors);
    if (code == null) {
      throw new ProblemException(Problem.invalid("The country filter is not valid.", errors));
    }
    return code;
  }

  /**
   * The change has committed and stays whatever the trail answers; a trail that cannot record it is logged
   * loudly rather than turned into an error the admin would retry.
   */
  private Future<Void> audit(String action, StoredRestriction restriction, Origin origin) {
    ShippingRule rule = restriction.rule();
    JsonObject details = new JsonObject().put("country", rule.country()).put("rule", rule.rule());
    return StaffAudit.record(vertx, origin.caller(), action, TARGET, restriction.id(), details, origin.clientAddress(),
      origin.requestId());
  }

}
