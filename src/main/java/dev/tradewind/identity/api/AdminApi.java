package dev.tradewind.identity.api;

import dev.tradewind.identity.application.Accounts;
import dev.tradewind.identity.application.AuditLog;
import dev.tradewind.identity.application.AuditTrail;
import dev.tradewind.identity.application.Merchants;
import dev.tradewind.identity.application.ServiceAccounts;
import dev.tradewind.identity.domain.AuditQuery;
import dev.tradewind.identity.infra.KeyRing;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Instant;
import java.util.UUID;

import static dev.tradewind.identity.api.AccountApi.id;
import static dev.tradewind.identity.api.AccountApi.user;
import static dev.tradewind.identity.api.MerchantApi.actor;

/** Platform staff: merchant decisions, account deactivation, the audit trail and signing keys. */
public final class AdminApi {
  private final Vertx vertx;
  private final Merchants merchants;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final KeyRing keys;
  private final ServiceAccounts serviceAccounts;

  public AdminApi(Vertx vertx, Merchants merchants, Accounts accounts, AuditTrail audit, KeyRing keys,
                  ServiceAccounts serviceAccounts) {
    this.serviceAccounts = serviceAccounts;
    this.vertx = vertx;
    this.merchants = merchants;
    this.accounts = accounts;
    this.audit = audit;
    this.keys = keys;
  }

  public void register(ApiDispatcher api) {
    api.on("listMerchantsByStatus", Permission.ADMIN_MERCHANTS_DECIDE, r -> merchants.withStatus(
        (String) r.query().getOrDefault("status", "PENDING"), limit(r)).map(list -> ApiReply.ok(new Views.Items<>(list))))
      .on("approveMerchant", Permission.ADMIN_MERCHANTS_DECIDE, r -> merchants.approve(actor(r), id(r, "merchantId"))
        .map(ApiReply::ok))
      .on("rejectMerchant", Permission.ADMIN_MERCHANTS_DECIDE, r -> merchants.reject(actor(r), id(r, "merchantId"),
        r.body().getString("reason")).map(ApiReply::ok))
      .on("deactivateUser", Permission.ADMIN_USERS_MANAGE, r -> accounts.deactivate(r.caller(), id(r, "userId"),
        r.clientAddress(), r.requestId()).map(v -> ApiReply.noContent()))
      .on("queryAuditTrail", Permission.ADMIN_AUDIT_READ, this::queryAudit)
      .on("verifyAuditTrail", Permission.ADMIN_AUDIT_READ, r -> audit.verify().map(ApiReply::ok))
      .on("rotateSigningKeys", Permission.ADMIN_KEYS_ROTATE, this::rotate)
      .on("createServiceAccount", Permission.ADMIN_SERVICE_ACCOUNTS_MANAGE, r -> serviceAccounts.create(user(r),
          r.body().getString("name"), r.body().getString("role"), r.clientAddress(), r.requestId())
        .map(issued -> ApiReply.created("/api/v1/admin/service-accounts/" + issued.clientId(), issued)
          .withHeader("Cache-Control", "no-store")))
      .on("disableServiceAccount", Permission.ADMIN_SERVICE_ACCOUNTS_MANAGE, r -> serviceAccounts.disable(user(r),
        id(r, "serviceAccountId"), r.clientAddress(), r.requestId()).map(v -> ApiReply.noContent()));
  }

  private Future<ApiReply> queryAudit(ApiRequest request) {
    var q = request.query();
    AuditQuery query = new AuditQuery((String) q.get("action"), request.queryId("actorId"),
      (String) q.get("targetType"), (String) q.get("targetId"), instant(q.get("from"), "from"),
      instant(q.get("to"), "to"), null, limit(request));
    return audit.query(query, (String) q.get("cursor")).map(ApiReply::ok)
      .recover(failure -> Future.failedFuture(failure instanceof IllegalArgumentException
        ? new ProblemException(Problem.invalidField("cursor", "cursor", failure.getMessage())) : failure));
  }

  private Future<ApiReply> rotate(ApiRequest request) {
    return keys.rotate()
      .onSuccess(jwks -> vertx.eventBus().publish(IdentityContract.PUBLIC_KEYS_CHANGED, jwks))
      .compose(jwks -> audit.record(AuditLog.byUser(user(request), "keys.rotated", "signing-key",
        keys.currentKid(), request.clientAddress(), request.requestId(), null)).map(jwks))
      .map(ApiReply::ok);
  }

  private static int limit(ApiRequest request) {
    Object limit = request.query().get("limit");
    return limit == null ? 50 : ((Number) limit).intValue();
  }

  /** An RFC 3339 time; one written without an offset is read as UTC rather than refused. */
  private static Instant instant(Object value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value.toString()).toInstant();
    } catch (java.time.format.DateTimeParseException withoutOffset) {
      try {
        return java.time.LocalDateTime.parse(value.toString()).toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ProblemException(Problem.invalidField(name, "date-time", name + " must be an RFC 3339 date-time"));
      }
    }
  }
}
