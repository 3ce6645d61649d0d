package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.identity.contract.UserErased;
import dev.tradewind.identity.domain.AccountRules;
import dev.tradewind.identity.domain.AccountRules.Violation;
import dev.tradewind.identity.domain.UserAccount;
import dev.tradewind.identity.infra.AddressRepository;
import dev.tradewind.identity.infra.PasswordHasher;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problem.FieldError;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Role;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.privacy.PersonalDataExport;
import dev.tradewind.shared.privacy.PersonalDataPart;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A user's own account: the profile, its changes, and the two privacy rights (a full export, and erasure
 * that anonymises the person while keeping what accounting needs). Staff can deactivate an account.
 */
public final class Accounts {
  private final ContextRuntime runtime;
  private final UserRepository users;
  private final AddressRepository addresses;
  private final AccountRules rules;
  private final PasswordHasher hasher;
  private final Revocations revocations;
  private final AuditTrail audit;
  private final Clock clock;

  public Accounts(ContextRuntime runtime, UserRepository users, AddressRepository addresses, AccountRules rules,
                  PasswordHasher hasher, Revocations revocations, AuditTrail audit, Clock clock) {
    this.runtime = runtime;
    this.users = users;
    this.addresses = addresses;
    this.rules = rules;
    this.hasher = hasher;
    this.revocations = revocations;
    this.audit = audit;
    this.clock = clock;
  }

  public record ProfileChange(String name, String country, String currency, String language, String phone) {
  }

  public Future<UserAccount> profile(UUID userId) {
    return users.byId(runtime.pool(), userId).map(user -> {
      if (user == null || !user.active()) {
        throw ObjectAccess.notFound("account");
      }
      return user;
    });
  }

  /**
   * Applies the fields given; anything else in the request (roles, status, merchant) was refused by the contract.
   * The row is locked while the change is merged, so two concurrent changes of different fields both survive.
   */
  public Future<UserAccount> updateProfile(UUID userId, ProfileChange change) {
    return runtime.pool().withTransaction(tx -> users.lock(tx, userId).compose(user -> {
      if (user == null || !user.active()) {
        throw ObjectAccess.notFound("account");
      }
      String name = change.name() == null ? user.name() : change.name();
      String country = change.country() == null ? user.country() : change.country();
      String currency = change.currency() == null ? user.currency() : change.currency();
      String language = change.language() == null ? user.language() : change.language();
      List<Violation> violations = rules.checkProfile(name, country, currency, language);
      String phone = user.phone();
      if (change.phone() != null) {
        var checked = dev.tradewind.identity.domain.PhoneNumbers.toE164(change.phone(), country);
        violations = new java.util.ArrayList<>(violations);
        violations.addAll(checked.violations());
        phone = checked.e164();
      }
      if (!violations.isEmpty()) {
        throw new ProblemException(Problem.invalid("The profile breaks the rules.", violations.stream()
          .map(v -> new FieldError(v.field(), v.rule(), v.message())).toList()));
      }
      return users.updateProfile(tx, userId, name.trim(), country.toUpperCase(java.util.Locale.ROOT),
        currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT), language, phone, utc(now()));
    })).compose(v -> profile(userId));
  }

  /** Platform staff deactivate an account; only an admin may deactivate another admin. */
  public Future<Void> deactivate(Caller actor, UUID userId, String clientAddress, String requestId) {
    UUID actorId = UUID.fromString(actor.userId());
    return runtime.pool().withTransaction(tx -> users.lock(tx, userId).compose(target -> {
        if (target != null && target.roles().contains(Role.ADMIN.name()) && !actor.hasRole(Role.ADMIN.name())) {
          throw new ProblemException(ProblemType.FORBIDDEN, "Only an admin may deactivate an admin.");
        }
        return users.deactivate(tx, userId, utc(now()));
      }).compose(changed -> {
        if (!changed) {
          throw ObjectAccess.notFound("active account");
        }
        return revocations.revokeUser(tx, userId, "deactivated")
          .compose(revoked -> audit.record(tx, AuditLog.byUser(actorId, "user.deactivated", "user", userId,
            clientAddress, requestId, null)).map(revoked));
      }))
      .onSuccess(revocations::announce)
      .mapEmpty();
  }

  /** Everything Tradewind holds about the user, gathered from every context that holds personal data. */
  public Future<JsonObject> export(UUID userId, String clientAddress, String requestId) {
    return profile(userId)
      .compose(user -> PersonalDataExport.collect(runtime.vertx(), userId, requestId))
      .compose(parts -> audit.record(AuditLog.byUser(userId, "privacy.exported", "user", userId, clientAddress,
        requestId, null)).map(v -> document(userId, parts)));
  }

  private JsonObject document(UUID userId, List<PersonalDataPart> parts) {
    JsonObject contexts = new JsonObject();
    parts.forEach(part -> contexts.put(part.context(), part.data()));
    return new JsonObject().put("userId", userId.toString()).put("exportedAt", now().toString())
      .put("contexts", contexts);
  }

  /**
   * Erases the person: identity replaces every personal field and deletes the address book in one transaction
   * with the {@link UserErased} event; contexts holding more anonymise their part when the event reaches them.
   * The password must be given again, so a stolen access token alone cannot erase an account.
   */
  public Future<Void> erase(UUID userId, String password, String clientAddress, String requestId) {
    Instant now = now();
    return profile(userId)
      .compose(user -> hasher.verify(password, user.passwordHash()))
      .compose(matches -> {
        if (!matches) {
          throw new ProblemException(Problem.invalidField("/password", "matches", "The password is not correct."));
        }
        return hasher.hash(SessionIssuer.randomToken());
      })
      .compose(unusable -> runtime.pool().withTransaction(tx -> users.erase(tx, userId, unusable, utc(now))
        .compose(v -> addresses.deleteAll(tx, userId))
        .compose(v -> runtime.outbox().append(tx, IdentityContract.USER_ERASED,
          new UserErased(UUID.randomUUID(), now, userId.toString(), 1, userId), requestId))
        .compose(v -> revocations.revokeUser(tx, userId, "erased"))
        .compose(revoked -> audit.record(tx, AuditLog.byUser(userId, "privacy.erased", "user", userId, clientAddress,
          requestId, null)).map(revoked))))
      .onSuccess(revoked -> {
        runtime.outboxCommitted();
        revocations.announce(revoked);
      })
      .mapEmpty();
  }

  /** Identity's share of a data export: the profile, the address book and the merchant membership. */
  public Future<Void> contributePersonalData() {
    return PersonalDataExport.contribute(runtime.vertx(), IdentityContract.CONTEXT, this::personalData);
  }

  private Future<JsonObject> personalData(UUID userId) {
    return users.byId(runtime.pool(), userId).compose(user -> addresses.list(runtime.pool(), userId).map(book -> {
      if (user == null) {
        return new JsonObject();
      }
      JsonObject profile = new JsonObject().put("id", user.id().toString()).put("email", user.email())
        .put("name", user.name()).put("country", user.country()).put("currency", user.currency())
        .put("language", user.language()).put("phone", user.phone()).put("roles", user.tokenRoles())
        .put("status", user.status()).put("createdAt", user.createdAt().toString());
      if (user.merchantId() != null) {
        profile.put("merchant", new JsonObject().put("merchantId", user.merchantId().toString())
          .put("role", user.merchantRole()));
      }
      return new JsonObject().put("profile", profile)
        .put("addresses", new io.vertx.core.json.JsonArray(book.stream().map(JsonObject::mapFrom).toList()));
    }));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
