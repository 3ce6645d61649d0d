package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.contract.MerchantApplied;
import dev.tradewind.identity.contract.MerchantApproved;
import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.identity.domain.Merchant;
import dev.tradewind.identity.domain.StaffMember;
import dev.tradewind.identity.infra.MerchantRepository;
import dev.tradewind.identity.infra.MerchantRepository.Invitation;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.auth.Role;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Merchant organisations: a signed-in user applies, an admin approves or rejects, the owner (or a merchant
 * admin) invites staff in a role, and staff accept with their own account. Every decision is audited. A role
 * change or removal voids the member's access tokens at once; the next refresh carries the new role. Joining
 * voids nothing: tokens without the role are harmless, and the next refresh adds it.
 */
public final class Merchants {
  private static final Duration INVITATION_TTL = Duration.ofDays(7);

  private final ContextRuntime runtime;
  private final MerchantRepository merchants;
  private final UserRepository users;
  private final Revocations revocations;
  private final AuditTrail audit;
  private final Clock clock;

  public Merchants(ContextRuntime runtime, MerchantRepository merchants, UserRepository users, Revocations revocations,
                   AuditTrail audit, Clock clock) {
    this.runtime = runtime;
    this.merchants = merchants;
    this.users = users;
    this.revocations = revocations;
    this.audit = audit;
    this.clock = clock;
  }

  /** Who acted, from where, under which request: what every audit entry needs. */
  public record Actor(Caller caller, String clientAddress, String requestId) {
    UUID userId() {
      return UUID.fromString(caller.userId());
    }
  }

  public record NewMerchant(String legalName, String country, String defaultCurrency, String defaultLanguage) {
  }

  public record IssuedInvitation(UUID id, UUID merchantId, String email, String role, Instant expiresAt,
                                 String acceptToken) {
  }

  public Future<Merchant> apply(Actor actor, NewMerchant application) {
    Instant now = now();
    Merchant merchant = new Merchant(UUID.randomUUID(), application.legalName(), application.country(),
      application.defaultCurrency(), application.defaultLanguage(), Merchant.PENDING, actor.userId(), now, null, null, null);
    return runtime.pool().withTransaction(tx -> merchants.membershipOf(tx, actor.userId()).compose(membership -> {
      if (membership != null) {
        throw new ProblemException(ProblemType.CONFLICT, "You already work for a merchant.");
      }
      return merchants.insert(tx, merchant);
    }).compose(inserted -> {
      if (!inserted) {
        throw new ProblemException(ProblemType.CONFLICT, "You already have an open merchant application.");
      }
      MerchantApplied event = new MerchantApplied(UUID.randomUUID(), now, merchant.id().toString(), 1, merchant.id(),
        merchant.ownerId(), merchant.country(), merchant.defaultCurrency(), merchant.defaultLanguage());
      return runtime.outbox().append(tx, IdentityContract.MERCHANT_APPLIED, event, actor.requestId())
        .compose(v -> audit.record(tx, AuditLog.byUser(actor.userId(), "merchant.applied", "merchant", merchant.id(),
          actor.clientAddress(), actor.requestId(), null)));
    })).map(v -> {
      runtime.outboxCommitted();
      return merchant;
    });
  }

  /** The merchant, for its own staff and platform admins; anyone else is told it does not exist. */
  public Future<Merchant> get(Caller caller, UUID merchantId) {
    return merchants.byId(runtime.pool(), merchantId).map(merchant -> {
      if (merchant == null) {
        throw ObjectAccess.notFound("merchant");
      }
      boolean ownApplication = merchant.ownerId().toString().equals(caller.userId());
      if (!ownApplication && !caller.may(Permission.ADMIN_MERCHANTS_DECIDE)) {
        ObjectAccess.requireMerchant(caller, merchant.id(), Permission.MERCHANT_READ, "merchant");
      }
      return merchant;
    });
  }

  public Future<List<Merchant>> withStatus(String status, int limit) {
    return merchants.byStatus(runtime.pool(), status, limit);
  }

  public Future<Merchant> approve(Actor actor, UUID merchantId) {
    return decide(actor, merchantId, Merchant.APPROVED, null);
  }

  public Future<Merchant> reject(Actor actor, UUID merchantId, String reason) {
    return decide(actor, merchantId, Merchant.REJECTED, reason);
  }

  private Future<Merchant> decide(Actor actor, UUID merchantId, String status, String reason) {
    Instant now = now();
    return runtime.pool().withTransaction(tx -> merchants.lock(tx, merchantId).compose(merchant -> {
      if (merchant == null) {
        throw ObjectAccess.notFound("merchant");
      }
      if (!Merchant.PENDING.equals(merchant.status())) {
        throw new ProblemException(ProblemType.CONFLICT, "The application was already decided: " + merchant.status() + ".");
      }
      return merchants.decide(tx, merchantId, status, utc(now), actor.userId(), reason)
        .compose(v -> Merchant.APPROVED.equals(status) ? opened(tx, merchant, actor, now) : Future.succeededFuture())
        .compose(v -> audit.record(tx, AuditLog.byUser(actor.userId(), "merchant." + status.toLowerCase(Locale.ROOT),
          "merchant", merchantId, actor.clientAddress(), actor.requestId(),
          reason == null ? null : new JsonObject().put("reason", reason))))
        .compose(v -> merchants.byId(tx, merchantId));
    })).onSuccess(v -> runtime.outboxCommitted());
  }

  private Future<Void> opened(SqlConnection tx, Merchant merchant, Actor actor, Instant now) {
    MerchantApproved event = new MerchantApproved(UUID.randomUUID(), now, merchant.id().toString(), 1, merchant.id(),
      merchant.ownerId(), merchant.legalName(), merchant.country(), merchant.defaultCurrency(),
      merchant.defaultLanguage(), actor.caller().authenticated() ? actor.userId() : null);
    return merchants.addMember(tx, merchant.ownerId(), merchant.id(), Role.MERCHANT_OWNER.name(), utc(now))
      .compose(added -> {
        if (!added) {
          throw new ProblemException(ProblemType.CONFLICT, "The applicant already works for another merchant.");
        }
        return runtime.outbox().append(tx, IdentityContract.MERCHANT_APPROVED, event, actor.requestId());
      });
  }

  /** Opens an approved merchant without review, for demo data; answers the existing one when there is one. */
  public Future<Merchant> openDirectly(UUID ownerId, NewMerchant details, String requestId) {
    return merchants.openApplicationOf(runtime.pool(), ownerId).compose(existing -> {
      if (existing != null) {
        return Future.succeededFuture(existing);
      }
      Instant now = now();
      Merchant merchant = new Merchant(UUID.randomUUID(), details.legalName(), details.country(),
        details.defaultCurrency(), details.defaultLanguage(), Merchant.PENDING, ownerId, now, null, null, null);
      Actor system = new Actor(dev.tradewind.shared.api.Caller.ANONYMOUS, null, requestId);
      return runtime.pool().withTransaction(tx -> merchants.insert(tx, merchant)
          .compose(v -> merchants.decide(tx, merchant.id(), Merchant.APPROVED, utc(now), null, null))
          .compose(v -> opened(tx, merchant, system, now))
          .compose(v -> audit.record(tx, AuditLog.bySystem("merchant.approved", "merchant", merchant.id(), requestId,
            new JsonObject().put("demo", true))))
          .compose(v -> merchants.byId(tx, merchant.id())))
        .onSuccess(v -> runtime.outboxCommitted());
    });
  }

  public Future<IssuedInvitation> invite(Actor actor, UUID merchantId, String email, String role) {
    ObjectAccess.requireMerchant(actor.caller(), merchantId, Permission.MERCHANT_STAFF_MANAGE, "merchant");
    Role invited = Role.parse(role);
    if (invited == null || invited.kind() != Role.Kind.MERCHANT || invited == Role.MERCHANT_OWNER) {
      throw new ProblemException(dev.tradewind.shared.api.Problem.invalidField("/role", "enum",
        "Staff are invited as MERCHANT_ADMIN, CATALOG_EDITOR or ORDER_HANDLER."));
    }
    Instant now = now();
    String token = SessionIssuer.randomToken();
    Invitation invitation = new Invitation(UUID.randomUUID(), merchantId, email.trim().toLowerCase(Locale.ROOT),
      invited.name(), utc(now.plus(INVITATION_TTL)), null);
    return runtime.pool().withTransaction(tx -> merchants.invite(tx, invitation, SessionIssuer.hash(token),
          actor.userId(), utc(now))
        .compose(v -> audit.record(tx, AuditLog.byUser(actor.userId(), "staff.invited", "merchant", merchantId,
          actor.clientAddress(), actor.requestId(), new JsonObject().put("invitationId", invitation.id().toString())
            .put("role", invited.name())))))
      .map(v -> new IssuedInvitation(invitation.id(), merchantId, invitation.email(), invitation.role(),
        invitation.expiresAt().toInstant(), token));
  }

  /** The signed-in user accepts an invitation addressed to their own email and joins the merchant. */
  public Future<StaffMember> accept(Actor actor, String token) {
    Instant now = now();
    Future<?> joined = runtime.pool().withTransaction(tx -> merchants.lockInvitation(tx, SessionIssuer.hash(token))
      .compose(invitation -> users.byId(tx, actor.userId()).compose(user -> {
        if (invitation == null || invitation.acceptedAt() != null || invitation.expiresAt().toInstant().isBefore(now)
          || user == null || !user.email().trim().toLowerCase(Locale.ROOT).equals(invitation.email())) {
          throw new ProblemException(ProblemType.NOT_FOUND, "No open invitation for you with this token.");
        }
        return merchants.addMember(tx, user.id(), invitation.merchantId(), invitation.role(), utc(now))
          .compose(added -> {
            if (!added) {
              throw new ProblemException(ProblemType.CONFLICT, "You already work for a merchant.");
            }
            return merchants.accept(tx, invitation.id(), utc(now), user.id());
          })
          .compose(v -> audit.record(tx, AuditLog.byUser(user.id(), "staff.joined", "merchant", invitation.merchantId(),
            actor.clientAddress(), actor.requestId(), new JsonObject().put("role", invitation.role())
              .put("invitationId", invitation.id().toString()))));
      })));
    return joined
      .compose(v -> merchants.membershipOf(runtime.pool(), actor.userId()))
      .compose(membership -> staffMember(membership.merchantId(), actor.userId()));
  }

  public Future<List<StaffMember>> staff(Caller caller, UUID merchantId) {
    ObjectAccess.requireMerchant(caller, merchantId, Permission.MERCHANT_READ, "merchant");
    return merchants.staff(runtime.pool(), merchantId);
  }

  public Future<StaffMember> changeRole(Actor actor, UUID merchantId, UUID userId, String role) {
    ObjectAccess.requireMerchant(actor.caller(), merchantId, Permission.MERCHANT_STAFF_MANAGE, "merchant");
    Role next = Role.parse(role);
    if (next == null || next.kind() != Role.Kind.MERCHANT || next == Role.MERCHANT_OWNER) {
      throw new ProblemException(dev.tradewind.shared.api.Problem.invalidField("/role", "enum",
        "Staff roles are MERCHANT_ADMIN, CATALOG_EDITOR or ORDER_HANDLER."));
    }
    return runtime.pool().withTransaction(tx -> merchants.changeRole(tx, merchantId, userId, next.name())
        .compose(previous -> {
          if (previous == null) {
            throw ObjectAccess.notFound("staff member");
          }
          return revocations.voidAllAccessTokens(tx, userId)
            .compose(revoked -> audit.record(tx, AuditLog.byUser(actor.userId(), "staff.role.changed", "user", userId,
              actor.clientAddress(), actor.requestId(), new JsonObject().put("merchantId", merchantId.toString())
                .put("from", previous).put("to", next.name()))).map(revoked));
        }))
      .onSuccess(revocations::announce)
      .compose(v -> staffMember(merchantId, userId));
  }

  public Future<Void> remove(Actor actor, UUID merchantId, UUID userId) {
    ObjectAccess.requireMerchant(actor.caller(), merchantId, Permission.MERCHANT_STAFF_MANAGE, "merchant");
    return runtime.pool().withTransaction(tx -> merchants.removeMember(tx, merchantId, userId).compose(removed -> {
        if (!removed) {
          throw ObjectAccess.notFound("staff member");
        }
        return revocations.voidAllAccessTokens(tx, userId)
          .compose(revoked -> audit.record(tx, AuditLog.byUser(actor.userId(), "staff.removed", "user", userId,
            actor.clientAddress(), actor.requestId(), new JsonObject().put("merchantId", merchantId.toString())))
            .map(revoked));
      }))
      .onSuccess(revocations::announce)
      .mapEmpty();
  }

  private Future<StaffMember> staffMember(UUID merchantId, UUID userId) {
    return merchants.staff(runtime.pool(), merchantId).map(staff -> staff.stream()
      .filter(member -> member.userId().equals(userId)).findFirst()
      .orElseThrow(() -> ObjectAccess.notFound("staff member")));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
